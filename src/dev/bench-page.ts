/**
 * The benchmark's hold on the mock page: a fresh browser context with the probe, the panel's frame,
 * sign-in, CDP sessions for heaps, and the clock offset between Node and the panel.
 * (src/e2e/support.ts does the same for the tests, but it imports vitest, which cannot load outside
 * the test runner; so the few lines needed are here.)
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Frame, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, ensureChromium } from './chromium';
import type { MockStack } from './mock-stack';
import { PROBE_SCRIPT, type BenchProbe, type ProbeWindow } from './bench-probe';

/** The panel's frame on the mock page, as CONTRACTS.md names it. */
export const PANEL_FRAME = 'iframe[title="BIZTEL Open CTI softphone"]';

export const wallNow = () => performance.timeOrigin + performance.now();

export interface BenchPage {
  context: BrowserContext;
  page: Page;
  /** Where the panel is framed from (the other loopback name): http://127.0.0.1:<port>. */
  panelOrigin: string;
  close(): Promise<void>;
}

const VIEWPORT = { width: 1280, height: 900 };

/** A mock page in its own browser context (own cache and storage: a cold start), probe installed. */
export async function openBenchPage(browser: Browser, stack: MockStack): Promise<BenchPage> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(PROBE_SCRIPT);
  const page = await context.newPage();
  return { context, page, panelOrigin: `http://127.0.0.1:${stack.port}`, close: () => context.close() };
}

/**
 * A browser of its own with a profile that allows third-party storage, as Chrome's default profile
 * does: the framed panel then gets Web Locks instead of the channel election (which waits for rival
 * claims). Debian's Chromium, like every incognito window, blocks it. Its pages share one profile,
 * but nothing the panel loads is cached (the stack serves everything no-store).
 */
export async function openStorageBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'biztel-bench-'));
  await mkdir(join(dir, 'Default'));
  await writeFile(join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  const context = await chromium.launchPersistentContext(dir, { executablePath: ensureChromium(), args: CHROMIUM_FLAGS, headless: true, viewport: VIEWPORT });
  await context.addInitScript(PROBE_SCRIPT);
  return {
    context,
    close: async () => {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A new tab in that browser; closing it closes only the tab. */
export async function openTabIn(context: BrowserContext, stack: MockStack): Promise<BenchPage> {
  const page = await context.newPage();
  return { context, page, panelOrigin: `http://127.0.0.1:${stack.port}`, close: () => page.close() };
}

export async function loadMockPage(bench: BenchPage, stack: MockStack): Promise<void> {
  await bench.page.goto(stack.mockUrl('lang=en'));
  await bench.page.waitForFunction(() => window.mockCti !== undefined);
  await bench.page.evaluate(() => window.mockCti!.ready());
}

/** The panel's frame once it holds the panel (not the iframe's first about:blank). */
export async function panelFrame(bench: BenchPage, timeoutMs = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = bench.page.frames().find((f) => f.url().startsWith(`${bench.panelOrigin}/`));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`The panel frame (${bench.panelOrigin}) did not load.`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function signIn(bench: BenchPage, loginId: string): Promise<void> {
  const panel = bench.page.frameLocator(PANEL_FRAME);
  await panel.getByRole('textbox', { name: 'Login ID' }).fill(loginId);
  await panel.getByLabel('Password').fill('biztel');
  await panel.getByRole('button', { name: 'Sign in' }).click();
  await panel.getByRole('combobox', { name: 'Status' }).waitFor();
}

/**
 * Shows the lightest QA tab (Failures): the Simulator tab polls and lists every call since the
 * start, which on a 2-core machine takes CPU from the panel as the shift goes on.
 */
export async function quietHost(bench: BenchPage): Promise<void> {
  await bench.page.getByRole('tab', { name: 'Failures', exact: true }).click();
}

/** Runs `fn` with the probe of a frame (host page or panel). */
export function withProbe<T, A>(frame: Frame, fn: (probe: BenchProbe, arg: A) => T | Promise<T>, arg: A): Promise<T> {
  // Playwright sends the function's text; tsx's `__name` wrappers appear only around named inner
  // functions, which these callers do not have.
  return frame.evaluate(
    ([source, value]) => {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the benchmark's own function, in its page
      const make = new Function(`return (${source})`) as () => (probe: BenchProbe, arg: unknown) => unknown;
      return make()((window as ProbeWindow).__biztelBench!, value);
    },
    [fn.toString(), arg] as const,
  ) as Promise<T>;
}

/**
 * A CDP session on the frame's own renderer: the panel is an out-of-process iframe (localhost and
 * 127.0.0.1 are different sites), so its heap is not the host page's.
 */
export async function cdpFor(bench: BenchPage, frame: Frame): Promise<{ session: CDPSession; outOfProcess: boolean }> {
  try {
    return { session: await bench.context.newCDPSession(frame), outOfProcess: frame !== bench.page.mainFrame() };
  } catch {
    return { session: await bench.context.newCDPSession(bench.page), outOfProcess: false };
  }
}

export interface HeapSample {
  usedBytes: number;
  totalBytes: number;
  /** DOM nodes and JS event listeners of the renderer, which a leak of components would grow. */
  nodes: number;
  jsEventListeners: number;
}

/** The JS heap after forced garbage collection (three times: weak and finalised things go too). */
export async function heapAfterGc(session: CDPSession): Promise<HeapSample> {
  for (let i = 0; i < 3; i += 1) await session.send('HeapProfiler.collectGarbage');
  const heap = await session.send('Runtime.getHeapUsage');
  const dom = await session.send('Memory.getDOMCounters');
  return { usedBytes: heap.usedSize, totalBytes: heap.totalSize, nodes: dom.nodes, jsEventListeners: dom.jsEventListeners };
}

export interface ClockOffset {
  /** The panel's clock minus Node's (ms); subtract it from panel times to put them on Node's clock. */
  offsetMs: number;
  /** Half the round trip of the best sample: the offset is right to within this. */
  uncertaintyMs: number;
}

/**
 * Both clocks are `timeOrigin + now()`, but each process fixes its time origin on its own, so they
 * may disagree by a little. Measured like NTP: the sample with the shortest round trip wins.
 */
export async function clockOffset(session: CDPSession, samples = 40): Promise<ClockOffset> {
  let best: ClockOffset = { offsetMs: 0, uncertaintyMs: Number.POSITIVE_INFINITY };
  for (let i = 0; i < samples; i += 1) {
    const sent = wallNow();
    const reply = await session.send('Runtime.evaluate', { expression: 'performance.timeOrigin + performance.now()', returnByValue: true });
    const received = wallNow();
    const remote = Number(reply.result.value);
    const half = (received - sent) / 2;
    if (half < best.uncertaintyMs) best = { offsetMs: remote - (sent + half), uncertaintyMs: half };
  }
  return best;
}
