import { beforeEach, describe, expect, it } from 'vitest';
import { answeredCall, loggedNextCall, logWrites } from './agents';
import { expectCallState, hostCalls, screenPops, signIn, tasksFor, type MockPage, mockStage } from './support';
import { wireLog } from './mock-helpers';

const stage = mockStage({ simulator: { timing: { recordingDelayMs: 300, outcomeDelayMs: 100 } } });
beforeEach(() => stage.reset());

async function agent(query = ''): Promise<MockPage> {
  const m = await stage.page(`lang=en${query ? `&${query}` : ''}`);
  await signIn(m.panel);
  return m;
}

/** The panel's reads of the directory numbers (Lightning: the package's Apex). */
const directoryFetches = (m: MockPage) =>
  hostCalls(m, 'runApex').then((calls) => calls.filter((c) => (c.args as { methodName?: string }).methodName === 'getDirectoryNumbers'));

/** The last click-to-dial toggle the panel sent Salesforce. */
const lastToggle = (m: MockPage) =>
  m.cti((cti) => cti.host.calls().filter((c) => /^(en|dis)ableClickToDial$/.test(c.methodName)).at(-1)?.methodName);

async function answerAndEnd(m: MockPage, callId: string): Promise<void> {
  await m.panel.getByRole('button', { name: 'Answer' }).click();
  await expectCallState(m.panel, 'Connected');
  await m.cti((cti, id) => cti.server.remoteHangup(id), callId);
  await expectCallState(m.panel, 'Ended');
}

describe('inbound pop timing (the server\'s pop settings)', () => {
  it('on answer: a deferred search at ring (no pop), the pop at answer', async () => {
    stage.stack.simulator.pbx.setSystemSettings({ inboundPopup: 'answer' });
    const m = await agent();
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    await expect.poll(() => hostCalls(m, 'searchAndScreenPop')).toHaveLength(1);
    expect((await hostCalls(m, 'searchAndScreenPop'))[0]?.args).toMatchObject({ deferred: true, callType: 'inbound', searchParams: '0355550101' });
    // The card says why nothing popped once the ring's search has answered: a pop at ring would be in by then.
    await m.panel.getByText('The record opens when the call is answered.').waitFor();
    expect(await screenPops(m)).toEqual([]);
    await answerAndEnd(m, callId);
    // The pop is the ring search's SCREEN_POP_DATA shown with screenPop: Salesforce is searched once.
    expect(await screenPops(m)).toEqual([expect.objectContaining({ type: 'sobject', poppedRecordIds: ['0035555000001AA'] })]);
    expect(await hostCalls(m, 'searchAndScreenPop')).toHaveLength(1);
    expect((await hostCalls(m, 'screenPop'))[0]?.args).toMatchObject({ type: 'sobject', params: { recordId: '0035555000001AA' } });
  });

  it('never: no pop, but the Task is linked to the caller through a deferred search', async () => {
    stage.stack.simulator.pbx.setSystemSettings({ inboundPopup: 'never' });
    const m = await agent();
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await answerAndEnd(m, callId);
    await m.panel.getByText('The pop setting is "never", so no record was opened.').waitFor();
    expect(await screenPops(m)).toEqual([]);
    await expect.poll(() => tasksFor(m, callId)).toEqual([expect.objectContaining({ WhoId: '0035555000001AA' })]);
  });

  it('applies a setting the server pushes while the agent is signed in', async () => {
    const m = await agent();
    // The server pushes the settings before it answers, so they reach the panel before the ring.
    await m.cti((cti) => cti.server.setSystemSettings({ inboundPopup: 'never' }));
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await answerAndEnd(m, callId);
    await m.panel.getByText('The pop setting is "never", so no record was opened.').waitFor();
    expect(await screenPops(m)).toEqual([]);
  });
});

describe('anonymous callers (非通知)', () => {
  it('off (seed): no search at all', async () => {
    const m = await agent();
    await m.cti((cti) => cti.server.incomingCall({ from: null }));
    await expectCallState(m.panel, 'Ringing');
    await m.panel.getByText('The system setting says not to pop anonymous callers.').waitFor();
    expect(await hostCalls(m, 'searchAndScreenPop')).toEqual([]);
  });

  it('on: searches an empty number so the layout’s no-match rule decides (here: a new Contact form)', async () => {
    stage.stack.simulator.pbx.setSystemSettings({ anonymousPopup: true });
    const m = await agent();
    const layout = stage.stack.org.snapshot().layout;
    stage.stack.org.setLayout({ ...layout, Inbound: { ...layout.Inbound, screenPopSettings: { ...layout.Inbound.screenPopSettings, NoMatch: { screenPopType: 'PopToEntity', screenPopData: 'Contact' } } } });
    await m.cti((cti) => cti.server.incomingCall({ from: null }));
    await expect.poll(() => screenPops(m)).toEqual([expect.objectContaining({ type: 'newRecord', searchParams: '', callType: 'inbound', poppedRecordIds: [] })]);
  });
});

describe('several matching records', () => {
  it('pops the search page, lists the matches, and logs the record the agent picks (not a pop)', async () => {
    const m = await agent();
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '045-333-4444' }));
    await expect.poll(() => screenPops(m)).toEqual([
      expect.objectContaining({ type: 'search', searchParams: '0453334444', poppedRecordIds: ['0035555000003AA', '0035555000004AA'] }),
    ]);
    const group = m.panel.getByRole('radiogroup', { name: 'Related record' });
    await group.getByRole('radio', { name: /田中 美咲/ }).check();
    await answerAndEnd(m, callId);
    await expect.poll(() => tasksFor(m, callId)).toEqual([expect.objectContaining({ WhoId: '0035555000004AA' })]);
    expect(await screenPops(m)).toHaveLength(1);
    // Changing the pick after the call rewrites the same Task.
    await group.getByRole('radio', { name: /高橋 健/ }).check();
    await expect.poll(() => tasksFor(m, callId)).toEqual([expect.objectContaining({ WhoId: '0035555000003AA' })]);
  });
});

describe('outbound pops (Lightning)', () => {
  it('on dial: searches the dialled number with call type outbound', async () => {
    stage.stack.simulator.pbx.setSystemSettings({ outboundPopup: 'dial' });
    const m = await agent();
    await m.panel.getByRole('textbox', { name: 'Phone number' }).fill('06-7777-0202');
    await m.panel.getByRole('button', { name: 'Call' }).click();
    await expect.poll(() => screenPops(m)).toEqual([expect.objectContaining({ type: 'sobject', callType: 'outbound', searchParams: '0677770202', poppedRecordIds: ['00Q5555000001AA'] })]);
  });

  it('on answer: pops once the far end answers; the Task links the Lead', async () => {
    stage.stack.simulator.pbx.setSystemSettings({ outboundPopup: 'answer' });
    const m = await agent();
    await m.panel.getByRole('textbox', { name: 'Phone number' }).fill('06-7777-0202');
    await m.panel.getByRole('button', { name: 'Call' }).click();
    await expectCallState(m.panel, 'Dialing');
    // Shown once the dial's search has answered: a pop on dial would be in by then.
    await m.panel.getByText('The record opens when the call is answered.').waitFor();
    expect(await screenPops(m)).toEqual([]);
    const [call] = await m.cti((cti) => cti.server.calls());
    await m.cti((cti, id) => cti.server.remoteAnswer(id), call!.callId);
    await expect.poll(() => screenPops(m)).toHaveLength(1);
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => tasksFor(m, call!.callId)).toEqual([expect.objectContaining({ CallType: 'Outbound', WhoId: '00Q5555000001AA' })]);
  });

  it('before 3.5.10 searches by the caller-ID number', async () => {
    stage.stack.simulator.pbx.setVersion('3.5.3');
    stage.stack.simulator.pbx.setSystemSettings({ outboundPopup: 'dial' });
    const m = await agent();
    await m.panel.getByRole('textbox', { name: 'Phone number' }).fill('06-7777-0202');
    await m.panel.getByRole('button', { name: 'Call' }).click();
    await expect.poll(() => hostCalls(m, 'searchAndScreenPop').then((c) => c.map((x) => x.args))).toEqual([
      expect.objectContaining({ searchParams: '0312345678', callType: 'outbound' }),
    ]);
  });
});

describe('click-to-call (the server\'s outbound settings)', () => {
  it('dial pad (seed): the number goes to the dial pad for the agent to confirm, with the record', async () => {
    const m = await agent();
    await expect.poll(() => hostCalls(m, 'enableClickToDial')).toHaveLength(1);
    await m.cti((cti) => cti.host.clickToDial({ number: '03-5555-0100', recordId: '0015555000001AA' }));
    await expect.poll(() => m.panel.getByRole('textbox', { name: 'Phone number' }).inputValue()).toBe('03-5555-0100');
    expect(await m.cti((cti) => cti.server.calls())).toEqual([]);
    await m.panel.getByRole('button', { name: 'Call' }).click();
    await expectCallState(m.panel, 'Dialing');
    const [call] = await m.cti((cti) => cti.server.calls());
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => tasksFor(m, call!.callId)).toEqual([expect.objectContaining({ WhatId: '0015555000001AA', CallType: 'Outbound' })]);
  });

  it('immediate dial: calls at once; click-to-dial is disabled in Salesforce during the call', async () => {
    stage.stack.simulator.pbx.setSystemSettings({ clickToCallImmediate: true });
    const m = await agent();
    await expect.poll(() => hostCalls(m, 'enableClickToDial')).toHaveLength(1);
    await m.cti((cti) => cti.host.clickToDial({ number: 9012345678, recordId: '0035555000002AA' }));
    await expectCallState(m.panel, 'Dialing');
    expect(await m.cti((cti) => cti.server.calls())).toEqual([expect.objectContaining({ to: '09012345678' })]);
    // The latest toggle the panel sent Salesforce is "disable" while the call is up.
    await expect.poll(() => lastToggle(m)).toBe('disableClickToDial');
  });

  it('disabled by the server: never enabled in Salesforce', async () => {
    stage.stack.simulator.pbx.setSystemSettings({ clickToCallDisabled: true });
    const m = await agent();
    // The directory is read right after the click-to-dial decision: by then an enable would have been sent.
    await expect.poll(() => directoryFetches(m)).not.toEqual([]);
    expect(await hostCalls(m, 'enableClickToDial')).toEqual([]);
  });

  it('disabled by the server while the panel runs: Salesforce phone fields stop dialling', async () => {
    // Immediate: a click that got through would dial at once.
    stage.stack.simulator.pbx.setSystemSettings({ clickToCallImmediate: true });
    const m = await agent();
    await expect.poll(() => hostCalls(m, 'enableClickToDial')).toHaveLength(1);
    await m.cti((cti) => cti.server.setSystemSettings({ clickToCallDisabled: true }));
    await expect.poll(() => lastToggle(m)).toBe('disableClickToDial');
    await m.cti((cti) => cti.host.clickToDial({ number: '03-5555-0100' }));
    // Salesforce dropped the click there and then: it never reached the panel, so nothing can dial.
    expect((await wireLog(m)).filter((e) => e.text.startsWith('click-to-dial 03-5555-0100')).map((e) => e.direction)).toEqual(['dropped']);
    expect(await m.cti((cti) => cti.server.calls())).toEqual([]);
  });

  it('refuses what is not a number with a clear message and no call', async () => {
    stage.stack.simulator.pbx.setSystemSettings({ clickToCallImmediate: true });
    const m = await agent();
    await expect.poll(() => hostCalls(m, 'enableClickToDial')).toHaveLength(1);
    await m.cti((cti) => cti.host.clickToDial({ number: 'TEL: ask reception' }));
    await m.panel.getByRole('alert').filter({ hasText: 'is not a phone number' }).waitFor();
    expect(await m.cti((cti) => cti.server.calls())).toEqual([]);
  });
});

describe('call log and recording linkage (履歴・録音連携)', () => {
  it('adds the recording link to the Task already written, and notes typed after the call', async () => {
    const m = await agent();
    const callId = await answeredCall(m);
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    const first = await (async () => {
      await expect.poll(() => tasksFor(m, callId)).toHaveLength(1);
      return (await tasksFor(m, callId))[0]!;
    })();
    await expect.poll(() => tasksFor(m, callId).then((t) => t[0]?.BIZTEL_Recording_URL__c)).toMatch(new RegExp(`/monitor_link/${callId}$`));
    await m.panel.getByRole('textbox', { name: 'Notes' }).fill('Wants a call back tomorrow');
    await expect.poll(() => tasksFor(m, callId).then((t) => t[0]?.Description), { timeout: 5000 }).toMatch(/^Wants a call back tomorrow\nRecording: http/);
    const tasks = await tasksFor(m, callId);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.Id).toBe(first.Id);
  });

  // A second write would not make a second Task (the org upserts), so "once" counts the writes.
  it.each(['lightning', 'classic'] as const)('%s: logs a call that ended while the link was down, once, after the panel reconnects', async (mode) => {
    const m = await agent(mode === 'classic' ? 'mode=classic' : '');
    const callId = await answeredCall(m);
    const droppedAt = await m.cti(() => Date.now());
    await m.cti((cti) => cti.server.dropConnections(1500));
    await m.cti((cti, id) => cti.server.remoteHangup(id), callId);
    await expectCallState(m.panel, 'Ended');
    await expect.poll(() => tasksFor(m, callId), { timeout: 8000 }).toEqual([expect.objectContaining({ CallType: 'Inbound', WhoId: '0035555000001AA', CallDisposition: 'Completed' })]);
    const [task] = await tasksFor(m, callId);
    await loggedNextCall(m);
    // One write, the recording link already in it (it came while the link was down); the same Task.
    expect(await logWrites(m, droppedAt, callId)).toEqual([expect.objectContaining({ CallObject: callId, BIZTEL_Recording_URL__c: expect.stringMatching(new RegExp(`/monitor_link/${callId}$`)) as unknown })]);
    expect(await tasksFor(m, callId)).toEqual([expect.objectContaining({ Id: task!.Id })]);
  });
});

describe('version rules in the panel', () => {
  it('servers before 3.3.0 use the call center item "BIZTEL Popup mode"', async () => {
    stage.stack.simulator.pbx.setVersion('3.2.21');
    stage.stack.org.setCallCenterSettings({ '/biztelSettings/popupMode': '2' });
    const m = await agent();
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    // Mode 2 pops at answer; the card says so once the ring's search has answered.
    await m.panel.getByText('The record opens when the call is answered.').waitFor();
    expect(await screenPops(m)).toEqual([]);
    await answerAndEnd(m, callId);
    expect(await screenPops(m)).toHaveLength(1);
  });

  it('tells the admin which package the manual pairs with this server and a scheduled upgrade, without blocking', async () => {
    stage.stack.simulator.pbx.setVersion('3.3.21');
    stage.stack.simulator.pbx.setScheduledUpgrade('3.7.1');
    const m = await agent();
    await m.panel.getByText("paired with Open CTI package 3.33 in the manual's §11.1").waitFor();
    await m.panel.getByText('from 3.33 to 3.42').waitFor();
    await m.panel.getByRole('button', { name: 'Dismiss this notice' }).click();
    expect(await m.panel.getByText('paired with Open CTI package').count()).toBe(0);
  });

  it('refuses a server older than 3.1.10 with a clear message', async () => {
    stage.stack.simulator.pbx.setVersion('3.1.9');
    const m = await stage.page('lang=en');
    await m.panel.getByRole('alert').filter({ hasText: 'BIZTEL server version 3.1.9 is not supported' }).waitFor();
  });

  it('shows directory-number names for the destination and in the caller-ID list (3.9.0+)', async () => {
    stage.stack.org.setDirectoryNumbers([{ name: '代表窓口', phone: '03-1234-5678' }]);
    const m = await agent();
    await expect.poll(() => m.panel.getByRole('combobox', { name: 'Caller ID' }).locator('option').first().textContent()).toContain('代表窓口');
    expect(await directoryFetches(m)).not.toEqual([]);
    expect(await m.panel.getByRole('combobox', { name: 'Caller ID' }).inputValue()).toBe('0312345678');
    await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await m.panel.getByText('To 代表窓口').waitFor();
  });

  it('hides directory names on servers before 3.9.0: the panel does not even read them', async () => {
    stage.stack.simulator.pbx.setVersion('3.8.0');
    stage.stack.org.setDirectoryNumbers([{ name: '代表窓口', phone: '03-1234-5678' }]);
    const m = await agent();
    expect(await m.panel.getByRole('combobox', { name: 'Caller ID' }).locator('option').first().textContent()).not.toContain('代表窓口');
    // By the time a call has rung and been searched, a 3.9.0 panel has long read its directory.
    await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expect.poll(() => hostCalls(m, 'searchAndScreenPop')).toHaveLength(1);
    expect(await directoryFetches(m)).toEqual([]);
  });
});

describe('panel presence (Lightning)', () => {
  it('opens the minimised panel on ring; the utility-bar item shows the call (the number, then the name once found); the open panel’s header is left alone', async () => {
    const m = await agent();
    await m.page.getByRole('button', { name: 'Phone', exact: true }).click(); // minimise the panel: the item is what the agent sees
    await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expect.poll(() => hostCalls(m, 'setSoftphonePanelVisibility')).toEqual([expect.objectContaining({ args: { visible: true } })]);
    const itemLabels = () => hostCalls(m, 'setSoftphoneItemLabel').then((c) => c.map((x) => (x.args as { label: string }).label));
    await expect.poll(itemLabels).toContain('Ringing 山田 太郎');
    await m.page.getByRole('button', { name: 'Ringing 山田 太郎', exact: true }).waitFor(); // the utility-bar item
    expect(await hostCalls(m, 'setSoftphoneItemIcon')).toContainEqual(expect.objectContaining({ args: { key: 'incoming_call' } }));
    expect(await hostCalls(m, 'setSoftphonePanelLabel')).toEqual([]);
  });
});
