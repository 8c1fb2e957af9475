/**
 * The built panel as Salesforce serves it: the mock page frames `/apex/biztelcti` (our Visualforce
 * page, rendered), which loads the panel from `/resource/<timestamp>/biztelcti/` (the built static
 * resource zip), under a strict Content-Security-Policy. An inbound call pops, is answered, hung up
 * and logged, in Lightning and in Classic.
 */
import type { Response } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { RESOURCE_BASE, visualforceRoutes } from '../dev/visualforce-server';
import { PANEL_FRAME, attachMockPage, expectCallState, mockStage, screenPops, signIn, tasksFor, type MockPage } from './support';

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // The simulator listens on another loopback port; the page's own origin serves the org API.
  "connect-src 'self' http://localhost:* ws://localhost:*",
  "img-src 'self' data:",
  'frame-ancestors http://localhost:*',
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

let userLanguage = 'en_US';
const stage = mockStage({ routes: visualforceRoutes({ userLanguage: () => userLanguage, pageHeaders: { 'content-security-policy': CSP } }) });
beforeEach(() => stage.reset());

interface Served {
  m: MockPage;
  responses: Response[];
}

/** The mock page framing /apex/biztelcti, with every response the browser got (frames included). */
async function openVisualforce(query: string): Promise<Served> {
  const context = stage.track(await stage.browser.newContext({ viewport: { width: 1280, height: 900 } }));
  const responses: Response[] = [];
  context.on('response', (response) => responses.push(response));
  const page = await context.newPage();
  const seen: string[] = [];
  page.on('console', (message) => seen.push(message.text()));
  // ready() waits for the panel to initialise Open CTI, forever when it never loads: fail in time, saying why.
  const attaching = attachMockPage(page, stage.stack.mockUrl(`${query}&panelPath=/apex/biztelcti`));
  attaching.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The panel did not start from /apex/biztelcti: ${seen.join(' | ') || 'nothing logged'}`)), 20_000);
  });
  try {
    return { m: await Promise.race([attaching, late]), responses };
  } finally {
    clearTimeout(timer);
  }
}

const pathOf = (response: Response) => new URL(response.url()).pathname;

/** The panel came from the page and the resource: never from the app root the stack also serves. */
function expectServedAsVisualforce(all: Response[], lightning: boolean): void {
  const page = all.find((r) => pathOf(r) === '/apex/biztelcti');
  expect(page?.status()).toBe(200);
  // The panel's origin (the host page is on the other loopback name and loads its own files).
  const responses = all.filter((r) => new URL(r.url()).origin === new URL(page!.url()).origin);
  expect(page?.headers()['content-security-policy']).toBe(CSP);
  expect(new URL(page!.url()).searchParams.get('mode')).toBe(lightning ? 'Lightning' : null);
  const resource = responses.filter((r) => pathOf(r).startsWith(`${RESOURCE_BASE}/`));
  const byName = (name: string) => resource.find((r) => pathOf(r) === `${RESOURCE_BASE}/${name}`);
  expect(byName('assets/biztelcti.js')?.headers()['content-type']).toMatch(/^text\/javascript/);
  expect(byName('assets/biztelcti.css')?.headers()['content-type']).toMatch(/^text\/css/);
  for (const r of resource) expect(r.status(), r.url()).toBe(200);
  if (!lightning) expect(resource.some((r) => /\/assets\/classic-[\w-]+\.js$/.test(pathOf(r)))).toBe(true);
  const script = lightning ? '/support/api/57.0/lightning/opencti_min.js' : '/support/api/57.0/interaction.js';
  expect(responses.some((r) => pathOf(r) === script)).toBe(true);
  expect(responses.filter((r) => /^\/(assets\/|favicon\.svg$|index\.html$)/.test(pathOf(r))).map((r) => r.url())).toEqual([]);
}

describe('the panel from the Visualforce page and the static resource, under a strict CSP', () => {
  it('Lightning: pops the caller while ringing, answers, hangs up and logs one Task', async () => {
    userLanguage = 'en_US';
    const { m, responses } = await openVisualforce('lang=en');
    expect(new URL((await m.page.locator(PANEL_FRAME).getAttribute('src'))!).pathname).toBe('/apex/biztelcti');
    await signIn(m.panel);
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    // Popped while ringing: the agent has not answered yet.
    await expect.poll(() => screenPops(m)).toEqual([expect.objectContaining({ type: 'sobject', callType: 'inbound', poppedRecordIds: ['0035555000001AA'] })]);
    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(m.panel, 'Connected');
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    await expectCallState(m.panel, 'Ended');
    await expect.poll(() => tasksFor(m, callId), { timeout: 8000 }).toHaveLength(1);
    expect((await tasksFor(m, callId))[0]).toMatchObject({ CallType: 'Inbound', CallObject: callId, WhoId: '0035555000001AA' });
    expectServedAsVisualforce(responses, true);
    expect(m.errors).toEqual([]);
  });

  it('Classic (mode=classic): the same call through interaction.js', async () => {
    userLanguage = 'ja';
    const { m, responses } = await openVisualforce('mode=classic&lang=ja');
    const frame = m.page.frames().find((f) => new URL(f.url()).pathname === '/apex/biztelcti');
    expect(await frame?.evaluate(() => document.documentElement.dataset.userLanguage)).toBe('ja');
    await signIn(m.panel, 'agent01', 'ja');
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, '着信中', 'ja');
    await expect.poll(() => screenPops(m)).toEqual([expect.objectContaining({ type: 'sobject', callType: 'inbound', poppedRecordIds: ['0035555000001AA'] })]);
    await m.panel.getByRole('button', { name: '応答' }).click();
    await expectCallState(m.panel, '通話中', 'ja');
    await m.panel.getByRole('button', { name: '切断' }).click();
    await expect.poll(() => tasksFor(m, callId), { timeout: 8000 }).toHaveLength(1);
    expect((await tasksFor(m, callId))[0]).toMatchObject({ CallType: 'Inbound', CallObject: callId, WhoId: '0035555000001AA' });
    expectServedAsVisualforce(responses, false);
    expect(m.errors).toEqual([]);
  });
});

describe('the test server stands in for Visualforce faithfully', () => {
  const get = (path: string) => fetch(`${stage.stack.origin}${path}`);

  it('renders the page per mode, with the resource URLs, the user language and the policy', async () => {
    userLanguage = 'en_US';
    const lightning = await get('/apex/biztelcti?mode=Lightning&sfdcIframeOrigin=http%3A%2F%2Flocalhost');
    expect(lightning.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(lightning.headers.get('content-security-policy')).toBe(CSP);
    const html = await lightning.text();
    expect(html).toContain('lightning/opencti_min.js');
    expect(html).toContain(`src="${RESOURCE_BASE}/assets/biztelcti.js"`);
    expect(html).toContain('data-user-language="en_US"');
    expect(await (await get('/apex/biztelcti?isAdapterUrl=true')).text()).toContain('/support/api/57.0/interaction.js');
    expect(await (await get('/apex/biztelctistandby')).text()).toContain('BIZTEL設定をご確認ください。');
  });

  it('serves the resource from any timestamp, and 404 for what the zip does not hold', async () => {
    expect((await get('/resource/1/biztelcti/favicon.svg')).headers.get('content-type')).toBe('image/svg+xml');
    expect((await get(`${RESOURCE_BASE}/assets/nothing.js`)).status).toBe(404);
    expect((await get('/apex/nosuchpage')).status).toBe(404);
  });
});
