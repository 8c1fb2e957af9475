/**
 * Cold starts: the mock page loaded afresh; the figure is the panel frame's own time from its
 * navigation start to the frame that paints the sign-in form. The first measured load also records
 * what the panel fetched, for the size figures: everything it fetched until its network went quiet,
 * each file marked by whether its fetch began before the sign-in form was painted (the frame's own
 * resource timing, on the same clock as the cold-start figure; the page itself always was).
 */
import type { Browser, Request } from 'playwright-core';
import type { MockStack } from './mock-stack';
import { loadMockPage, openBenchPage, openStorageBrowser, openTabIn, panelFrame, withProbe, type BenchPage } from './bench-page';
import type { ColdStart } from './bench-probe';
import { sizeOf, type SizedFile } from './size-budget';

export interface LoadedFile extends SizedFile {
  /** Its fetch began before the sign-in form was painted (preloads included). */
  beforeSignIn: boolean;
}

export interface Loaded {
  /** Files the panel's frame fetched from its own origin, Salesforce's /support/api/ excluded. */
  files: LoadedFile[];
  /** What else the frame requested and is not counted (Salesforce's script, the BIZTEL server). */
  excluded: string[];
}

export interface ColdStarts {
  /** Debian's Chromium as it is, a fresh context each: third-party storage blocked, channel election. */
  starts: ColdStart[];
  /** A profile allowing third-party storage (Chrome's default): Web Locks. */
  withStorage: ColdStart[];
  loaded: Loaded;
}

export interface ColdRuns {
  warmUp: number;
  measured: number;
  withStorage: number;
}

/** One load of the mock page in `bench`; with `loaded`, records what the panel fetched into it. */
async function coldStart(bench: BenchPage, stack: MockStack, loaded?: Loaded): Promise<ColdStart> {
  const fetched: Promise<SizedFile | null>[] = [];
  const network = { pending: 0, lastAt: Date.now() };
  if (loaded) {
    const settled = () => {
      network.pending -= 1;
      network.lastAt = Date.now();
    };
    bench.page.on('request', (request) => {
      if (!fromPanel(request, bench.panelOrigin)) return;
      network.pending += 1;
      network.lastAt = Date.now();
    });
    bench.page.on('requestfailed', (request) => {
      if (fromPanel(request, bench.panelOrigin)) settled();
    });
    bench.page.on('requestfinished', (request) => {
      if (!fromPanel(request, bench.panelOrigin)) return;
      if (counted(request, bench.panelOrigin)) fetched.push(sizeResponse(request));
      else loaded.excluded.push(request.url());
      settled();
    });
  }
  try {
    await loadMockPage(bench, stack);
    const start = await withProbe(await panelFrame(bench), (probe, timeoutMs) => probe.waitColdStart(timeoutMs), 15_000);
    if (loaded) {
      // What loads after the form (the signed-in views, the call handling) is part of the panel too.
      await quiet(network, QUIET_MS, 10_000);
      const before = new Set(start.fetched.filter((f) => f.startTime < start.shownAt).map((f) => f.name));
      for (const file of await Promise.all(fetched)) {
        if (file) loaded.files.push({ ...file, beforeSignIn: file.path === 'index.html' || before.has(`/${file.path}`) });
      }
    }
    return start;
  } finally {
    await bench.close();
  }
}

/** The panel's network has gone quiet when nothing was pending for this long. */
const QUIET_MS = 500;

async function quiet(network: { pending: number; lastAt: number }, quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (network.pending > 0 || Date.now() - network.lastAt < quietMs) {
    if (Date.now() > deadline) throw new Error(`The panel's network did not go quiet within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function measureColdStarts(browser: Browser, stack: MockStack, runs: ColdRuns): Promise<ColdStarts> {
  const result: ColdStarts = { starts: [], withStorage: [], loaded: { files: [], excluded: [] } };
  // The warm-up loads are not counted: an agent's browser is running already.
  for (let i = 0; i < runs.warmUp + runs.measured; i += 1) {
    const start = await coldStart(await openBenchPage(browser, stack), stack, i === runs.warmUp ? result.loaded : undefined);
    if (i >= runs.warmUp) result.starts.push(start);
  }
  const storage = await openStorageBrowser();
  try {
    for (let i = 0; i < runs.warmUp + runs.withStorage; i += 1) {
      const start = await coldStart(await openTabIn(storage, stack), stack);
      if (i >= runs.warmUp) result.withStorage.push(start);
    }
  } finally {
    await storage.close();
  }
  return result;
}

/** Made by the panel's frame (the host page's own requests are not the panel's). */
function fromPanel(request: Request, panelOrigin: string): boolean {
  try {
    return request.frame().url().startsWith(`${panelOrigin}/`) || new URL(request.url()).origin === panelOrigin;
  } catch {
    return false; // a request of no frame (a worker's): not the panel's page
  }
}

/** The static resource's files: the panel's own origin, minus Salesforce's /support/api/ script. */
function counted(request: Request, panelOrigin: string): boolean {
  const url = new URL(request.url());
  return url.origin === panelOrigin && !url.pathname.startsWith('/support/api/');
}

async function sizeResponse(request: Request): Promise<SizedFile | null> {
  const response = await request.response().catch(() => null);
  if (!response) return null;
  // The panel's root page is "/" of its origin; name it as the static resource does.
  const path = new URL(request.url()).pathname;
  return sizeOf(path === '/' ? 'index.html' : path.slice(1), await response.body());
}
