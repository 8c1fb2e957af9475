/**
 * `npm run bench` (which builds first): the figures of the issue "Fast, native and usable", measured
 * in headless Chromium on the mock page served from the built files (src/dev/mock-stack.ts). Prints a
 * table against the targets and writes `.bench/results.json`. It never fails on a figure (times vary
 * from machine to machine; `npm test` checks only the size, which does not); it exits non-zero only
 * when it could not run.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startMockStack, type MockStack } from './mock-stack';
import { DIST, DIST_MOCK, PROJECT_ROOT } from './paths';
import { cdpFor, clockOffset, loadMockPage, openBenchPage, panelFrame, quietHost } from './bench-page';
import { PANEL_FRAME, launchBrowser, signIn } from './mock-page';
import { AGENT, measureRingToPop, runShift, type RingLog } from './bench-calls';
import { measureColdStarts } from './bench-cold-start';
import { formatTable } from './bench-report';
import { TARGETS, summarise } from './bench-summary';
import { firstLoad, sizeBuild } from './size-budget';
import { formatMakeup, measureMakeup, withoutHash } from './bundle-makeup';
import type { Loaded } from './bench-cold-start';

/** `--quick`: a check that the bench runs (seconds), not figures to report. */
const QUICK = process.argv.includes('--quick');
/** `--cold`: the sizes and the cold starts only (a minute), for work on the first load. */
const COLD_ONLY = process.argv.includes('--cold');
const COUNTS = QUICK
  ? { cold: { warmUp: 1, measured: 3, withStorage: 1 }, ring: { warmUp: 5, measured: 30 }, shift: { warmUp: 5, calls: 100, sampleEvery: 50 } }
  : { cold: { warmUp: 1, measured: 10, withStorage: 5 }, ring: { warmUp: 10, measured: 200 }, shift: { warmUp: 20, calls: 1000, sampleEvery: 250 } };
const OUT = join(PROJECT_ROOT, '.bench', 'results.json');

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  for (const built of [join(DIST, 'index.html'), join(DIST_MOCK, 'src/mock/index.html')]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run bench\`, which builds first.`);
  }
  const began = Date.now();
  // Other work on the machine slows every figure but the sizes: the notes say how busy it was.
  const loadAtStart = loadavg()[0] ?? 0;
  const dist = await sizeBuild(DIST);
  const first = await firstLoad(DIST, dist);
  log('weighing the parts of each chunk…');
  const makeup = await measureMakeup();
  const rings: RingLog = new Map();
  const stack = await startMockStack({
    // The recording link comes at once, so a shift's call is complete as soon as the panel is done.
    simulator: {
      timing: { recordingDelayMs: 1 },
      onAgentEvent: (loginId, event) => {
        if (loginId === AGENT && event.type === 'call' && event.call.state === 'ringing' && !rings.has(event.call.callId)) {
          rings.set(event.call.callId, performance.timeOrigin + performance.now());
        }
      },
    },
  });
  const browser = await launchBrowser();
  try {
    log(`Chromium ${browser.version()}; cold starts…`);
    const cold = await measureColdStarts(browser, stack, COUNTS.cold);

    const calls = COLD_ONLY ? undefined : await measureCalls(browser, stack, rings, began);
    const { rows, notes, figures } = summarise({ dist, firstLoad: first, cold, ...(calls ? { calls } : {}), chromium: browser.version() });
    notes.push(`took ${((Date.now() - began) / 1000).toFixed(0)} s on ${availableParallelism()} CPUs; load average ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end`);
    log('');
    log(formatTable(rows));
    for (const note of notes) log(`  ${note}`);
    log('\nWhat each chunk is made of (gzip level 9; a part costs what gzipping the chunk without it saves):\n');
    log(formatMakeup(makeup, beforeSignIn(cold.loaded)));

    const results = { at: new Date().toISOString(), chromium: browser.version(), targets: TARGETS, rows, notes, ...figures, makeup };
    await mkdir(join(PROJECT_ROOT, '.bench'), { recursive: true });
    await writeFile(OUT, `${JSON.stringify(results, null, 2)}\n`);
    log(`\nwritten: ${OUT}`);
  } finally {
    await browser.close();
    await stack.close();
  }
}

/** The ring→pop figures and the shift, on one signed-in mock page. */
async function measureCalls(browser: Browser, stack: MockStack, rings: RingLog, began: number) {
  const bench = await openBenchPage(browser, stack);
  await loadMockPage(bench, stack);
  await signIn(bench.page.frameLocator(PANEL_FRAME), AGENT);
  await quietHost(bench);
  const frames = { panel: await panelFrame(bench), host: bench.page.mainFrame() };
  const panelCdp = await cdpFor(bench, frames.panel);
  const sessions = { panel: panelCdp.session, host: (await cdpFor(bench, frames.host)).session };
  const clocks = { panel: await clockOffset(sessions.panel), host: await clockOffset(sessions.host) };
  log(`ring→pop over ${COUNTS.ring.measured} calls…`);
  const ring = await measureRingToPop(stack, rings, frames, clocks, COUNTS.ring);
  log(`a shift of ${COUNTS.shift.calls} calls…`);
  const shift = await runShift(stack, rings, frames, sessions, COUNTS.shift, (done) => log(`  ${done} calls, ${((Date.now() - began) / 1000).toFixed(0)} s`));
  await bench.close();
  return { ring, shift, clocks, panelOutOfProcess: panelCdp.outOfProcess };
}

/** Whether the cold start fetched a chunk (hash stripped) before the sign-in form showed; null if it did not fetch it. */
function beforeSignIn(loaded: Loaded): (file: string) => boolean | null {
  return (file) => {
    const found = loaded.files.find((f) => withoutHash(f.path) === file);
    return found ? found.beforeSignIn : null;
  };
}

main().catch((error: unknown) => {
  console.error(`bench could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
