import { beforeEach, describe, expect, it } from 'vitest';
import { seedLayout } from '../mock/org/seed';
import { apexParam } from './agents';
import { expectCallState, hostCalls, screenPops, signIn, tasksFor, type MockPage, mockStage } from './support';
import { wireLog } from './mock-helpers';

const stage = mockStage({ simulator: { timing: { recordingDelayMs: 200, outcomeDelayMs: 100 } } });
beforeEach(() => stage.reset());

async function classicAgent(lang: 'en' | 'ja' = 'en'): Promise<MockPage> {
  const m = await stage.page(`mode=classic&lang=${lang}`);
  await signIn(m.panel, 'agent01', lang);
  return m;
}

/** The package's Apex methods the panel ran (Classic links Tasks through searchPhone). */
const apexMethods = (m: MockPage) => hostCalls(m, 'runApex').then((calls) => calls.map((c) => (c.args as { methodName: string }).methodName));

/** The last click-to-dial toggle the panel sent Salesforce. */
const lastToggle = (m: MockPage) =>
  m.cti((cti) => cti.host.calls().filter((c) => /^cti\.(en|dis)ableClickToDial$/.test(c.methodName)).at(-1)?.methodName);

async function answerAndHangUp(m: MockPage): Promise<void> {
  await m.panel.getByRole('button', { name: 'Answer' }).click();
  await expectCallState(m.panel, 'Connected');
  await m.panel.getByRole('button', { name: 'Hang up' }).click();
  await expectCallState(m.panel, 'Ended');
}

describe('the panel in Salesforce Classic (sforce.interaction)', () => {
  it('pops the caller and logs the call, with Classic method names and named arguments', async () => {
    const m = await classicAgent('ja');
    expect(await m.cti((cti) => cti.mode)).toBe('classic');
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, '着信中', 'ja');
    await expect.poll(() => screenPops(m)).toEqual([expect.objectContaining({ type: 'sobject', callType: 'inbound', poppedRecordIds: ['0035555000001AA'] })]);
    expect((await hostCalls(m, 'searchAndScreenPop'))[0]?.args).toMatchObject({ searchParams: '0355550101', callType: 'inbound' });
    // Classic has no utility bar: no label, though in Lightning the ring sets one before its search.
    // (No Classic method on the wire sets a label or an icon: the panel sends Classic none.)
    expect((await wireLog(m)).filter((e) => /method=\w*(?:Label|Icon)/.test(e.text))).toEqual([]);
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

  it('links without a pop where the layout searches, a custom object too', async () => {
    stage.stack.simulator.pbx.setSystemSettings({ inboundPopup: 'never' });
    const layout = seedLayout();
    layout.Inbound.objects = { Customer_Site__c: [{ displayName: 'Site Phone', apiName: 'Site_Phone__c' }], Contact: layout.Inbound.objects.Contact ?? [] };
    stage.stack.org.setLayout(layout);
    const m = await classicAgent();
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '045-222-1111' }));
    await answerAndHangUp(m);
    await expect.poll(() => tasksFor(m, callId)).toEqual([expect.objectContaining({ WhatId: 'a015555000001AA' })]);
    const search = (await hostCalls(m, 'runApex')).find((c) => (c.args as { methodName: string }).methodName === 'searchPhone');
    expect(apexParam(search?.args, 'objects')).toBe('Customer_Site__c,Contact');
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
    // Paged as Classic documents it (one page here: two numbers). The arguments as the wire carries
    // them: text, and no call center name or page 0 (the script sends only truthy ones).
    expect((await hostCalls(m, 'cti.getDirectoryNumbers'))[0]?.args).toEqual({ isGlobal: 'false', resultSetPageSize: '5000' });
    await expect.poll(() => m.panel.getByRole('combobox', { name: 'Caller ID' }).locator('option').nth(1).textContent()).toContain('サポート窓口');
  });
});

describe('CTI policies in Classic', () => {
  it('on answer: links through Apex at ring without navigating, pops with searchAndScreenPop at answer', async () => {
    stage.stack.simulator.pbx.setSystemSettings({ inboundPopup: 'answer' });
    const m = await classicAgent();
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expect.poll(() => apexMethods(m)).toContain('searchPhone');
    await m.panel.getByText('The record opens when the call is answered.').waitFor();
    expect(await hostCalls(m, 'searchAndScreenPop')).toEqual([]);
    expect(await screenPops(m)).toEqual([]);
    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await expect.poll(() => screenPops(m)).toEqual([expect.objectContaining({ type: 'sobject', callType: 'inbound', poppedRecordIds: ['0035555000001AA'] })]);
    await m.cti((cti, id) => cti.server.remoteHangup(id), callId);
    await expect.poll(() => tasksFor(m, callId)).toEqual([expect.objectContaining({ WhoId: '0035555000001AA' })]);
  });

  it('anonymous callers off (seed): nothing is searched, not even through Apex', async () => {
    const m = await classicAgent();
    await m.cti((cti) => cti.server.incomingCall({ from: null }));
    await m.panel.getByText('The system setting says not to pop anonymous callers.').waitFor();
    expect(await hostCalls(m, 'searchAndScreenPop')).toEqual([]);
    expect(await apexMethods(m)).not.toContain('searchPhone');
  });

  it('anonymous callers on: an empty number is searched and the layout’s no-match rule pops a new Contact', async () => {
    stage.stack.simulator.pbx.setSystemSettings({ anonymousPopup: true });
    const layout = stage.stack.org.snapshot().layout;
    const noMatch = { screenPopType: 'PopToEntity', screenPopData: 'Contact' } as const;
    stage.stack.org.setLayout({ ...layout, Inbound: { ...layout.Inbound, screenPopSettings: { ...layout.Inbound.screenPopSettings, NoMatch: noMatch } } });
    const m = await classicAgent();
    await m.cti((cti) => cti.server.incomingCall({ from: null }));
    await expect.poll(() => screenPops(m)).toEqual([expect.objectContaining({ type: 'newRecord', searchParams: '', callType: 'inbound' })]);
    expect((await hostCalls(m, 'searchAndScreenPop'))[0]?.args).toMatchObject({ searchParams: '', callType: 'inbound' });
  });

  it('several matches: pops the search page, lists them, and the agent’s pick links the Task', async () => {
    const m = await classicAgent();
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '045-333-4444' }));
    await expect.poll(() => screenPops(m)).toEqual([
      expect.objectContaining({ type: 'search', searchParams: '0453334444', poppedRecordIds: ['0035555000003AA', '0035555000004AA'] }),
    ]);
    await m.panel.getByRole('radiogroup', { name: 'Related record' }).getByRole('radio', { name: /田中 美咲/ }).check();
    await answerAndHangUp(m);
    await expect.poll(() => tasksFor(m, callId)).toEqual([expect.objectContaining({ WhoId: '0035555000004AA' })]);
    expect(await screenPops(m)).toHaveLength(1);
  });

  it('immediate click-to-call dials at once, with the record, and disables click-to-dial during the call', async () => {
    stage.stack.simulator.pbx.setSystemSettings({ clickToCallImmediate: true });
    const m = await classicAgent();
    await expect.poll(() => lastToggle(m)).toBe('cti.enableClickToDial');
    await m.cti((cti) => cti.host.clickToDial({ number: '090-1234-5678（携帯）', recordId: '0035555000002AA' }));
    await expectCallState(m.panel, 'Dialing');
    const [call] = await m.cti((cti) => cti.server.calls());
    expect(call).toMatchObject({ to: '09012345678', direction: 'outbound' });
    await expect.poll(() => lastToggle(m)).toBe('cti.disableClickToDial');
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => tasksFor(m, call!.callId)).toEqual([expect.objectContaining({ WhoId: '0035555000002AA', CallType: 'Outbound' })]);
    await expect.poll(() => lastToggle(m)).toBe('cti.enableClickToDial');
  });

  it('click-to-call disabled by the server: never enabled in Salesforce', async () => {
    stage.stack.simulator.pbx.setSystemSettings({ clickToCallDisabled: true });
    const m = await classicAgent();
    // The directory is read right after the click-to-dial decision: by then an enable would have been sent.
    await expect.poll(() => hostCalls(m, 'cti.getDirectoryNumbers')).not.toEqual([]);
    expect(await hostCalls(m, 'cti.enableClickToDial')).toEqual([]);
  });

  it('click-to-call disabled by the server while the panel runs: Salesforce is told, and a click no longer dials', async () => {
    // Immediate: a click that got through would dial at once.
    stage.stack.simulator.pbx.setSystemSettings({ clickToCallImmediate: true });
    const m = await classicAgent();
    await expect.poll(() => lastToggle(m)).toBe('cti.enableClickToDial');
    await m.cti((cti) => cti.server.setSystemSettings({ clickToCallDisabled: true }));
    await expect.poll(() => lastToggle(m)).toBe('cti.disableClickToDial');
    // From a record (see below: one without is refused as malformed, so it could never dial).
    await m.cti((cti) => cti.host.clickToDial({ number: '03-5555-0100', recordId: '0015555000001AA' }));
    // Salesforce dropped the click there and then: it never reached the panel, so nothing can dial.
    expect((await wireLog(m)).filter((e) => e.text.startsWith('click-to-dial 03-5555-0100')).map((e) => e.direction)).toEqual(['dropped']);
    expect(await m.cti((cti) => cti.server.calls())).toEqual([]);
    expect(await m.panel.getByRole('textbox', { name: 'Phone number' }).inputValue()).toBe('');
  });

  it('refuses a click on something that is not a number, with a clear message and no call', async () => {
    stage.stack.simulator.pbx.setSystemSettings({ clickToCallImmediate: true });
    const m = await classicAgent();
    await expect.poll(() => hostCalls(m, 'cti.enableClickToDial')).toHaveLength(1);
    // From a record: a click without one is refused as malformed, with "?" for the number (Classic
    // sends objectId "" there, which the panel's click-to-dial schema does not accept).
    await m.cti((cti) => cti.host.clickToDial({ number: 'お問い合わせフォーム', recordId: '0015555000001AA' }));
    await m.panel.getByRole('alert').filter({ hasText: '"お問い合わせフォーム" is not a phone number' }).waitFor();
    expect(await m.cti((cti) => cti.server.calls())).toEqual([]);
  });

  // A call that ended while the link was down is logged once: cti-policies.e2e.ts, in both hosts.
  it('adds the recording link to the Task already written', async () => {
    const m = await classicAgent();
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await answerAndHangUp(m);
    await expect.poll(() => tasksFor(m, callId)).toHaveLength(1);
    const [first] = await tasksFor(m, callId);
    await expect.poll(() => tasksFor(m, callId).then((t) => t[0]?.BIZTEL_Recording_URL__c)).toMatch(new RegExp(`/monitor_link/${callId}$`));
    const tasks = await tasksFor(m, callId);
    expect(tasks).toEqual([expect.objectContaining({ Id: first!.Id })]);
    expect(tasks[0]?.Description).toMatch(/^Recording: http/);
  });
});
