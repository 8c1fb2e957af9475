import { beforeEach, describe, expect, it } from 'vitest';
import { answeredCall, signedInPage, tasksOf } from './agents';
import { expectCallState, tasksFor, mockStage } from './support';

const stage = mockStage();
beforeEach(() => stage.reset());

describe('call control in the panel', () => {
  it('consult-transfers a call with the open record: agent02 pops 山田 太郎, both agents get their Task', async () => {
    const a = await signedInPage(stage, 'agent01');
    const b = await signedInPage(stage, 'agent02');
    await a.cti((cti) => cti.host.navigate('0035555000001AA'));
    const callId = await answeredCall(a);

    await a.panel.getByRole('button', { name: 'Transfer' }).click();
    await a.panel.getByRole('textbox', { name: 'Transfer to' }).fill('agent02');
    await a.panel.getByRole('button', { name: 'Consult' }).click();
    await expectCallState(a.panel, 'Consulting');
    await expectCallState(b.panel, 'Ringing');
    // 画面転送: agent02's panel pops the record agent01 had open, without a number search.
    await expect.poll(() => b.cti((cti) => cti.host.screenPops())).toEqual([expect.objectContaining({ type: 'sobject', poppedRecordIds: ['0035555000001AA'] })]);
    const bSearches = (await b.cti((cti) => cti.host.calls())).filter((c) => c.methodName === 'searchAndScreenPop');
    expect(bSearches).toEqual([]);

    await b.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(b.panel, 'Connected');
    await a.panel.getByRole('button', { name: 'Complete transfer' }).click();
    await expectCallState(a.panel, 'Ended');
    await a.panel.getByText(/^The call went on to another agent or number/).waitFor();

    await new Promise((r) => setTimeout(r, 1100));
    await b.panel.getByRole('button', { name: 'Hang up' }).click();
    await expectCallState(b.panel, 'Ended');

    await expect.poll(() => tasksFor(a, callId), { timeout: 5000 }).toHaveLength(2);
    expect(await tasksOf(a, callId, 'agent01')).toEqual([expect.objectContaining({ CallType: 'Inbound', WhoId: '0035555000001AA', CallDisposition: 'Transferred' })]);
    const [completed] = await tasksOf(a, callId, 'agent02');
    expect(completed).toMatchObject({ CallType: 'Inbound', WhoId: '0035555000001AA', CallDisposition: 'Completed' });
    expect(completed!.CallDurationInSeconds as number).toBeGreaterThanOrEqual(1);
    expect(a.errors.concat(b.errors)).toEqual([]);
  });

  it('places an outbound call with the chosen caller ID, holds, resumes, parks, unparks and hangs up', async () => {
    const a = await signedInPage(stage, 'agent01');
    await a.panel.getByRole('combobox', { name: 'Caller ID' }).selectOption('05011112222');
    await expect.poll(() => stage.stack.simulator.pbx.agents.get('agent01')?.callerId).toBe('050-1111-2222');
    await a.panel.getByRole('textbox', { name: 'Phone number' }).fill('03-5555-0100');
    await a.panel.getByRole('button', { name: 'Call' }).click();
    await expectCallState(a.panel, 'Dialing');
    const [call] = await a.cti((cti) => cti.server.calls());
    expect(call).toMatchObject({ direction: 'outbound', from: '050-1111-2222', to: '0355550100', state: 'dialing', agent: 'agent01' });
    await a.cti((cti, id) => cti.server.remoteAnswer(id), call!.callId);
    await expectCallState(a.panel, 'Connected');

    await a.panel.getByRole('button', { name: 'Hold' }).click();
    await expectCallState(a.panel, 'On hold');
    await a.panel.getByRole('button', { name: 'Resume' }).click();
    await expectCallState(a.panel, 'Connected');
    await a.panel.getByRole('button', { name: 'Keypad' }).click();
    await a.panel.getByRole('button', { name: '5', exact: true }).click();
    await expect.poll(() => a.cti((cti) => cti.server.calls().then((c) => c[0]?.dtmf))).toBe('5');
    await a.panel.getByRole('button', { name: 'Park', exact: true }).click();
    await expectCallState(a.panel, 'Parked');
    await a.panel.getByText(/Park number 7\d\d/).waitFor();
    await a.panel.getByRole('button', { name: 'Unpark' }).click();
    await expectCallState(a.panel, 'Connected');
    await a.panel.getByRole('button', { name: 'Hang up' }).click();
    await expectCallState(a.panel, 'Ended');

    await expect.poll(() => tasksFor(a, call!.callId)).toHaveLength(1);
    const [task] = await tasksFor(a, call!.callId);
    expect(task).toMatchObject({ CallType: 'Outbound', Subject: 'Outbound call 03-5555-0100', CallDisposition: 'Completed' });
  });

  it('says why the line was busy, and refuses a number that is not one', async () => {
    const a = await signedInPage(stage, 'agent01');
    await a.cti((cti) => cti.server.setOutcome('0312340000', 'busy'));
    await a.panel.getByRole('textbox', { name: 'Phone number' }).fill('03-1234-0000');
    await a.panel.getByRole('button', { name: 'Call' }).click();
    await a.panel.getByText('The line was busy.').waitFor();
    await a.panel.getByRole('textbox', { name: 'Phone number' }).fill('call me maybe');
    await a.panel.getByRole('button', { name: 'Call' }).click();
    await a.panel.getByRole('alert').filter({ hasText: 'is not a phone number' }).waitFor();
    expect((await a.cti((cti) => cti.server.calls())).length).toBe(1);
  });

  it('disables the ★ controls with the reason when the desktop softphone stops; status and caller ID still work', async () => {
    const a = await signedInPage(stage, 'agent01', 'ja');
    await a.cti((cti) => cti.server.setDesktopSoftphone('agent01', false));
    await a.panel.getByText('BIZTEL ソフトフォン(または電話機)が起動していない').waitFor();
    expect(await a.panel.getByRole('button', { name: '発信' }).isDisabled()).toBe(true);
    await a.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(a.panel, '着信中', 'ja');
    expect(await a.panel.getByRole('button', { name: '応答' }).isDisabled()).toBe(true);
    expect(await a.panel.getByRole('button', { name: '拒否' }).isDisabled()).toBe(true);
    expect(await a.panel.getByRole('button', { name: '応答' }).getAttribute('aria-describedby')).toBe('phone-not-registered');
    expect(await a.panel.getByRole('combobox', { name: 'ステータス' }).isEnabled()).toBe(true);

    await a.cti((cti) => cti.server.setDesktopSoftphone('agent01', true));
    await expect.poll(() => a.panel.getByRole('button', { name: '応答' }).isEnabled()).toBe(true);
  });

  it('tells the agent it was signed out because the same agent signed in elsewhere, and stays signed out', async () => {
    const a = await signedInPage(stage, 'agent03');
    const other = await signedInPage(stage, 'agent03');
    await other.panel.getByRole('combobox', { name: 'Status' }).waitFor();
    await a.panel.getByText('You were signed out because the same agent signed in somewhere else').waitFor();
    await a.panel.getByRole('button', { name: 'Sign in' }).waitFor();
    await new Promise((r) => setTimeout(r, 500));
    expect(await other.panel.getByRole('combobox', { name: 'Status' }).count()).toBe(1);
  });

  it('changes status from the list; system statuses are listed apart, never chosen; a pick during a call applies after it', async () => {
    const a = await signedInPage(stage, 'agent01');
    const status = a.panel.getByRole('combobox', { name: 'Status' });
    await status.selectOption({ label: '研修中' });
    await expect.poll(() => stage.stack.simulator.pbx.agents.get('agent01')?.statusId).toBe('custom-training');
    const system = status.locator('optgroup[label="System statuses"] option');
    expect(await system.allTextContents()).toEqual(['着信中', '通話中', '発信通話']);
    for (const option of await system.all()) expect(await option.isDisabled()).toBe(true);

    const { callId } = await a.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expect.poll(() => status.inputValue()).toBe('ringing');
    expect(await status.locator('option:checked').textContent()).toBe('着信中');
    await a.panel.getByRole('button', { name: 'Answer' }).click();
    await expect.poll(() => status.inputValue()).toBe('talking');
    await status.selectOption({ label: '休憩中' });
    await a.panel.getByText('Applies after the call: 休憩中').waitFor();
    expect(await status.inputValue()).toBe('talking'); // the call's status until it ends
    await a.cti((cti, id) => cti.server.remoteHangup(id), callId);
    await expect.poll(() => status.inputValue()).toBe('break');
    expect(await a.panel.getByText('Applies after the call').count()).toBe(0);
  });

  it('writes a call result typed after the call into the same Task, over the automatic 拒否 one', async () => {
    const a = await signedInPage(stage, 'agent01', 'ja');
    const { callId } = await a.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await a.panel.getByRole('button', { name: '拒否' }).click();
    await expectCallState(a.panel, '終了', 'ja');
    await expect.poll(() => tasksFor(a, callId)).toEqual([expect.objectContaining({ CallDisposition: 'Declined' })]);
    const [first] = await tasksFor(a, callId);
    await a.panel.getByRole('textbox', { name: '対応結果' }).fill('折り返し希望');
    await expect.poll(() => tasksFor(a, callId).then((t) => t.map((x) => x.CallDisposition)), { timeout: 5000 }).toEqual(['折り返し希望']);
    expect((await tasksFor(a, callId))[0]!.Id).toBe(first!.Id);
  });
});
