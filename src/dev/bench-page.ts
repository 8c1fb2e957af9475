/**
 * The benchmark's hold on the mock page: a fresh browser context with the probe, the panel's frame,
 * CDP sessions for heaps, and the clock offset between Node and the panel. Loading the page and
 * signing in are the browser tests' own helpers (src/dev/mock-page.ts).
 */
import type { Browser, BrowserContext, CDPSession, Frame, Page } from 'playwright-core';
import type { MockStack } from './mock-stack';
import { PROBE_GLOBAL, PROBE_SCRIPT, type BenchProbe } from './bench-probe';
import { VIEWPORT, launchStorageContext, loadMockPage as loadPage, runInPage } from './mock-page';

export const wallNow = () => performance.timeOrigin + performance.now();

export interface BenchPage {
  context: BrowserContext;
  page: Page;
  /** Where the panel is framed from (the other loopback name): http://127.0.0.1:<port>. */
  panelOrigin: string;
  close(): Promise<void>;
}

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
export async function openStorageBrowser(): Promise<BrowserContext> {
  const context = await launchStorageContext();
  await context.addInitScript(PROBE_SCRIPT);
  return context;
}

/** A new tab in that browser; closing it closes only the tab. */
export async function openTabIn(context: BrowserContext, stack: MockStack): Promise<BenchPage> {
  const page = await context.newPage();
  return { context, page, panelOrigin: `http://127.0.0.1:${stack.port}`, close: () => page.close() };
}

/** The mock page in English, where the probe looks for the panel's English names. */
export function loadMockPage(bench: BenchPage, stack: MockStack): Promise<void> {
  return loadPage(bench.page, stack.mockUrl('lang=en'));
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

/**
 * Shows the lightest QA tab (Failures): the Simulator tab polls and lists every call since the
 * start, which on a 2-core machine takes CPU from the panel as the shift goes on.
 */
export async function quietHost(bench: BenchPage): Promise<void> {
  await bench.page.getByRole('tab', { name: 'Failures', exact: true }).click();
}

/** Runs `fn` with the probe of a frame (host page or panel). */
export function withProbe<T, A>(frame: Frame, fn: (probe: BenchProbe, arg: A) => T | Promise<T>, arg: A): Promise<T> {
  return runInPage(frame, PROBE_GLOBAL, fn, arg);
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
