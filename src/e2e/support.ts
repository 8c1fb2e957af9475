/** Shared helpers for the browser tests: Debian Chromium via playwright-core, the mock stack, roles. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { CHROMIUM_FLAGS, ensureChromium } from '../dev/chromium';
import type { MockCti } from '../mock/mock-cti';
import { startMockStack, type MockStack, type MockStackOptions } from '../dev/mock-stack';

export type { MockCti };

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: [...CHROMIUM_FLAGS, ...extraArgs], headless: true });
}

export interface MockPage {
  context: BrowserContext;
  page: Page;
  panel: FrameLocator;
  /** Runs `fn` with `window.mockCti` in the host page. */
  cti<T, A = undefined>(fn: (cti: MockCti, arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  errors: string[];
}

export const PANEL_FRAME = 'iframe[title="BIZTEL Open CTI softphone"]';

/** Opens the mock page in a fresh browser context (its own cookies and storage, like another browser). */
export async function openMockPage(browser: Browser, stack: MockStack, query = ''): Promise<MockPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return openTab(context, stack, query);
}

/** Another tab of the same browser (the same agent's Salesforce in a second tab). */
export async function openTab(context: BrowserContext, stack: MockStack, query = ''): Promise<MockPage> {
  return attachMockPage(await context.newPage(), stack.mockUrl(query));
}

/** Loads `url` (any address of the mock page) in `page` and waits for the mock page to be ready. */
export async function attachMockPage(page: Page, url?: string): Promise<MockPage> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`host: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  if (url) await page.goto(url);
  await page.waitForFunction(() => window.mockCti !== undefined);
  await page.evaluate(() => window.mockCti!.ready());
  // The test's function runs in the page: Playwright sends its source text, the page evaluates it.
  const cti = <T, A>(fn: (cti: MockCti, arg: A) => T | Promise<T>, arg?: A) =>
    page.evaluate(
      ([source, value]) => {
        // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the test's own function, in the test page
        const make = new Function(`return (${source})`) as () => (cti: MockCti, arg: unknown) => unknown;
        return make()(window.mockCti!, value);
      },
      [fn.toString(), arg] as const,
    ) as Promise<T>;
  return { context: page.context(), page, panel: page.frameLocator(PANEL_FRAME), cti, errors };
}

export async function signIn(panel: FrameLocator, loginId = 'agent01', lang: 'ja' | 'en' = 'en'): Promise<void> {
  const names = lang === 'en' ? { id: 'Login ID', pw: 'Password', submit: 'Sign in' } : { id: 'ログインID', pw: 'パスワード', submit: 'サインイン' };
  await panel.getByRole('textbox', { name: names.id }).fill(loginId);
  await panel.getByLabel(names.pw).fill('biztel');
  await panel.getByRole('button', { name: names.submit }).click();
  await panel.getByRole('combobox', { name: lang === 'en' ? 'Status' : 'ステータス' }).waitFor();
}

/** The call-state live region's text, or null when no call is shown. */
export async function callState(panel: FrameLocator, lang: 'ja' | 'en' = 'en'): Promise<string | null> {
  const region = panel.getByRole('status', { name: lang === 'en' ? 'Call state' : '通話状態' });
  return (await region.count()) === 0 ? null : region.textContent();
}

export async function expectCallState(panel: FrameLocator, state: string, lang: 'ja' | 'en' = 'en'): Promise<void> {
  await expect.poll(() => callState(panel, lang), { timeout: 10_000 }).toBe(state);
}

export const tasksFor = (m: MockPage, callId: string) =>
  m.cti((cti, id) => cti.host.tasks().filter((t) => t.CallObject === id), callId);

/** Every Open CTI call of a method the panel made, as the host recorded it. */
export const hostCalls = (m: MockPage, methodName: string) =>
  m.cti((cti, name) => cti.host.calls().filter((c) => c.methodName === name), methodName);

export const screenPops = (m: MockPage) => m.cti((cti) => cti.host.screenPops());

/** A short pause for "nothing else happens" checks (a pop or a write that must not come). */
export const settle = (ms = 600) => new Promise((r) => setTimeout(r, ms));

/**
 * A browser whose profile allows third-party storage, as Chrome's default profile does: the framed
 * panel then gets Web Locks, IndexedDB and sessionStorage. (Debian's Chromium, and every incognito
 * window, block them; the default test contexts cover that case.)
 */
export async function launchStorageContext(): Promise<BrowserContext> {
  const dir = mkdtempSync(join(tmpdir(), 'biztel-profile-'));
  mkdirSync(join(dir, 'Default'), { recursive: true });
  writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  return chromium.launchPersistentContext(dir, { executablePath: ensureChromium(), args: CHROMIUM_FLAGS, headless: true, viewport: { width: 1280, height: 900 } });
}

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
      stage.stack.org.reset();
    },
    track: (context) => {
      contexts.push(context);
      return context;
    },
  };
  return stage;
}
