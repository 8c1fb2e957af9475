/**
 * Helpers for the mock page's own browser tests (on top of `support.ts`): open the page at any URL
 * (the HTTPS proxy), reach the panel's frame to speak raw Open CTI, read the page's log.
 */
import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { MockCti, WireLogEntry } from '../mock/mock-cti';
import { PANEL_FRAME, type MockPage } from './support';

/** Like `openMockPage`, for any address of the mock page. */
export async function openMockAt(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<MockPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
  const page = await context.newPage();
  return attachMockPage(page, url);
}

/** Loads `url` in `page` and waits for the mock page to be ready. */
export async function attachMockPage(page: Page, url?: string): Promise<MockPage> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`host: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  if (url) await page.goto(url);
  await page.waitForFunction(() => window.mockCti !== undefined);
  await page.evaluate(() => window.mockCti!.ready());
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

/** The panel's frame, to run code in it (raw Open CTI through the script the panel loaded). */
export async function panelFrame(page: Page): Promise<Frame> {
  const handle = await page.locator(PANEL_FRAME).elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('The panel frame is not there.');
  return frame;
}

export interface OpenCtiAnswer {
  success: boolean;
  returnValue: unknown;
  errors: { code: string; description: string }[] | null;
}

/** Calls `sforce.opencti.<method>` in the panel's frame and returns the callback's response. */
export function callOpenCti(frame: Frame, method: string, args: Record<string, unknown> = {}): Promise<OpenCtiAnswer> {
  return frame.evaluate(
    ([name, input]) =>
      new Promise<OpenCtiAnswer>((resolve, reject) => {
        const api = (window as unknown as { sforce?: { opencti?: Record<string, (a: unknown) => void> } }).sforce?.opencti;
        const fn = api?.[name];
        if (!fn) {
          reject(new Error(`sforce.opencti.${name} is missing`));
          return;
        }
        fn({ ...input, callback: resolve });
      }),
    [method, args] as const,
  );
}

export const wireLog = (m: MockPage): Promise<WireLogEntry[]> => m.cti((cti) => cti.host.wireLog());

/** Waits until the page's Open CTI log has an entry of this direction whose text contains `text`. */
export async function expectLogged(m: MockPage, direction: WireLogEntry['direction'], text: string): Promise<void> {
  await expect
    .poll(async () => (await wireLog(m)).some((e) => e.direction === direction && e.text.includes(text)), { timeout: 5000 })
    .toBe(true);
}

export const openTab = (m: MockPage, name: string) => m.page.getByRole('tab', { name, exact: true }).click();

/** The simulator panel's live status after an action ("Done: …"). */
export async function expectSimDone(m: MockPage, text: string | RegExp): Promise<void> {
  await expect.poll(() => m.page.getByRole('status', { name: 'Simulator' }).textContent(), { timeout: 5000 }).toMatch(text);
}

/**
 * Registers a listener (`onClickToDial`, `onNavigationChange`) through the panel's own Open CTI
 * script, recording what the host pushes; read it back with `heard`. It replaces the panel's own
 * listener of that name, which is fine for a test of the host.
 */
export async function listenInPanel(frame: Frame, method: 'onClickToDial' | 'onNavigationChange'): Promise<void> {
  await frame.evaluate((name) => {
    const w = window as unknown as { heard?: Record<string, unknown[]>; sforce?: { opencti?: Record<string, (a: unknown) => void> } };
    w.heard ??= {};
    const list: unknown[] = [];
    w.heard[name] = list;
    w.sforce?.opencti?.[name]?.({ listener: (payload: unknown) => list.push(payload) });
  }, method);
}

export function heard(frame: Frame, method: 'onClickToDial' | 'onNavigationChange'): Promise<unknown[]> {
  return frame.evaluate((name) => (window as unknown as { heard?: Record<string, unknown[]> }).heard?.[name] ?? [], method);
}
