/**
 * Every message in the panel's language, and the words that say what happens: start-up failures in
 * Japanese before Salesforce has answered, object types in Salesforce's Japanese names, 非通知 with no
 * "no record matches", and a blind transfer still ringing outside read as 転送中.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { answeredCall, signedInPage } from './agents';
import { expectCallState, hostCalls, mockStage, reloadSoftphone } from './support';

const stage = mockStage();
beforeEach(() => stage.reset());

describe('the panel’s language', () => {
  it('a start-up that fails before Salesforce names the user’s language is said in Japanese in a Japanese org', async () => {
    const m = await stage.page('lang=ja');
    await m.panel.getByRole('button', { name: 'サインイン' }).waitFor();
    await m.cti((cti) => cti.host.failNext('getCallCenterSettings'));
    await reloadSoftphone(m);
    const failure = m.panel.getByRole('alert').first();
    await failure.getByText('BIZTEL設定をご確認ください。').waitFor();
    await failure.getByText('① Salesforce Open CTI API を実行できませんでした。').waitFor();
    expect(await failure.textContent()).not.toMatch(/Check the BIZTEL settings/);
  });
});

describe('the words of a call', () => {
  it('object types in Japanese; a withheld number says 非通知, is never searched, and has no "no record matches"', async () => {
    const m = await signedInPage(stage, 'agent01', 'ja');
    await m.cti((cti) => cti.server.incomingCall({ from: '045-333-4444' }));
    const group = m.panel.getByRole('radiogroup', { name: '関連レコード' });
    await group.getByRole('radio', { name: '取引先責任者 田中 美咲' }).waitFor();
    await m.panel.getByRole('button', { name: '拒否', exact: true }).click();
    await m.panel.getByRole('button', { name: '閉じる', exact: true }).first().click();

    stage.stack.simulator.pbx.setSystemSettings({ anonymousPopup: true });
    const searchesBefore = (await hostCalls(m, 'searchAndScreenPop')).length;
    await m.cti((cti) => cti.server.incomingCall({ from: null }));
    await expectCallState(m.panel, '着信中', 'ja');
    await m.panel.getByText('非通知', { exact: true }).first().waitFor();
    // The layout's no-match rule decides (an empty search), never a number.
    await expect.poll(async () => (await hostCalls(m, 'searchAndScreenPop')).length).toBe(searchesBefore + 1);
    const searched = (await hostCalls(m, 'searchAndScreenPop')).slice(searchesBefore).map((c) => (c.args as { searchParams?: string }).searchParams);
    expect(searched).toEqual(['']);
    // The empty search's answer (no match) has reached the card.
    await m.panel.locator('.records[data-searched="true"]').first().waitFor({ state: 'attached' });
    expect(await m.panel.getByText(/一致するレコードがありません/).count()).toBe(0);
  });

  it('a blind transfer still ringing at an outside number reads 転送中, not 打診中', async () => {
    const m = await signedInPage(stage, 'agent01', 'ja');
    await answeredCall(m, '03-5555-0101', 'ja');
    await m.panel.getByRole('button', { name: '転送', exact: true }).click();
    await m.panel.getByRole('textbox', { name: '転送先' }).fill('0312349999');
    await m.panel.getByRole('button', { name: 'ブラインド転送', exact: true }).click();
    await expectCallState(m.panel, '転送中', 'ja');
    await m.panel.getByText('03-1234-9999 に転送中').waitFor();
  });
});
