import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame } from 'playwright-core';
import { startMockStack, type MockStack } from '../dev/mock-stack';
import { PANEL_FRAME, expectCallState, launchBrowser, openMockPage, signIn, tasksFor, type MockPage } from './support';
import { expectLogged, panelFrame } from './mock-helpers';

let stack: MockStack;
let browser: Browser;
let m: MockPage;
let frame: Frame;

beforeAll(async () => {
  stack = await startMockStack();
  browser = await launchBrowser();
  m = await openMockPage(browser, stack, 'mode=classic&lang=en');
  frame = await panelFrame(m.page);
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** Calls `sforce.interaction[...path]` with positional arguments and returns Classic's `{method, result, error}`. */
function classic(path: string, ...args: unknown[]): Promise<{ result?: unknown; error?: unknown }> {
  return frame.evaluate(
    ([name, positional]) =>
      new Promise<{ result?: unknown; error?: unknown }>((resolve) => {
        let target: unknown = (window as unknown as { sforce: { interaction: unknown } }).sforce.interaction;
        const parts = name.split('.');
        const method = parts.pop()!;
        for (const part of parts) target = (target as Record<string, unknown>)[part];
        (target as Record<string, (...a: unknown[]) => void>)[method]!(...positional, resolve);
      }),
    [path, args] as const,
  );
}

/** Registers a Classic listener in the panel frame; what it hears is read back with `heardClassic`. */
async function listenClassic(path: string): Promise<void> {
  await frame.evaluate((name) => {
    const w = window as unknown as { heard?: Record<string, unknown[]>; sforce: { interaction: Record<string, unknown> } };
    w.heard ??= {};
    const list: unknown[] = [];
    w.heard[name] = list;
    let target: unknown = w.sforce.interaction;
    const parts = name.split('.');
    const method = parts.pop()!;
    for (const part of parts) target = (target as Record<string, unknown>)[part];
    (target as Record<string, (l: (r: unknown) => void) => void>)[method]!((response) => list.push(response));
  }, path);
}
const heardClassic = (path: string) => frame.evaluate((name) => (window as unknown as { heard?: Record<string, unknown[]> }).heard?.[name] ?? [], path);

describe('the Classic host: the softphone in the left pane, on sforce.interaction', () => {
  it('frames the panel in the left pane, from the other origin, without mode=Lightning', async () => {
    const src = await m.page.getByRole('complementary', { name: 'Softphone (left pane)' }).locator('iframe').getAttribute('src');
    const url = new URL(src!);
    expect(url.origin).not.toBe(stack.origin);
    expect(url.searchParams.get('mode')).toBeNull();
    expect(url.searchParams.get('sfdcIFrameOrigin')).toBe(stack.origin);
    expect(await m.page.getByRole('button', { name: 'Pop out' }).count()).toBe(0);
  });

  it("records Classic calls with Classic's names and named arguments", async () => {
    await signIn(m.panel);
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    await expect.poll(() => m.cti((cti) => cti.host.screenPops())).toEqual([
      expect.objectContaining({ type: 'sobject', callType: 'inbound', searchParams: '0355550101', poppedRecordIds: ['0035555000001AA'] }),
    ]);
    const calls = await m.cti((cti) => cti.host.calls());
    const names = new Set(calls.map((c) => c.methodName));
    for (const name of ['cti.getCallCenterSettings', 'cti.notifyInitializationComplete', 'runApex', 'searchAndScreenPop']) expect(names, name).toContain(name);
    expect([...names].filter((n) => ['getCallCenterSettings', 'enableClickToDial', 'notifyInitializationComplete'].includes(n))).toEqual([]);
    expect(calls.find((c) => c.methodName === 'searchAndScreenPop')?.args).toEqual({
      searchParams: '0355550101',
      queryParams: `biztelCallId=${callId}`,
      callType: 'inbound',
    });
    expect(calls.find((c) => c.methodName === 'runApex')?.args).toMatchObject({ apexClass: 'BIZTELOpenCTIController', methodName: 'getUserInfo' });
    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(m.panel, 'Connected');
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => tasksFor(m, callId)).toEqual([expect.objectContaining({ WhoId: '0035555000001AA', CallType: 'Inbound' })]);
    await m.panel.getByRole('button', { name: 'Close' }).click();
  });

  it('answers in Classic shapes: JSON text results, errors as text', async () => {
    const settings = await classic('cti.getCallCenterSettings');
    expect(JSON.parse(settings.result as string)).toMatchObject({ '/biztelSettings/serverUrl': stack.simulator.url });
    const layout = await classic('cti.getSoftphoneLayout');
    expect(Object.keys(JSON.parse(layout.result as string) as object)).toEqual(['Inbound', 'Outbound', 'Internal']);
    const found = JSON.parse((await classic('searchAndScreenPop', '045-333-4444', '', 'outbound')).result as string) as Record<string, { object: string }>;
    expect(Object.values(found).map((r) => r.object)).toEqual(['Contact', 'Contact']);
    // Classic never pops outbound calls.
    expect((await m.cti((cti) => cti.host.screenPops())).filter((p) => p.callType === 'outbound')).toEqual([]);
  });

  it('fails Classic calls on expireSession and failNext, by either name', async () => {
    await m.cti((cti) => cti.host.expireSession());
    expect((await classic('runApex', 'BIZTELOpenCTIController', 'getUserInfo', '')).error).toMatch(/^SERVER_ERROR/);
    expect((await classic('cti.getSoftphoneLayout')).error).toMatch(/^SERVER_ERROR/);
    // No error: the wire's empty `error`, which the script reads as null.
    expect((await classic('cti.getCallCenterSettings')).error).toBeNull();
    await m.cti((cti) => cti.host.restoreSession());
    await m.cti((cti) => cti.host.failNext('getSoftphoneLayout'));
    expect((await classic('cti.getSoftphoneLayout')).error).toMatch(/^SERVER_ERROR: Injected failure of cti.getSoftphoneLayout/);
    expect((await classic('cti.getSoftphoneLayout')).error).toBeNull();
  });

  it('pushes onFocus on navigation and cti.onClickToDial on a phone click', async () => {
    await listenClassic('onFocus');
    await listenClassic('cti.onClickToDial');
    await m.cti((cti) => cti.host.navigate('00Q5555000001AA'));
    await expect.poll(async () => (await heardClassic('onFocus')).map((r) => JSON.parse((r as { result: string }).result) as unknown)).toEqual([
      expect.objectContaining({ objectId: '00Q5555000001AA', object: 'Lead' }),
    ]);
    await m.page.getByRole('button', { name: '06-7777-0202' }).click();
    await expect.poll(async () => (await heardClassic('cti.onClickToDial')).map((r) => JSON.parse((r as { result: string }).result) as unknown)).toEqual([
      { number: '06-7777-0202', objectId: '00Q5555000001AA', objectName: '鈴木 一郎', object: 'Lead', displayName: '鈴木 一郎' },
    ]);
    await expectLogged(m, 'out', 'left pane: cti.onClickToDial (listener event)');
  });

  it('resizes the left-pane softphone on cti.setSoftphoneHeight/Width, as Lightning does its panel', async () => {
    const box = () => m.page.locator(PANEL_FRAME).evaluate((el) => ({ width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height }));
    const before = await box();
    try {
      expect(await classic('cti.setSoftphoneHeight', 600)).toEqual({ method: expect.stringMatching(/^setSoftphoneHeight_\d+$/) as unknown, result: true, error: null });
      expect(await classic('cti.setSoftphoneWidth', 320)).toEqual({ method: expect.stringMatching(/^setSoftphoneWidth_\d+$/) as unknown, result: true, error: null });
      await expect.poll(box).toEqual({ width: 320, height: 600 });
      // Out of Salesforce's ranges: refused, and the size stays.
      // Classic says false, with the error.
      expect(await classic('cti.setSoftphoneHeight', 10)).toMatchObject({ result: false, error: expect.stringMatching(/^INVALID_PARAM: height must be 240–2560/) as unknown });
      expect((await classic('cti.setSoftphoneWidth', 'wide')).error).toMatch(/^INVALID_PARAM: width must be 200–1920/);
      expect(await box()).toEqual({ width: 320, height: 600 });
    } finally {
      // The next tests see the softphone at the size it had.
      await classic('cti.setSoftphoneHeight', Math.round(before.height));
      await classic('cti.setSoftphoneWidth', Math.round(before.width));
      await expect.poll(box).toEqual(before);
    }
  });

  it('raised no errors in the page', () => {
    expect(m.errors).toEqual([]);
  });
});
