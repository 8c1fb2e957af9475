import { beforeEach, describe, expect, it } from 'vitest';
import { expectCallState, hostCalls, screenPops, settle, signIn, tasksFor, type MockPage, mockStage } from './support';

const stage = mockStage({ simulator: { timing: { recordingDelayMs: 200, outcomeDelayMs: 100 } } });
beforeEach(() => stage.reset());

async function classicAgent(lang: 'en' | 'ja' = 'en'): Promise<MockPage> {
  const m = await stage.page(`mode=classic&lang=${lang}`);
  await signIn(m.panel, 'agent01', lang);
  return m;
}

describe('the panel in Salesforce Classic (sforce.interaction)', () => {
  it('pops the caller and logs the call, with Classic method names and named arguments', async () => {
    const m = await classicAgent('ja');
    expect(await m.cti((cti) => cti.mode)).toBe('classic');
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, '着信中', 'ja');
    await expect.poll(() => screenPops(m)).toEqual([expect.objectContaining({ type: 'sobject', callType: 'inbound', poppedRecordIds: ['0035555000001AA'] })]);
    expect((await hostCalls(m, 'searchAndScreenPop'))[0]?.args).toMatchObject({ searchParams: '0355550101', callType: 'inbound' });
    expect(await hostCalls(m, 'cti.getCallCenterSettings')).toHaveLength(1);
    expect(await hostCalls(m, 'cti.notifyInitializationComplete')).toHaveLength(1);
    await m.panel.getByRole('button', { name: '応答' }).click();
    await expectCallState(m.panel, '通話中', 'ja');
    await m.panel.getByRole('button', { name: '切断' }).click();
    await expect.poll(() => tasksFor(m, callId)).toEqual([expect.objectContaining({ CallType: 'Inbound', WhoId: '0035555000001AA', Subject: '着信 03-5555-0101' })]);
  });

  it('never pops outbound calls, even with the outbound pop on, but links the Task through Apex', async () => {
    stage.stack.simulator.pbx.setSystemSettings({ outboundPopup: 'dial' });
    const m = await classicAgent();
    await m.panel.getByRole('textbox', { name: 'Phone number' }).fill('06-7777-0202');
    await m.panel.getByRole('button', { name: 'Call' }).click();
    await expectCallState(m.panel, 'Dialing');
    await expect.poll(() => hostCalls(m, 'runApex').then((c) => c.map((x) => (x.args as { methodName: string }).methodName))).toContain('searchPhone');
    await m.panel.getByText('Salesforce Classic does not pop outbound calls.').waitFor();
    const [call] = await m.cti((cti) => cti.server.calls());
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => tasksFor(m, call!.callId)).toEqual([expect.objectContaining({ CallType: 'Outbound', WhoId: '00Q5555000001AA' })]);
    expect(await screenPops(m)).toEqual([]);
  });

  it('with timing "never" links through Apex without navigating', async () => {
    stage.stack.simulator.pbx.setSystemSettings({ inboundPopup: 'never' });
    const m = await classicAgent();
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '06-7777-0202' }));
    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await m.cti((cti, id) => cti.server.remoteHangup(id), callId);
    await expect.poll(() => tasksFor(m, callId)).toEqual([expect.objectContaining({ WhoId: '00Q5555000001AA' })]);
    expect(await hostCalls(m, 'searchAndScreenPop')).toEqual([]);
    expect(await screenPops(m)).toEqual([]);
  });

  it('takes click-to-call from Classic phone fields (cti.onClickToDial)', async () => {
    const m = await classicAgent();
    await expect.poll(() => hostCalls(m, 'cti.enableClickToDial')).toHaveLength(1);
    await m.cti((cti) => cti.host.clickToDial({ number: '045-333-4444', recordId: '0035555000003AA' }));
    await expect.poll(() => m.panel.getByRole('textbox', { name: 'Phone number' }).inputValue()).toBe('045-333-4444');
    await m.panel.getByRole('button', { name: 'Call' }).click();
    await expectCallState(m.panel, 'Dialing');
    const [call] = await m.cti((cti) => cti.server.calls());
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    // Two Contacts share the number; the record the agent clicked decides.
    await expect.poll(() => tasksFor(m, call!.callId)).toEqual([expect.objectContaining({ WhoId: '0035555000003AA' })]);
  });

  it('reads directory numbers with cti.getDirectoryNumbers', async () => {
    stage.stack.org.setDirectoryNumbers([{ name: 'サポート窓口', phone: '050-1111-2222' }]);
    const m = await classicAgent();
    await expect.poll(() => hostCalls(m, 'cti.getDirectoryNumbers')).not.toEqual([]);
    await expect.poll(() => m.panel.getByRole('combobox', { name: 'Caller ID' }).locator('option').nth(1).textContent()).toContain('サポート窓口');
    await settle(100);
    expect(await hostCalls(m, 'setSoftphonePanelLabel')).toEqual([]); // Classic has no utility bar
  });
});
