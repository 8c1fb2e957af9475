import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Frame } from 'playwright-core';
import { startMockStack, type MockStack } from '../dev/mock-stack';
import { expectCallState, launchBrowser, openMockPage, signIn, tasksFor, type MockPage } from './support';
import { callOpenCti, expectLogged, openTab, panelFrame } from './mock-helpers';

let stack: MockStack;
let browser: Browser;
let m: MockPage;
let frame: Frame;

beforeAll(async () => {
  stack = await startMockStack();
  browser = await launchBrowser();
  m = await openMockPage(browser, stack, 'lang=en');
  await signIn(m.panel);
  frame = await panelFrame(m.page);
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const upserts = async (since: number) =>
  (await m.cti((cti) => cti.host.calls())).filter((c) => c.at >= since && c.methodName === 'runApex' && (c.args as { methodName?: string }).methodName === 'upsertCallLog');

/** An answered call that ends when `arm` has set up a failure: the Task is written right then. */
async function callEndingAfter(arm: () => Promise<unknown>): Promise<{ callId: string; armedAt: number }> {
  const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
  await expectCallState(m.panel, 'Ringing');
  await m.panel.getByRole('button', { name: 'Answer' }).click();
  await expectCallState(m.panel, 'Connected');
  const armedAt = Date.now();
  await arm();
  await m.panel.getByRole('button', { name: 'Hang up' }).click();
  await expectCallState(m.panel, 'Ended');
  return { callId, armedAt };
}

const apex = (f: Frame) => callOpenCti(f, 'runApex', { apexClass: 'BIZTELOpenCTIController', methodName: 'getUserInfo', methodParams: '' });

describe('failure injection through window.mockCti', () => {
  it("failNext('runApex'): the panel's retry of the call log still leaves exactly one Task", async () => {
    const { callId, armedAt } = await callEndingAfter(() => m.cti((cti) => cti.host.failNext('runApex')));
    await expect.poll(() => tasksFor(m, callId), { timeout: 8000 }).toHaveLength(1);
    await expectLogged(m, 'note', 'runApex: injected failure (nothing done)');
    expect((await upserts(armedAt)).length).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 1200)); // a late duplicate would show up by now
    expect(await tasksFor(m, callId)).toHaveLength(1);
    await m.panel.getByRole('button', { name: 'Close' }).click();
  });

  it("failNext('runApex', 1, {applied: true}): the write happened, the answer was lost; still one Task", async () => {
    const { callId, armedAt } = await callEndingAfter(() => m.cti((cti) => cti.host.failNext('runApex', 1, { applied: true })));
    await expectLogged(m, 'note', 'runApex: injected failure after the work was done');
    await expect.poll(async () => (await upserts(armedAt)).length, { timeout: 8000 }).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 500));
    expect(await tasksFor(m, callId)).toHaveLength(1);
    expect((await tasksFor(m, callId))[0]).toMatchObject({ CallObject: callId, WhoId: '0035555000001AA' });
    await m.panel.getByRole('button', { name: 'Close' }).click();
  });

  it("failNext('searchAndScreenPop'): no pop, and the panel says why", async () => {
    const before = (await m.cti((cti) => cti.host.screenPops())).length;
    await m.cti((cti) => cti.host.failNext('searchAndScreenPop'));
    await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    await m.panel.getByText(/Salesforce search failed/).waitFor();
    expect((await m.cti((cti) => cti.host.screenPops())).length).toBe(before);
    await m.panel.getByRole('button', { name: 'Decline' }).click();
    await expectCallState(m.panel, 'Ended');
    await m.panel.getByRole('button', { name: 'Close' }).click();
  });

  it("failNext('saveLog'), plain and applied: SERVER_ERROR, and the Task exists only when applied", async () => {
    const count = async () => (await m.cti((cti) => cti.host.tasks())).length;
    const start = await count();
    const log = { entityApiName: 'Task', Subject: 'Injected', CallObject: `saveLog-${Date.now()}` };
    await m.cti((cti) => cti.host.failNext('saveLog'));
    expect(await callOpenCti(frame, 'saveLog', { value: log })).toMatchObject({ success: false, errors: [{ code: 'SERVER_ERROR' }] });
    expect(await count()).toBe(start);
    await m.cti((cti) => cti.host.failNext('saveLog', 1, { applied: true }));
    expect(await callOpenCti(frame, 'saveLog', { value: log })).toMatchObject({ success: false, errors: [{ code: 'SERVER_ERROR' }] });
    expect(await count()).toBe(start + 1);
    const saved = await callOpenCti(frame, 'saveLog', { value: log });
    expect(saved).toMatchObject({ success: true });
    expect(saved.returnValue).toMatch(/^00T/);
  });

  it('failRate: every call fails at 1, none at 0', async () => {
    await m.cti((cti) => cti.host.failRate('runApex', 1));
    expect((await apex(frame)).success).toBe(false);
    expect((await apex(frame)).success).toBe(false);
    await m.cti((cti) => cti.host.failRate('runApex', 0));
    expect((await apex(frame)).success).toBe(true);
  });

  it('expireSession: calls that need the server answer SERVER_ERROR until restoreSession', async () => {
    await m.cti((cti) => cti.host.expireSession());
    const needServer: [string, Record<string, unknown>][] = [
      ['runApex', { apexClass: 'BIZTELOpenCTIController', methodName: 'getUserInfo', methodParams: '' }],
      ['saveLog', { value: { entityApiName: 'Task', Subject: 'x' } }],
      ['searchAndScreenPop', { searchParams: '0355550101', callType: 'inbound', deferred: true }],
      ['screenPop', { type: 'sobject', params: { recordId: '0035555000001AA' } }],
      ['getSoftphoneLayout', {}],
    ];
    for (const [method, args] of needServer) {
      expect(await callOpenCti(frame, method, args), method).toMatchObject({ success: false, errors: [{ code: 'SERVER_ERROR' }] });
    }
    // What Salesforce keeps in the page goes on working.
    expect((await callOpenCti(frame, 'getCallCenterSettings')).success).toBe(true);
    expect((await callOpenCti(frame, 'getAppViewInfo')).success).toBe(true);
    await m.cti((cti) => cti.host.restoreSession());
    for (const [method, args] of needServer) expect((await callOpenCti(frame, method, args)).success, method).toBe(true);
  });
});

describe('the Failures tab drives the same injection by role and name', () => {
  beforeEach(() => openTab(m, 'Failures'));
  // Each test starts from the form's defaults and no injected failure, whatever the one before did.
  afterEach(async () => {
    await m.page.getByRole('combobox', { name: 'Answer with' }).selectOption('SERVER_ERROR');
    await m.page.getByRole('spinbutton', { name: 'Failing calls (%)' }).fill('0');
    await m.page.getByRole('spinbutton', { name: 'Of those, lost replies (%)' }).fill('0');
    await m.page.getByRole('button', { name: 'Clear failures' }).click();
    await m.cti((cti) => cti.host.restoreSession());
    expect(await m.cti((cti) => cti.host.pendingFailures())).toEqual([]);
  });

  it('queues failures (with "applied"), lists them and clears them', async () => {
    await m.page.getByRole('combobox', { name: 'Method', exact: true }).selectOption('saveLog');
    await m.page.getByRole('spinbutton', { name: 'Times' }).fill('2');
    await m.page.getByRole('checkbox', { name: /Applied/ }).check();
    await m.page.getByRole('button', { name: 'Fail next' }).click();
    expect(await m.cti((cti) => cti.host.pendingFailures())).toEqual([
      { methodName: 'saveLog', applied: true, code: 'SERVER_ERROR' },
      { methodName: 'saveLog', applied: true, code: 'SERVER_ERROR' },
    ]);
    await expect.poll(() => m.page.getByRole('list', { name: 'Pending failures' }).getByRole('listitem').count()).toBe(2);
    await m.page.getByRole('button', { name: 'Clear failures' }).click();
    expect(await m.cti((cti) => cti.host.pendingFailures())).toEqual([]);
  });

  it('answers an injected failure with the code picked (GENERIC_ERROR: no access to the Apex class)', async () => {
    await m.page.getByRole('combobox', { name: 'Method', exact: true }).selectOption('runApex');
    await m.page.getByRole('spinbutton', { name: 'Times' }).fill('1');
    await m.page.getByRole('checkbox', { name: /Applied/ }).uncheck();
    await m.page.getByRole('combobox', { name: 'Answer with' }).selectOption('GENERIC_ERROR');
    await m.page.getByRole('button', { name: 'Fail next' }).click();
    expect(await apex(frame)).toMatchObject({ success: false, errors: [{ code: 'GENERIC_ERROR' }] });
    expect((await apex(frame)).success).toBe(true);
  });

  it('sets a failure rate whose failures are lost replies: the write happens, the answer says it failed', async () => {
    const before = (await m.cti((cti) => cti.host.tasks())).length;
    await m.page.getByRole('combobox', { name: 'Method for the rate' }).selectOption('saveLog');
    await m.page.getByRole('spinbutton', { name: 'Failing calls (%)' }).fill('100');
    await m.page.getByRole('spinbutton', { name: 'Of those, lost replies (%)' }).fill('100');
    await m.page.getByRole('button', { name: 'Set failure rate' }).click();
    await m.page.getByRole('list', { name: 'Pending failures' }).getByText('saveLog: 100% of calls, 100% of those applied (answer lost)').waitFor();
    expect(await callOpenCti(frame, 'saveLog', { value: { entityApiName: 'Task', Subject: 'lost reply' } })).toMatchObject({ success: false, errors: [{ code: 'SERVER_ERROR' }] });
    await expect.poll(async () => (await m.cti((cti) => cti.host.tasks())).length).toBe(before + 1);
  });

  it('sets a failure rate', async () => {
    await m.page.getByRole('combobox', { name: 'Method for the rate' }).selectOption('getSoftphoneLayout');
    await m.page.getByRole('spinbutton', { name: 'Failing calls (%)' }).fill('100');
    await m.page.getByRole('button', { name: 'Set failure rate' }).click();
    expect((await callOpenCti(frame, 'getSoftphoneLayout')).success).toBe(false);
    await m.page.getByRole('spinbutton', { name: 'Failing calls (%)' }).fill('0');
    await m.page.getByRole('button', { name: 'Set failure rate' }).click();
    expect((await callOpenCti(frame, 'getSoftphoneLayout')).success).toBe(true);
  });

  it('expires and restores the Salesforce session', async () => {
    await m.page.getByRole('button', { name: 'Expire Salesforce session' }).click();
    await m.page.getByRole('status', { name: 'Salesforce session' }).getByText(/^Expired/).waitFor();
    expect(await apex(frame)).toMatchObject({ success: false, errors: [{ code: 'SERVER_ERROR' }] });
    await m.page.getByRole('button', { name: 'Restore Salesforce session' }).click();
    await m.page.getByRole('status', { name: 'Salesforce session' }).getByText('Active').waitFor();
    expect((await apex(frame)).success).toBe(true);
  });

  it('raised no errors in the page', () => {
    expect(m.errors).toEqual([]);
  });
});
