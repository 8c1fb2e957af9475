/** Shared helpers for the browser tests: the mock page (src/dev/mock-page.ts), the mock stack, vitest's hooks and polls. */
import type { Browser, BrowserContext, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { MockCti } from '../mock/mock-cti';
import { en as mockEn } from '../mock/host/i18n/en';
import { ja as mockJa, type MockText } from '../mock/host/i18n/ja';
import { startMockStack, type MockStack, type MockStackOptions } from '../dev/mock-stack';
import { PANEL_NAMES, VIEWPORT, attachMockPage, launchBrowser, type MockPage, type PanelLang } from '../dev/mock-page';

export type { MockCti };
export { PANEL_FRAME, attachMockPage, launchBrowser, launchStorageContext, signIn, type MockPage } from '../dev/mock-page';

/** Opens the mock page in a fresh browser context (its own cookies and storage, like another browser). */
export async function openMockPage(browser: Browser, stack: MockStack, query = ''): Promise<MockPage> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  return openTab(context, stack, query);
}

/** Another tab of the same browser (the same agent's Salesforce in a second tab). */
export async function openTab(context: BrowserContext, stack: MockStack, query = ''): Promise<MockPage> {
  return attachMockPage(await context.newPage(), stack.mockUrl(query));
}

/** The mock page's own words (its controls follow the page's `lang`, Japanese by default). */
export function mockText(m: MockPage): MockText {
  return new URL(m.page.url()).searchParams.get('lang') === 'en' ? mockEn : mockJa;
}

/** Restarts the panel inside the same host page (what a browser reload of Salesforce does to it), in either language. */
export async function reloadSoftphone(m: MockPage): Promise<void> {
  await m.page.getByRole('button', { name: mockText(m).header.reloadSoftphone, exact: true }).click();
  await m.page.evaluate(() => window.mockCti!.ready());
}

/** The call-state live region's text, or null when no call is shown. */
export async function callState(panel: FrameLocator, lang: PanelLang = 'en'): Promise<string | null> {
  const region = panel.getByRole('status', { name: PANEL_NAMES[lang].callState });
  return (await region.count()) === 0 ? null : region.textContent();
}

export async function expectCallState(panel: FrameLocator, state: string, lang: PanelLang = 'en'): Promise<void> {
  await expect.poll(() => callState(panel, lang), { timeout: 10_000 }).toBe(state);
}

export const tasksFor = (m: MockPage, callId: string) =>
  m.cti((cti, id) => cti.host.tasks().filter((t) => t.CallObject === id), callId);

/** Every Open CTI call of a method the panel made, as the host recorded it. */
export const hostCalls = (m: MockPage, methodName: string) =>
  m.cti((cti, name) => cti.host.calls().filter((c) => c.methodName === name), methodName);

export const screenPops = (m: MockPage) => m.cti((cti) => cti.host.screenPops());

/**
 * The Open CTI calls of the panel that navigate the agent: explicit pops and searches that are not
 * deferred. The host records a call as it receives it, in the order the panel sent them, while the
 * pop itself (`screenPops`) is recorded only once the search has answered.
 */
export const popRequests = (m: MockPage) =>
  m.cti((cti) => cti.host.calls().filter((c) => c.methodName === 'screenPop' || (c.methodName === 'searchAndScreenPop' && (c.args as { deferred?: unknown }).deferred !== true)));

/** The utility-bar labels the panel set (Lightning), in order. */
export const panelLabels = (m: MockPage) =>
  m.cti((cti) => cti.host.calls().flatMap((c) => (c.methodName === 'setSoftphoneItemLabel' ? [(c.args as { label: string }).label] : [])));

/** The panel's part among the agent's panels (leader holds the BIZTEL link). */
export const panelRole = (m: MockPage) => m.panel.locator('main[data-panel-role]').getAttribute('data-panel-role');

export interface Stage {
  readonly stack: MockStack;
  readonly browser: Browser;
  /** A mock page in a fresh browser context, closed by the next `reset()` or at the end. */
  page(query?: string): Promise<MockPage>;
  /** Closes this test's pages and puts the simulator and the fake org back to the seed. */
  reset(): Promise<void>;
  /** Closes a context (another browser, e.g. with storage allowed) with the test's pages. */
  track(context: BrowserContext): BrowserContext;
}

/** One mock stack and one browser for a test file, started before its tests and stopped after. */
export function mockStage(options: MockStackOptions = {}): Stage {
  let stack: MockStack | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const closeContexts = async () => {
    for (const context of contexts.splice(0)) await context.close();
  };
  beforeAll(async () => {
    stack = await startMockStack(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await closeContexts();
    await browser?.close();
    await stack?.close();
  });
  const stage: Stage = {
    get stack() {
      if (!stack) throw new Error('the stage is not up yet');
      return stack;
    },
    get browser() {
      if (!browser) throw new Error('the stage is not up yet');
      return browser;
    },
    page: async (query = '') => {
      const m = await openMockPage(stage.browser, stage.stack, query);
      contexts.push(m.context);
      return m;
    },
    reset: async () => {
      await closeContexts();
      stage.stack.simulator.pbx.reset();
      stage.stack.simulator.socketLog.clear(); // as the control API's reset does
      stage.stack.org.reset();
    },
    track: (context) => {
      contexts.push(context);
      return context;
    },
  };
  return stage;
}
