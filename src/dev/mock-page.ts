/**
 * Driving the mock page in Debian's Chromium, shared by the browser tests (src/e2e/support.ts, which
 * adds vitest's hooks and assertions), the benchmark and the screenshots. Nothing here imports
 * vitest, so tsx scripts can use it outside the test runner.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type FrameLocator, type Page } from 'playwright-core';
import type { MockCti } from '../mock/mock-cti';
import { CHROMIUM_FLAGS, ensureChromium } from './chromium';

/** The panel's frame on the mock page, by its title, which tests rely on. */
export const PANEL_FRAME = 'iframe[title="BIZTEL Open CTI softphone"]';

/** The window every browser run uses, so that tests, figures and screenshots see one layout. */
export const VIEWPORT = { width: 1280, height: 900 } as const;

/** The panel's accessible names that the helpers look for, in both of its languages. */
export const PANEL_NAMES = {
  ja: { loginId: 'ログインID', password: 'パスワード', signIn: 'サインイン', status: 'ステータス', callState: '通話状態', answer: '応答' },
  en: { loginId: 'Login ID', password: 'Password', signIn: 'Sign in', status: 'Status', callState: 'Call state', answer: 'Answer' },
} as const;

export type PanelLang = keyof typeof PANEL_NAMES;

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: [...CHROMIUM_FLAGS, ...extraArgs], headless: true });
}

/**
 * A browser whose profile allows third-party storage, as Chrome's default profile does: the framed
 * panel then gets Web Locks, IndexedDB and sessionStorage. (Debian's Chromium, and every incognito
 * window, block them.) The profile lives in a temporary directory, removed when the context closes.
 */
export async function launchStorageContext(): Promise<BrowserContext> {
  const dir = mkdtempSync(join(tmpdir(), 'biztel-profile-'));
  mkdirSync(join(dir, 'Default'));
  writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  const context = await chromium.launchPersistentContext(dir, { executablePath: ensureChromium(), args: CHROMIUM_FLAGS, headless: true, viewport: VIEWPORT });
  // Removed after `close()` resolves rather than on the context's close event: Chromium's helper
  // processes still write into the profile as the browser exits, and the event comes before that.
  const close = context.close.bind(context);
  context.close = async (options) => {
    await close(options);
    await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  };
  return context;
}

/** Signs `loginId` in on the panel's sign-in form and waits for the agent bar. */
export async function signIn(panel: FrameLocator, loginId = 'agent01', lang: PanelLang = 'en'): Promise<void> {
  const names = PANEL_NAMES[lang];
  await panel.getByRole('textbox', { name: names.loginId }).fill(loginId);
  await panel.getByLabel(names.password).fill('biztel');
  await panel.getByRole('button', { name: names.signIn }).click();
  await panel.getByRole('combobox', { name: names.status }).waitFor();
}

/**
 * Runs `fn` in `target` (a page or a frame) with the page's `window[globalName]`. Playwright sends
 * only the function's source text, so `fn` must not close over anything: pass what it needs as `arg`.
 * (tsx's `__name` wrappers appear only around named inner functions, which callers avoid.)
 */
export function runInPage<G, T, A>(target: Page | Frame, globalName: string, fn: (global: G, arg: A) => T | Promise<T>, arg: A): Promise<T> {
  return target.evaluate(
    ([name, source, value]) => {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the caller's own function, in its own test page
      const make = new Function(`return (${source})`) as () => (global: unknown, arg: unknown) => unknown;
      return make()((window as unknown as Record<string, unknown>)[name], value);
    },
    [globalName, fn.toString(), arg] as const,
  ) as Promise<T>;
}

export interface MockPage {
  context: BrowserContext;
  page: Page;
  panel: FrameLocator;
  /** Runs `fn` with `window.mockCti` in the host page. */
  cti: <T, A = undefined>(fn: (cti: MockCti, arg: A) => T | Promise<T>, arg?: A) => Promise<T>;
  /** The host page's uncaught errors and console errors, for a test to check none came. */
  errors: string[];
}

/** Loads `url` (any address of the mock page) in `page`, if given, and waits until the mock page is ready. */
export async function loadMockPage(page: Page, url?: string): Promise<void> {
  if (url) await page.goto(url);
  await page.waitForFunction(() => window.mockCti !== undefined);
  await page.evaluate(() => window.mockCti!.ready());
}

/** `loadMockPage`, collecting the host page's errors from before the load on. */
export async function attachMockPage(page: Page, url?: string): Promise<MockPage> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`host: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await loadMockPage(page, url);
  const cti = <T, A>(fn: (cti: MockCti, arg: A) => T | Promise<T>, arg?: A) => runInPage(page, 'mockCti', fn, arg as A);
  return { context: page.context(), page, panel: page.frameLocator(PANEL_FRAME), cti, errors };
}
