/**
 * Helpers for the mock page's own browser tests (on top of `support.ts`): open the page at any URL
 * (the HTTPS proxy), reach the panel's frame to speak raw Open CTI, read the page's log.
 */
import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { WireLogEntry } from '../mock/mock-cti';
import { PANEL_FRAME, attachMockPage, type MockPage } from './support';

export { attachMockPage };

/** Like `openMockPage`, for any address of the mock page. */
export async function openMockAt(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<MockPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
  const page = await context.newPage();
  return attachMockPage(page, url);
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
 * script, recording what the host pushes; read it back with `heard`. As with Salesforce's script, it
 * is added beside the panel's own listener of that name: both hear every event.
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
