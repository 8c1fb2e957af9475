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
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, ensureChromium } from './chromium';
import { PROJECT_ROOT, startMockStack } from './mock-stack';
import { cdpFor, clockOffset, loadMockPage, openBenchPage, panelFrame, quietHost, signIn } from './bench-page';
import { AGENT, measureRingToPop, runShift, type RingLog } from './bench-calls';
import { measureColdStarts } from './bench-cold-start';
import type { ColdStart } from './bench-probe';
import { KB, MB, distribution, formatTable, type Row } from './bench-report';
import { SIZE_BUDGET_BYTES, SIZE_TARGET_BYTES, sizeBuild, type SizedFile } from './size-budget';

/** `--quick`: a check that the bench runs (seconds), not figures to report. */
const QUICK = process.argv.includes('--quick');
const COUNTS = QUICK
  ? { cold: { warmUp: 1, measured: 3, withStorage: 1 }, ring: { warmUp: 5, measured: 30 }, shift: { warmUp: 5, calls: 100, sampleEvery: 50 } }
  : { cold: { warmUp: 1, measured: 10, withStorage: 5 }, ring: { warmUp: 10, measured: 200 }, shift: { warmUp: 20, calls: 1000, sampleEvery: 250 } };
const TARGETS = { sizeKB: SIZE_TARGET_BYTES / KB, ringToPopP95Ms: 10, coldStartMs: 500, heapGrowthMB: 2 };
const OUT = join(PROJECT_ROOT, '.bench', 'results.json');

const sum = (files: readonly SizedFile[], pick: (f: SizedFile) => boolean) => files.filter(pick).reduce((n, f) => n + f.gzipBytes, 0);
const isCode = (f: SizedFile) => f.kind !== 'other';
const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  for (const built of ['dist/index.html', 'dist-mock/src/mock/index.html']) {
    if (!existsSync(join(PROJECT_ROOT, built))) throw new Error(`${built} is missing: run \`npm run bench\`, which builds first.`);
  }
  const began = Date.now();
  // Other work on the machine slows every figure but the sizes: the notes say how busy it was.
  const loadAtStart = loadavg()[0] ?? 0;
  const dist = await sizeBuild(join(PROJECT_ROOT, 'dist'));
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
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_FLAGS, headless: true });
  try {
    log(`Chromium ${browser.version()}; cold starts…`);
    const cold = await measureColdStarts(browser, stack, COUNTS.cold);

    const bench = await openBenchPage(browser, stack);
    await loadMockPage(bench, stack);
    await signIn(bench, AGENT);
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

    const coldShown = distribution(cold.starts.map((s) => s.shownAt));
    const coldInDom = distribution(cold.starts.map((s) => s.inDomAt));
    const coldStorage = distribution(cold.withStorage.map((s) => s.shownAt));
    const coldMark = (pick: (s: ColdStart) => number | null) => distribution(cold.starts.flatMap((s) => pick(s) ?? [])).p50;
    const ringToPop = distribution(ring.ringToPopMs);
    const inPanel = distribution(ring.inPanelMs);
    const toHost = distribution(ring.ringToHostMs);
    const growth = ((shift.after.usedBytes - shift.before.usedBytes) / shift.calls) * 1000;
    const hostGrowth = ((shift.hostAfter.usedBytes - shift.hostBefore.usedBytes) / shift.calls) * 1000;
    const rows: Row[] = [
      { figure: 'static resource: gzipped JS+CSS', value: sum(dist, isCode) / KB, unit: 'KB', target: TARGETS.sizeKB },
      { figure: 'static resource: gzipped HTML, favicon', value: sum(dist, (f) => !isCode(f)) / KB, unit: 'KB' },
      { figure: 'panel loaded: gzipped JS+CSS', value: sum(cold.loaded.files, isCode) / KB, unit: 'KB', target: TARGETS.sizeKB },
      { figure: 'panel loaded: gzipped everything', value: sum(cold.loaded.files, () => true) / KB, unit: 'KB' },
      { figure: `cold start to sign-in, median (n=${coldShown.n})`, value: coldShown.p50, unit: 'ms', target: TARGETS.coldStartMs },
      { figure: 'cold start to sign-in, p95', value: coldShown.p95, unit: 'ms', target: TARGETS.coldStartMs },
      { figure: `cold start, third-party storage allowed, median (n=${coldStorage.n})`, value: coldStorage.p50, unit: 'ms', target: TARGETS.coldStartMs },
      { figure: 'cold start: panel script run (DOMContentLoaded), median', value: coldMark((s) => s.domContentLoaded), unit: 'ms' },
      { figure: 'cold start: Open CTI ready, median', value: coldMark((s) => s.openCtiAt), unit: 'ms' },
      { figure: 'cold start: BIZTEL hello received, median', value: coldMark((s) => s.firstSocketMessageAt), unit: 'ms' },
      { figure: 'cold start: sign-in form in the DOM, median', value: coldInDom.p50, unit: 'ms' },
      { figure: `ring→pop p50 (n=${ringToPop.n})`, value: ringToPop.p50, unit: 'ms' },
      { figure: 'ring→pop p95', value: ringToPop.p95, unit: 'ms', target: TARGETS.ringToPopP95Ms },
      { figure: 'ring→pop max', value: ringToPop.max, unit: 'ms' },
      { figure: 'ring in panel→pop p95 (panel clock)', value: inPanel.p95, unit: 'ms' },
      { figure: 'ring→pop arrives in host p95', value: toHost.p95, unit: 'ms' },
      { figure: `panel heap growth per 1,000 calls (after GC)`, value: growth / MB, unit: 'MB', target: TARGETS.heapGrowthMB },
      { figure: 'panel heap after GC, end of shift', value: shift.after.usedBytes / MB, unit: 'MB' },
      { figure: 'host page (mock) heap growth per 1,000 calls', value: hostGrowth / MB, unit: 'MB' },
    ];
    const notes = [
      `Chromium ${browser.version()}, ${COUNTS.cold.measured} cold starts, ${ringToPop.n} rings, a shift of ${shift.calls} full calls (median ${distribution(shift.callMs).p50.toFixed(1)} ms each)`,
      `panel clock − Node clock: ${clocks.panel.offsetMs.toFixed(3)} ms ± ${clocks.panel.uncertaintyMs.toFixed(3)} ms (corrected for)`,
      `panel heap measured in ${panelCdp.outOfProcess ? "the panel's own renderer (out-of-process iframe)" : 'the page renderer (the panel was not out of process)'}`,
      `size budget in npm test: ${(SIZE_BUDGET_BYTES / KB).toFixed(0)} KB; KB = 1000 bytes, MB = 10^6 bytes; gzip level 9`,
      `took ${((Date.now() - began) / 1000).toFixed(0)} s on ${availableParallelism()} CPUs; load average ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end`,
    ];
    log('');
    log(formatTable(rows));
    for (const note of notes) log(`  ${note}`);

    const results = {
      at: new Date().toISOString(),
      chromium: browser.version(),
      targets: TARGETS,
      rows,
      notes,
      size: { dist, loaded: cold.loaded.files, excludedRequests: cold.loaded.excluded },
      coldStart: { shown: coldShown, inDom: coldInDom, runs: cold.starts, withStorage: { shown: coldStorage, runs: cold.withStorage } },
      ringToPop: { ms: ringToPop, ringInPanelToPopMs: inPanel, ringToHostArrivalMs: toHost, clocks, samples: ring.ringToPopMs },
      heap: {
        panel: { before: shift.before, after: shift.after, growthBytesPer1000Calls: growth, samples: shift.samples, outOfProcess: panelCdp.outOfProcess },
        host: { before: shift.hostBefore, after: shift.hostAfter, growthBytesPer1000Calls: hostGrowth },
        callMs: distribution(shift.callMs),
      },
    };
    await mkdir(join(PROJECT_ROOT, '.bench'), { recursive: true });
    await writeFile(OUT, `${JSON.stringify(results, null, 2)}\n`);
    log(`\nwritten: ${OUT}`);
  } finally {
    await browser.close();
    await stack.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
