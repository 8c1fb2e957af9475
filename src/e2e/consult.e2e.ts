/**
 * Consult and transfer as agents expect them: Hang up during a consult leaves the colleague's leg and
 * keeps the caller (on hold until Resume), a blind transfer to a number still ringing reads as a
 * transfer, and the transfer view closes when the transfer is over, the focus back on the call.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { answeredCall, signedInPage, transfer } from './agents';
import { expectCallState, mockStage, type MockPage } from './support';

const stage = mockStage();
beforeEach(() => stage.reset());

/** The accessible name (or text) of the element that has the focus in the panel. */
const focused = (m: MockPage) => m.panel.locator(':focus').evaluate((el) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName);

const simCall = async (m: MockPage, callId: string) => (await m.cti((cti) => cti.server.calls())).find((c) => c.callId === callId);

describe('Hang up during a consult', () => {
  it('ends the colleague’s leg only: the caller is held, the agent is back with them, and Resume connects', async () => {
    const a = await signedInPage(stage, 'agent01');
    const b = await signedInPage(stage, 'agent02');
    const callId = await answeredCall(a);
    await transfer(a, 'agent02', 'Consult');
    await expectCallState(a.panel, 'Consulting');
    await b.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(b.panel, 'Connected');

    await a.panel.getByRole('button', { name: 'Hang up' }).click();
    await expectCallState(a.panel, 'On hold');
    await expectCallState(b.panel, 'Ended');
    await b.panel.getByText('The consult transfer was withdrawn.').waitFor();
    expect(await simCall(a, callId)).toMatchObject({ state: 'held', agent: 'agent01' });
    // The consult is over: no transfer view, and the focus on Resume (Hang up again would drop the caller).
    expect(await a.panel.getByRole('group', { name: 'Transfer' }).count()).toBe(0);
    await expect.poll(() => focused(a)).toBe('Resume');

    await a.panel.getByRole('button', { name: 'Resume' }).click();
    await expectCallState(a.panel, 'Connected');
    expect(await simCall(a, callId)).toMatchObject({ state: 'connected', agent: 'agent01' });
    expect(a.errors.concat(b.errors)).toEqual([]);
  });

  it('while an outside number still rings for a blind transfer (転送中): the caller is held, not dropped', async () => {
    const a = await signedInPage(stage, 'agent01', 'ja');
    const callId = await answeredCall(a, '03-5555-0101', 'ja');
    await a.panel.getByRole('button', { name: '転送', exact: true }).click();
    await a.panel.getByRole('textbox', { name: '転送先' }).fill('090-3333-4444');
    await a.panel.getByRole('button', { name: 'ブラインド転送' }).click();
    // Ringing at the number: a transfer on its way, not a consult.
    await expectCallState(a.panel, '転送中', 'ja');
    await a.panel.getByText('090-3333-4444 に転送中', { exact: false }).or(a.panel.getByText('09033334444 に転送中', { exact: false })).waitFor();
    expect(await a.panel.getByText('打診中').count()).toBe(0);

    await a.panel.getByRole('button', { name: '切断' }).click();
    await expectCallState(a.panel, '保留中', 'ja');
    expect(await simCall(a, callId)).toMatchObject({ state: 'held', agent: 'agent01' });
    await a.panel.getByRole('button', { name: '保留解除' }).click();
    await expectCallState(a.panel, '通話中', 'ja');
  });

  it('Cancel transfer still goes back to the caller connected, and the target form does not come back', async () => {
    const a = await signedInPage(stage, 'agent01');
    await signedInPage(stage, 'agent02');
    await answeredCall(a);
    await transfer(a, 'agent02', 'Consult');
    await expectCallState(a.panel, 'Consulting');
    await a.panel.getByRole('button', { name: 'Cancel transfer' }).click();
    await expectCallState(a.panel, 'Connected');
    await expect.poll(() => a.panel.getByRole('group', { name: 'Transfer' }).count()).toBe(0);
    expect(await a.panel.getByRole('button', { name: 'Transfer', exact: true }).getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => focused(a)).toBe('Hold');
  });
});

describe('the transfer view', () => {
  it('closes after Complete transfer, the focus on the ended call’s Close, not in "Transfer to"', async () => {
    const a = await signedInPage(stage, 'agent01');
    const b = await signedInPage(stage, 'agent02');
    await answeredCall(a);
    await transfer(a, 'agent02', 'Consult');
    await b.panel.getByRole('button', { name: 'Answer' }).click();
    await a.panel.getByRole('button', { name: 'Complete transfer' }).click();
    await expectCallState(a.panel, 'Ended');
    await a.panel.getByText(/^The call went on to another agent or number/).waitFor();
    expect(await a.panel.getByRole('group', { name: 'Transfer' }).count()).toBe(0);
    expect(await a.panel.getByRole('textbox', { name: 'Transfer to' }).count()).toBe(0);
    await expect.poll(() => focused(a)).toBe('Close');
    expect(a.errors).toEqual([]);
    expect(await a.panel.getByRole('alert').count()).toBe(0);
  });

  it('closes when the call ends while the agent types a target', async () => {
    const a = await signedInPage(stage, 'agent01');
    const callId = await answeredCall(a);
    await a.panel.getByRole('button', { name: 'Transfer', exact: true }).click();
    await a.panel.getByRole('textbox', { name: 'Transfer to' }).fill('agent0');
    await a.cti((cti, id) => cti.server.remoteHangup(id), callId);
    await expectCallState(a.panel, 'Ended');
    await expect.poll(() => a.panel.getByRole('textbox', { name: 'Transfer to' }).count()).toBe(0);
    await expect.poll(() => focused(a)).toBe('Close');
  });
});
