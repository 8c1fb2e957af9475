/**
 * Alerts that tell the truth: each goes by itself once its cause is over, each problem is said once,
 * and the alert region is in view wherever the panel is scrolled.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { answeredCall, signedInPage } from './agents';
import { hostCalls, mockStage, signIn, type MockPage } from './support';

const stage = mockStage({ simulator: { timing: { outcomeDelayMs: 100, recordingDelayMs: 100 } } });
beforeEach(() => stage.reset());

const alerts = (m: MockPage) => m.panel.getByRole('alert').allTextContents();
const userInfoAsks = async (m: MockPage) => (await hostCalls(m, 'runApex')).filter((c) => (c.args as { methodName?: string }).methodName === 'getUserInfo');
const linkReady = (m: MockPage) => m.panel.getByText('BIZTEL サーバ: 接続済み').count();

describe('an alert goes when its cause is over', () => {
  it('"not connected" goes when the link is back', async () => {
    const m = await signedInPage(stage, 'agent01', 'ja');
    await m.cti((cti) => cti.server.dropConnections(1500));
    await expect.poll(() => linkReady(m)).toBe(0);
    await m.panel.getByRole('textbox', { name: '電話番号' }).fill('03-1234-5678');
    await m.panel.getByRole('button', { name: '発信', exact: true }).click();
    await expect.poll(() => alerts(m)).toEqual([expect.stringContaining('BIZTEL サーバに接続されていないため')]);
    await expect.poll(() => linkReady(m), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => alerts(m)).toEqual([]);
  });

  it('the transfer target: "enter a target" goes as one is typed, and bad targets never stack', async () => {
    const m = await signedInPage(stage, 'agent01', 'ja');
    await answeredCall(m, '03-5555-0101', 'ja');
    await m.panel.getByRole('button', { name: '転送', exact: true }).click();
    await m.panel.getByRole('button', { name: 'ブラインド転送', exact: true }).click();
    await expect.poll(() => alerts(m)).toEqual([expect.stringContaining('転送先を入力してください。')]);
    const target = m.panel.getByRole('textbox', { name: '転送先' });
    await target.fill('nobody');
    await expect.poll(() => alerts(m)).toEqual([]);
    for (const bad of ['nobody', 'x', '']) {
      await target.fill(bad);
      await m.panel.getByRole('button', { name: 'ブラインド転送', exact: true }).click();
      await expect.poll(async () => (await alerts(m)).length).toBe(1);
    }
    await target.fill('agent0');
    await expect.poll(() => alerts(m)).toEqual([]);
  });

  it('"not a phone number" does not survive sign-out', async () => {
    const m = await signedInPage(stage, 'agent01', 'ja');
    await m.panel.getByRole('textbox', { name: '電話番号' }).fill('abc');
    await m.panel.getByRole('button', { name: '発信', exact: true }).click();
    await expect.poll(() => alerts(m)).toEqual([expect.stringContaining('「abc」は電話番号ではない')]);
    await m.panel.getByRole('button', { name: 'サインアウト' }).click();
    await m.panel.getByRole('button', { name: 'サインイン' }).waitFor();
    expect(await alerts(m)).toEqual([]);
  });

  it('the Salesforce session timeout is said once, and not any more once Salesforce is back', async () => {
    const m = await signedInPage(stage, 'agent01', 'ja');
    const callId = await answeredCall(m, '03-5555-0101', 'ja');
    await m.cti((cti) => cti.host.expireSession());
    await m.cti((cti, id) => cti.server.remoteHangup(id), callId);
    const said = /Salesforce のセッションがタイムアウトしたため/;
    await m.panel.getByText(said).waitFor({ timeout: 10_000 });
    // Signing in is refused while Salesforce does not answer: the notice already says why.
    await m.panel.getByRole('textbox', { name: 'ログインID' }).fill('agent01');
    await m.panel.getByLabel('パスワード').fill('biztel');
    const asked = (await userInfoAsks(m)).length;
    await m.panel.getByRole('button', { name: 'サインイン' }).click();
    // The panel asked Salesforce (still no answer) and refused; nothing more comes of it.
    await expect.poll(async () => (await userInfoAsks(m)).length).toBeGreaterThan(asked);
    // The refusal is done when the form has let the password go.
    await expect.poll(() => m.panel.getByLabel('パスワード').inputValue()).toBe('');
    expect((await alerts(m)).filter((a) => said.test(a))).toHaveLength(1);
    expect(await m.panel.getByText(said).count()).toBe(1);
    await m.cti((cti) => cti.host.restoreSession());
    await expect.poll(() => m.panel.getByText(said).count(), { timeout: 15_000 }).toBe(0);
    await signIn(m.panel, 'agent01', 'ja');
  });
});

describe('the alert region is in view', () => {
  it('at the top of the panel however far it is scrolled', async () => {
    const m = await signedInPage(stage, 'agent01', 'ja');
    await answeredCall(m, '03-5555-0101', 'ja');
    await m.panel.getByRole('button', { name: '転送', exact: true }).click();
    // The agent scrolled down to the notes, then asks for a transfer without a target.
    await m.panel.getByRole('textbox', { name: 'メモ' }).scrollIntoViewIfNeeded();
    await m.panel.getByRole('button', { name: 'ブラインド転送', exact: true }).click();
    const alert = m.panel.getByRole('alert');
    await alert.waitFor();
    const inView = await alert.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, height: window.innerHeight, scrolled: window.scrollY };
    });
    expect(inView.scrolled).toBeGreaterThan(0);
    expect(inView.top).toBeGreaterThanOrEqual(0);
    expect(inView.bottom).toBeLessThanOrEqual(inView.height);
  });
});
