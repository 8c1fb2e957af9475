import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame } from 'playwright-core';
import { startMockStack, type MockStack } from '../dev/mock-stack';
import { PANEL_FRAME, launchBrowser, openMockPage, type MockPage } from './support';
import { callOpenCti, expectLogged, panelFrame, wireLog } from './mock-helpers';

let stack: MockStack;
let browser: Browser;
let m: MockPage;
let frame: Frame;

/** A well-formed Lightning Open CTI request, as Salesforce's opencti_min.js sends it. */
const request = (callId: number, extra: Record<string, unknown> = {}) => ({
  methodName: 'getCallCenterSettings',
  callId,
  apiVersion: 57,
  apiType: 'opencti',
  isCallbackRegistered: true,
  isListenerRegistered: false,
  args: {},
  ...extra,
});

/** Posts messages from `from` to the host page and collects what the host sends back to it. */
async function postFrom(from: Frame, messages: unknown[], targetOrigin: string): Promise<void> {
  await from.evaluate(
    ([list, origin]) => {
      const w = window as unknown as { answers?: unknown[] };
      if (!w.answers) {
        const answers: unknown[] = [];
        w.answers = answers;
        window.addEventListener('message', (event) => answers.push(event.data));
      }
      for (const message of list) window.parent.postMessage(message, origin);
    },
    [messages, targetOrigin] as const,
  );
}

const answersIn = (from: Frame) =>
  from.evaluate(() => ((window as unknown as { answers?: unknown[] }).answers ?? []) as { callId?: unknown; response?: { success?: boolean; returnValue?: Record<string, string> } }[]);

beforeAll(async () => {
  stack = await startMockStack();
  browser = await launchBrowser();
  m = await openMockPage(browser, stack, 'lang=en');
  frame = await panelFrame(m.page);
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe("the Lightning host checks every message as Salesforce does", () => {
  it('answers a well-formed raw protocol message from the panel frame', async () => {
    await postFrom(frame, [request(90001)], stack.origin);
    await expect.poll(async () => (await answersIn(frame)).filter((a) => a.callId === 90001)).toHaveLength(1);
    const [answer] = (await answersIn(frame)).filter((a) => a.callId === 90001);
    expect(answer).toMatchObject({
      apiVersion: 57,
      apiType: 'opencti',
      methodName: 'getCallCenterSettings',
      callId: 90001,
      shouldExecuteCallback: true,
      response: { success: true, errors: null },
    });
    expect(answer?.response?.returnValue?.['/biztelSettings/serverUrl']).toBe(stack.simulator.url);
    await expectLogged(m, 'in', 'docked: getCallCenterSettings #90001');
  });

  it('resizes the docked panel on setSoftphonePanelHeight/Width within Salesforce’s ranges', async () => {
    const box = () => m.page.locator(PANEL_FRAME).evaluate((el) => ({ width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height }));
    expect(await callOpenCti(frame, 'setSoftphonePanelHeight', { heightPX: 520 })).toMatchObject({ success: true });
    expect(await callOpenCti(frame, 'setSoftphonePanelWidth', { widthPX: 360 })).toMatchObject({ success: true });
    await expect.poll(box).toEqual({ width: 360, height: 520 });
    expect(await callOpenCti(frame, 'setSoftphonePanelHeight', { heightPX: 4000 })).toMatchObject({ success: false, errors: [{ code: 'INVALID_PARAM' }] });
    expect(await box()).toEqual({ width: 360, height: 520 });
  });

  it("refuses in the caller's face what Salesforce's opencti_min.js refuses: it throws, nothing is sent", async () => {
    // A property whose value is FN becomes a function in the frame (functions do not cross evaluate).
    const FN = '(function)';
    const thrown = (method: string, ...given: unknown[]) =>
      frame.evaluate(
        ([name, args, fn]) => {
          const api = (window as unknown as { sforce: { opencti: Record<string, (...a: unknown[]) => void> } }).sforce.opencti;
          const real = args.map((a) =>
            a && typeof a === 'object' ? Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v === fn ? () => undefined : v])) : a,
          );
          try {
            api[name]!(...real);
            return null;
          } catch (error) {
            return error instanceof Error ? error.message : String(error);
          }
        },
        [method, given, FN] as const,
      );
    const before = (await wireLog(m)).length;
    const oneObject = 'Must pass in only one object which holds arguments to this API method call.';
    expect(await thrown('searchAndScreenPop')).toBe(oneObject);
    expect(await thrown('searchAndScreenPop', {})).toBe(oneObject);
    expect(await thrown('runApex', { apexClass: 'A' }, { methodName: 'm' })).toBe(oneObject);
    expect(await thrown('setSoftphonePanelLabel', 'Phone')).toBe(oneObject);
    expect(await thrown('getCallCenterSettings', { listener: FN })).toBe('Missing the required argument `callback`!');
    expect(await thrown('onClickToDial', { callback: FN })).toBe('Missing the required argument `listener`!');
    expect(await thrown('saveLog', { callback: FN })).toBe('Missing the required argument `value object`!');
    expect((await wireLog(m)).slice(before).filter((e) => e.direction === 'in')).toEqual([]);
    // These may go without anything at all.
    expect(await thrown('enableClickToDial')).toBeNull();
    expect(await thrown('refreshView')).toBeNull();
  });

  it('answers INVALID_PARAM for what the script passes on unchecked: call and screen-pop types, argument types', async () => {
    const invalid = { success: false, errors: [{ code: 'INVALID_PARAM' }] };
    const pops = (await m.cti((cti) => cti.host.screenPops())).length;
    for (const args of [
      { searchParams: '0355550101' },
      { searchParams: '0355550101', callType: 'sideways' },
      { searchParams: 355550101, callType: 'inbound' },
      // params is an object for flows only: never a query string.
      { searchParams: '0355550101', callType: 'inbound', params: 'biztelCallId=BZ1' },
      { searchParams: '0355550101', callType: 'inbound', queryParams: { biztelCallId: 'BZ1' } },
      { searchParams: '0355550101', callType: 'inbound', defaultFieldValues: 'Phone=0355550101' },
      { searchParams: '0355550101', callType: 'inbound', deferred: 'yes' },
    ]) {
      expect(await callOpenCti(frame, 'searchAndScreenPop', args), JSON.stringify(args)).toMatchObject(invalid);
    }
    expect(await callOpenCti(frame, 'screenPop', { type: 'record', params: { recordId: '0035555000001AA' } })).toMatchObject(invalid);
    expect(await callOpenCti(frame, 'screenPop', { type: 'sobject' })).toMatchObject(invalid);
    expect(await callOpenCti(frame, 'screenPop', { type: 'sobject', params: 'recordId=0035555000001AA' })).toMatchObject(invalid);
    expect(await callOpenCti(frame, 'runApex', { apexClass: 'BIZTELOpenCTIController', methodName: 'getUserInfo', methodParams: 5 })).toMatchObject(invalid);
    expect((await m.cti((cti) => cti.host.screenPops())).length).toBe(pops);
    // The documented shapes work.
    expect(await callOpenCti(frame, 'searchAndScreenPop', { searchParams: '0355550101', callType: 'inbound', queryParams: 'biztelCallId=BZ1', deferred: true })).toMatchObject({ success: true });
  });

  it('drops messages of the wrong shape from the panel frame: no answer, a "dropped" entry each', async () => {
    const bad: [unknown, string][] = [
      [request(90002, { methodName: 'deleteEverything' }), 'unknown methodName deleteEverything'],
      [request(90003, { apiType: 'interaction' }), 'apiType is not opencti'],
      [request(90004, { args: ['x'] }), 'args is not an object'],
      [request(90005, { apiVersion: '57' }), 'apiVersion is not a number'],
      [request(-1), 'callId is not a counter'],
      [request(90006, { isCallbackRegistered: 'yes' }), 'registration flags missing'],
      ['getCallCenterSettings', 'not an object'],
    ];
    // The last, well-formed message is a fence: answers come in order, so once it is answered, the
    // bad ones would have been answered too.
    await postFrom(frame, [...bad.map(([message]) => message), request(90007)], stack.origin);
    await expect.poll(async () => (await answersIn(frame)).some((a) => a.callId === 90007)).toBe(true);
    const answered = (await answersIn(frame)).map((a) => a.callId);
    expect(answered.filter((id) => [90002, 90003, 90004, 90005, -1, 90006].includes(id as number))).toEqual([]);
    const dropped = (await wireLog(m)).filter((e) => e.direction === 'dropped').map((e) => e.text);
    for (const [, reason] of bad) expect(dropped.some((text) => text.includes(reason)), reason).toBe(true);
  });

  it('drops a well-formed message from another origin', async () => {
    const evil = 'http://evil.example';
    await m.page.route(`${evil}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>evil</title><p>evil</p>' }));
    await m.page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      f.title = 'evil';
      document.body.append(f);
    }, `${evil}/frame.html`);
    const evilFrame = await (await m.page.locator('iframe[title="evil"]').elementHandle()).contentFrame();
    await evilFrame!.waitForLoadState();
    await postFrom(evilFrame!, [request(90020)], '*');
    await expectLogged(m, 'dropped', `from ${evil}: not the softphone's origin`);
    await new Promise((r) => setTimeout(r, 300));
    expect(await answersIn(evilFrame!)).toEqual([]);
    expect((await wireLog(m)).some((e) => e.direction !== 'dropped' && e.text.includes('#90020'))).toBe(false);
  });

  it("drops a message from the panel's origin that does not come from the panel's frame", async () => {
    const panelOrigin = new URL(frame.url()).origin;
    expect(panelOrigin).not.toBe(stack.origin);
    await m.page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      f.title = 'impostor';
      document.body.append(f);
    }, `${panelOrigin}/not-the-panel`);
    const impostor = await (await m.page.locator('iframe[title="impostor"]').elementHandle()).contentFrame();
    await impostor!.waitForLoadState();
    await postFrom(impostor!, [request(90030)], stack.origin);
    await expectLogged(m, 'dropped', `from ${panelOrigin}: not the softphone's frame`);
    await new Promise((r) => setTimeout(r, 300));
    expect(await answersIn(impostor!)).toEqual([]);
  });

  it('shows the dropped messages in the page’s log, filtered', async () => {
    await m.page.getByRole('tab', { name: 'Open CTI log' }).click();
    await m.page.getByRole('combobox', { name: 'Direction' }).selectOption('dropped');
    const list = m.page.getByRole('list', { name: 'Open CTI messages' });
    await expect.poll(() => list.getByRole('listitem').count()).toBeGreaterThanOrEqual(9);
    await m.page.getByRole('searchbox', { name: 'Filter' }).fill('evil.example');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    // Copy gives what is shown, with the page's address: ready for a bug report.
    await m.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.origin });
    await m.page.getByRole('button', { name: 'Copy log' }).click();
    await m.page.getByRole('status', { name: 'Open CTI log status' }).getByText('Copied 1 lines.').waitFor();
    const copied = await m.page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\n')).toEqual([expect.stringContaining(`Mock-CTI lightning · agent01 · ${stack.origin}/mock/`), expect.stringMatching(/DROPPED from http:\/\/evil\.example/)]);
    await m.page.getByRole('button', { name: 'Clear log' }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(0);
    expect(await wireLog(m)).toEqual([]);
  });
});
