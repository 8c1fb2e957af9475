/**
 * What makes the panel comfortable over a shift: keyboard shortcuts, the language the agent picks,
 * the history with ring-back, Japanese number formatting.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { signedInPage } from './agents';
import { expectCallState, launchStorageContext, reloadSoftphone, signIn, tasksFor, type MockPage, mockStage, attachMockPage } from './support';

const stage = mockStage({ simulator: { timing: { outcomeDelayMs: 100, recordingDelayMs: 100 } } });
beforeEach(() => stage.reset());

/** The keys, pressed inside the panel (shortcuts are the panel's own; press focuses it first). */
async function press(m: MockPage, keys: string): Promise<void> {
  await m.panel.locator('body').press(keys);
}

describe('keyboard shortcuts inside the panel', () => {
  it('answers, holds, resumes, opens the transfer target and hangs up', async () => {
    const m = await signedInPage(stage);
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    expect(await m.panel.getByRole('button', { name: 'Answer', exact: true }).getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+A');
    await press(m, 'Alt+Shift+KeyA');
    await expectCallState(m.panel, 'Connected');
    await press(m, 'Alt+Shift+KeyO');
    await expectCallState(m.panel, 'On hold');
    await press(m, 'Alt+Shift+KeyO');
    await expectCallState(m.panel, 'Connected');
    await press(m, 'Alt+Shift+KeyT');
    const target = m.panel.getByRole('textbox', { name: 'Transfer to' });
    await expect.poll(() => target.evaluate((el) => el === document.activeElement)).toBe(true);
    await press(m, 'Alt+Shift+KeyH');
    await expectCallState(m.panel, 'Ended');
    await expect.poll(() => tasksFor(m, callId)).toHaveLength(1);
  });

  it('declines a ringing call with the hang-up keys, and does nothing when no button can act', async () => {
    const m = await signedInPage(stage);
    await press(m, 'Alt+Shift+KeyA'); // no call: nothing happens, no error
    await press(m, 'Alt+Shift+KeyH');
    await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    await press(m, 'Alt+Shift+KeyH');
    await expectCallState(m.panel, 'Ended');
    // Whatever the first keys had sent went to the server before the decline, and its answer came
    // back before the call ended here: there was none, and no error.
    expect(await m.cti((cti) => cti.server.calls())).toEqual([expect.objectContaining({ direction: 'inbound', state: 'ended' })]);
    expect(await m.panel.getByRole('alert').count()).toBe(0);
  });

  it('lists the shortcuts in the panel', async () => {
    const m = await stage.page('lang=ja');
    await m.panel.getByRole('button', { name: 'キーボードショートカット' }).click();
    for (const keys of ['Alt+Shift+A', 'Alt+Shift+H', 'Alt+Shift+O', 'Alt+Shift+T']) await m.panel.getByText(keys).waitFor();
    await m.panel.getByText('応答').first().waitFor();
  });
});

describe('the language', () => {
  it('follows the Salesforce user, and the agent can switch it in the panel', async () => {
    const m = await stage.page('lang=ja');
    await m.panel.getByRole('button', { name: 'サインイン' }).waitFor();
    expect(await m.panel.locator('html').getAttribute('lang')).toBe('ja');
    await m.panel.getByRole('combobox', { name: '表示言語' }).selectOption('en');
    await m.panel.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await m.panel.locator('html').getAttribute('lang')).toBe('en');
    await signIn(m.panel, 'agent01', 'en');
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    await m.panel.getByRole('button', { name: 'Decline' }).click();
    await expect.poll(() => tasksFor(m, callId)).toHaveLength(1);
    // The Task speaks the language the agent reads.
    expect((await tasksFor(m, callId))[0]?.Subject).toMatch(/^Inbound call/);
    await m.panel.getByRole('combobox', { name: 'Language' }).selectOption('auto');
    await m.panel.getByRole('button', { name: 'サインアウト' }).waitFor();
  });

  it('keeps the choice across a reload where the browser lets the panel store it', async () => {
    const context = stage.track(await launchStorageContext());
    const m = await attachMockPage(await context.newPage(), stage.stack.mockUrl('lang=ja'));
    await m.panel.getByRole('combobox', { name: '表示言語' }).selectOption('en');
    await m.panel.getByRole('button', { name: 'Sign in' }).waitFor();
    await reloadSoftphone(m);
    await m.panel.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await m.panel.getByRole('combobox', { name: 'Language' }).inputValue()).toBe('en');
  });
});

describe('history', () => {
  it('lists the calls the server knows, formatted, and rings back from there', async () => {
    const m = await signedInPage(stage);
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '0463331234' }));
    await expectCallState(m.panel, 'Ringing');
    await m.panel.getByText('0463-33-1234').first().waitFor(); // a four-digit area code, formatted
    await m.panel.getByRole('button', { name: 'Answer', exact: true }).click();
    await expectCallState(m.panel, 'Connected');
    await m.cti((cti, id) => cti.server.remoteHangup(id), callId);
    await expectCallState(m.panel, 'Ended');
    await m.panel.getByRole('button', { name: 'Close' }).click();

    await m.panel.getByRole('button', { name: 'History', exact: true }).click();
    const ringBack = m.panel.getByRole('button', { name: 'Ring back 0463-33-1234' });
    await ringBack.waitFor();
    await m.cti((cti) => cti.server.setOutcome('0463331234', 'answer'));
    await ringBack.click();
    await expect.poll(() => m.cti((cti) => cti.server.calls().then((calls) => calls.filter((c) => c.direction === 'outbound').map((c) => c.to)))).toEqual(['0463331234']);
    await expectCallState(m.panel, 'Connected');
  });
});
