/**
 * Salesforce Classic's own wire, end to end: the mock Classic host drives a whole inbound call
 * (sign-in, ring, pop, answer, hang-up, Task) over `interactionApi/` strings, and refuses what
 * Salesforce refuses. Every message both ways is recorded by a script the browser runs in each
 * document before its own, so the checks read the wire itself, not the host's account of it.
 *
 * Whatever is served at /support/api/57.0/interaction.js speaks for the panel: our stand-in, or
 * Salesforce's own script when `INTERACTION_JS=<file>` names one (saved from an org; never committed):
 *   INTERACTION_JS=/path/to/interaction.js npx vitest run --project e2e src/e2e/classic-wire.e2e.ts
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { VIEWPORT } from '../dev/mock-page';
import { startMockStack, type MockStack } from '../dev/mock-stack';
import { attachMockPage, expectCallState, launchBrowser, screenPops, signIn, tasksFor, type MockPage } from './support';
import { expectLogged, panelFrame, wireLog } from './mock-helpers';

let stack: MockStack;
let browser: Browser;
let m: MockPage;
let frame: Frame;
let nonce: string;

interface Heard {
  origin: string;
  data: string;
}

/** Records every string message a document receives, from before any of its own scripts run. */
const RECORDER = `(() => {
  const heard = [];
  Object.defineProperty(window, '__heard', { value: heard });
  window.addEventListener('message', (event) => {
    if (typeof event.data === 'string') heard.push({ origin: event.origin, data: event.data });
  }, true);
})();`;

const heardIn = (target: Page | Frame) => target.evaluate(() => (window as unknown as { __heard: Heard[] }).__heard.map((h) => ({ ...h })));
/** What the host page received (the panel's calls), and what the panel received (the host's answers and events). */
const toHost = () => heardIn(m.page);
const toPanel = () => heardIn(frame);

/** A wire string's pairs, read as the script reads them: split on & and =, each value decoded. */
function pairs(data: string): Record<string, string> {
  expect(data.startsWith('interactionApi/')).toBe(true);
  const out: Record<string, string> = {};
  for (const pair of data.slice('interactionApi/'.length).split('&')) {
    const [key = '', value = ''] = pair.split('=');
    out[key] = decodeURIComponent(value);
  }
  return out;
}

/** Posts raw wire strings from the panel's frame to the host page, as the script would. */
async function postRaw(messages: unknown[], from: Frame = frame, targetOrigin = stack.origin): Promise<void> {
  await from.evaluate(([list, origin]) => {
    for (const message of list) window.parent.postMessage(message, origin);
  }, [messages, targetOrigin] as const);
}

const wire = (query: string, withNonce = nonce) => `interactionApi/${query}&nonce=${withNonce}&apiVersion=31`;
const answersTo = async (method: string) => (await toPanel()).map((h) => pairs(h.data)).filter((p) => p.method === method);

beforeAll(async () => {
  stack = await startMockStack();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(RECORDER);
  m = await attachMockPage(await context.newPage(), stack.mockUrl('mode=classic&lang=en'));
  frame = await panelFrame(m.page);
  nonce = new URL(frame.url()).searchParams.get('nonce') ?? '';
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe("an inbound call over Salesforce Classic's wire", () => {
  it(`speaks through ${process.env.INTERACTION_JS ? `Salesforce's script from ${process.env.INTERACTION_JS}` : 'our stand-in script'}`, async () => {
    const served = await (await fetch(`${stack.origin}/support/api/57.0/interaction.js`)).text();
    if (process.env.INTERACTION_JS) expect(served).toBe(await readFile(process.env.INTERACTION_JS, 'utf8'));
    else expect(served).toContain('interactionApi/');
    expect(await frame.evaluate(() => typeof (window as unknown as { sforce?: { interaction?: unknown } }).sforce?.interaction)).toBe('object');
  });

  it('frames the panel as Salesforce Classic does: sfdcIFrameOrigin, isAdapterUrl and a fresh nonce', () => {
    const url = new URL(frame.url());
    expect(url.searchParams.get('sfdcIFrameOrigin')).toBe(stack.origin);
    expect(url.searchParams.get('isAdapterUrl')).toBe('true');
    expect(url.searchParams.get('mode')).toBeNull();
    expect(nonce).toMatch(/^[0-9a-f]{64}$/);
  });

  it('signs in, pops the caller while ringing, answers, hangs up and writes one Task', async () => {
    await signIn(m.panel);
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    await expect.poll(() => screenPops(m)).toEqual([expect.objectContaining({ type: 'sobject', callType: 'inbound', searchParams: '0355550101', poppedRecordIds: ['0035555000001AA'] })]);
    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(m.panel, 'Connected');
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    await expectCallState(m.panel, 'Ended');
    await expect.poll(() => tasksFor(m, callId), { timeout: 8000 }).toEqual([
      expect.objectContaining({ CallObject: callId, CallType: 'Inbound', WhoId: '0035555000001AA', Subject: 'Inbound call 03-5555-0101' }),
    ]);

    // The calls, as the host page received them: strings at the host's origin, each with the nonce.
    const calls = (await toHost()).filter((h) => h.data.startsWith('interactionApi/'));
    expect(calls.length).toBeGreaterThan(5);
    for (const call of calls) {
      expect(call.origin).toBe(new URL(frame.url()).origin);
      const p = pairs(call.data);
      expect(p.nonce, call.data).toBe(nonce);
      expect(p.apiVersion, call.data).toMatch(/^\d+$/);
    }
    const methods = calls.map((c) => pairs(c.data).method ?? '');
    // Callbacks number the page's calls from 0, in order, never twice; listeners and the
    // initialisation notice go bare.
    const numbers = methods.flatMap((name) => /_(\d+)$/.exec(name)?.[1] ?? []).map(Number);
    expect(numbers).toEqual(numbers.map((_, i) => i));
    expect(methods).toEqual(expect.arrayContaining(['notifyInitializationComplete', 'onClickToDial', 'onFocus']));
    expect(methods.filter((name) => /^(onClickToDial|onFocus|notifyInitializationComplete)_/.test(name))).toEqual([]);
    const search = calls.map((c) => pairs(c.data)).find((p) => p.method?.startsWith('searchAndScreenPop_'));
    expect(search).toMatchObject({ searchParams: '0355550101', queryParams: `biztelCallId=${callId}`, callType: 'inbound' });

    // Every call with a callback was answered once, under its own NAME_n, with result and error.
    const answers = (await toPanel()).filter((h) => h.origin === stack.origin).map((h) => pairs(h.data));
    for (const method of methods.filter((name) => /_\d+$/.test(name))) {
      expect(answers.filter((a) => a.method === method), method).toEqual([expect.objectContaining({ result: expect.any(String) as unknown, error: '' })]);
    }
    const found = answers.find((a) => a.method === search?.method);
    expect(Object.keys(JSON.parse(found?.result ?? '{}') as object)).toEqual(['0035555000001AA']);

    // The host recorded Classic's method names, never the wire's numbered ones, and refused nothing.
    const recorded = await m.cti((cti) => cti.host.calls().map((c) => c.methodName));
    expect(recorded).toEqual(expect.arrayContaining(['cti.getCallCenterSettings', 'cti.notifyInitializationComplete', 'cti.onClickToDial', 'onFocus', 'searchAndScreenPop', 'runApex']));
    expect(recorded.filter((name) => /_\d+$/.test(name))).toEqual([]);
    expect((await wireLog(m)).filter((e) => e.direction === 'dropped')).toEqual([]);
    await m.panel.getByRole('button', { name: 'Close' }).click();
  });

  it('pushes listener events under the bare listener name: onFocus on navigation, onClickToDial on a phone click', async () => {
    await m.cti((cti) => cti.host.navigate('00Q5555000001AA'));
    await expect.poll(async () => (await answersTo('onFocus')).map((p) => JSON.parse(p.result ?? 'null') as unknown)).toContainEqual(
      expect.objectContaining({ objectId: '00Q5555000001AA', object: 'Lead' }),
    );
    await m.page.getByRole('button', { name: '06-7777-0202' }).click();
    await expect.poll(async () => (await answersTo('onClickToDial')).map((p) => JSON.parse(p.result ?? 'null') as unknown)).toEqual([
      { number: '06-7777-0202', objectId: '00Q5555000001AA', objectName: '鈴木 一郎', object: 'Lead', displayName: '鈴木 一郎' },
    ]);
    await expect.poll(() => m.panel.getByRole('textbox', { name: 'Phone number' }).inputValue()).toBe('06-7777-0202');
    await m.panel.getByRole('textbox', { name: 'Phone number' }).fill('');
  });
});

describe('the Classic host checks every message as Salesforce does', () => {
  it('answers each NAME_n under exactly that name, however many are in flight', async () => {
    await postRaw([wire('method=getPageInfo_9001'), wire('method=isVisible_9002'), wire('method=getCallCenterSettings_9003')]);
    await expect.poll(async () => (await answersTo('getCallCenterSettings_9003')).length).toBe(1);
    expect(await answersTo('getPageInfo_9001')).toEqual([expect.objectContaining({ error: '', result: expect.stringContaining('"objectId":"00Q5555000001AA"') as unknown })]);
    expect(await answersTo('isVisible_9002')).toEqual([{ method: 'isVisible_9002', result: 'true', error: '' }]);
    const [settings] = await answersTo('getCallCenterSettings_9003');
    expect(JSON.parse(settings?.result ?? '{}')).toMatchObject({ '/biztelSettings/serverUrl': stack.simulator.url });
    await expectLogged(m, 'in', 'left pane: cti.getCallCenterSettings #9003');
  });

  it('answers an error as Classic does: false or nothing for result, "CODE: description" for error', async () => {
    await postRaw([wire('method=setSoftphoneHeight_9004&height=10'), wire('method=searchAndScreenPop_9005&searchParams=0355550101&queryParams=&callType=sideways')]);
    await expect.poll(async () => (await answersTo('searchAndScreenPop_9005')).length).toBe(1);
    expect(await answersTo('setSoftphoneHeight_9004')).toEqual([{ method: 'setSoftphoneHeight_9004', result: 'false', error: expect.stringMatching(/^INVALID_PARAM: height/) as unknown }]);
    expect(await answersTo('searchAndScreenPop_9005')).toEqual([{ method: 'searchAndScreenPop_9005', result: '', error: expect.stringMatching(/^INVALID_PARAM: callType/) as unknown }]);
  });

  it('drops what the script would never send, without an answer, each logged as dropped with the reason', async () => {
    const bad: [unknown, string, string][] = [
      [wire('method=getPageInfo_9010', 'f'.repeat(64)), 'wrong nonce', 'getPageInfo_9010'],
      [`interactionApi/method=getPageInfo_9011&apiVersion=31`, 'no nonce', 'getPageInfo_9011'],
      [{ method: 'getPageInfo_9012', nonce }, 'not a string', 'getPageInfo_9012'],
      [`entityFeedApi/method=getPageInfo_9013&nonce=${nonce}`, 'not an interactionApi/ message', 'getPageInfo_9013'],
      [wire('method=runApex_9014&apexClass=A&methodName=m&methodParams=%E3%81'), 'methodParams is not percent-encoded UTF-8', 'runApex_9014'],
      [wire('method=runApex_9015&apexClass=A&methodName=m'), 'runApex: argument methodParams missing', 'runApex_9015'],
      [wire('method=getPageInfo_9016&objectId=x'), 'getPageInfo: unknown argument objectId', 'getPageInfo_9016'],
      [wire('method=deleteEverything_9017'), 'unknown method deleteEverything_9017', 'deleteEverything_9017'],
      [wire('method=notifyInitializationComplete_9018'), 'notifyInitializationComplete takes no callback', 'notifyInitializationComplete_9018'],
      [wire('method=onClickToDial_9019'), 'listener onClickToDial registered with a callback number', 'onClickToDial_9019'],
    ];
    // Two calls under one number, the second while the first still waits for the org: ambiguous.
    const apex = wire('method=runApex_9021&apexClass=BIZTELOpenCTIController&methodName=getUserInfo&methodParams=none');
    // The last, well-formed message is a fence: answers come in order, so once it is answered the
    // bad ones would have been answered too.
    await postRaw([...bad.map(([message]) => message), apex, apex, wire('method=isInConsole_9020')]);
    await expect.poll(async () => (await answersTo('isInConsole_9020')).length).toBe(1);
    await expect.poll(async () => (await answersTo('runApex_9021')).length).toBe(1);
    expect(await answersTo('isInConsole_9020')).toEqual([{ method: 'isInConsole_9020', result: 'false', error: '' }]);
    for (const [, , method] of bad) expect((await answersTo(method)).length, method).toBe(0);
    const dropped = (await wireLog(m)).filter((e) => e.direction === 'dropped').map((e) => e.text);
    for (const reason of [...bad.map(([, r]) => r), 'callback number 9021 is still in flight']) {
      expect(dropped.some((text) => text.startsWith(`left pane: ${reason}`)), reason).toBe(true);
    }
    // Answered, the number may come again (a document reloaded in the frame counts from 0 again).
    await postRaw([apex]);
    await expect.poll(async () => (await answersTo('runApex_9021')).length).toBe(2);
  });

  it('drops a well-formed message with the right nonce from another origin', async () => {
    const evil = 'http://evil.example';
    await m.page.route(`${evil}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>evil</title>' }));
    await m.page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      f.title = 'evil';
      document.body.append(f);
    }, `${evil}/frame.html`);
    const evilFrame = await (await m.page.locator('iframe[title="evil"]').elementHandle())?.contentFrame();
    await evilFrame!.waitForLoadState();
    await postRaw([wire('method=getCallCenterSettings_9030')], evilFrame!, '*');
    await expectLogged(m, 'dropped', `from ${evil}: not the softphone's origin`);
    // A fence from the panel: once it is answered, an answer to the evil frame would have been sent.
    await postRaw([wire('method=isInConsole_9031')]);
    await expect.poll(async () => (await answersTo('isInConsole_9031')).length).toBe(1);
    expect(await heardIn(evilFrame!)).toEqual([]);
    expect((await wireLog(m)).some((e) => e.direction !== 'dropped' && e.text.includes('#9030'))).toBe(false);
  });

  it('raised no errors in the page', () => {
    expect(m.errors).toEqual([]);
  });
});
