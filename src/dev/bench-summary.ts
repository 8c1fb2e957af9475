/** From the benchmark's measurements to its table rows, notes and the figures written as JSON. */
import type { RingToPop, Shift } from './bench-calls';
import type { ColdStarts } from './bench-cold-start';
import type { ClockOffset } from './bench-page';
import type { ColdStart } from './bench-probe';
import { KB, MB, distribution, type Row } from './bench-report';
import { SIZE_BUDGET_BYTES, SIZE_TARGET_BYTES, type SizedFile } from './size-budget';

export const TARGETS = { sizeKB: SIZE_TARGET_BYTES / KB, ringToPopP95Ms: 10, coldStartMs: 500, heapGrowthMB: 2 };

export interface Measured {
  dist: SizedFile[];
  cold: ColdStarts;
  ring: RingToPop;
  shift: Shift;
  clocks: { panel: ClockOffset; host: ClockOffset };
  panelOutOfProcess: boolean;
  chromium: string;
}

const gzipped = (files: readonly SizedFile[], pick: (f: SizedFile) => boolean) => files.filter(pick).reduce((n, f) => n + f.gzipBytes, 0) / KB;
const isCode = (f: SizedFile) => f.kind !== 'other';
/** Growth of the heap after GC, scaled to 1,000 calls. */
const per1000 = (before: number, after: number, calls: number) => ((after - before) / calls) * 1000;

export function summarise(m: Measured): { rows: Row[]; notes: string[]; figures: Record<string, unknown> } {
  const { cold, ring, shift } = m;
  const shown = distribution(cold.starts.map((s) => s.shownAt));
  const inDom = distribution(cold.starts.map((s) => s.inDomAt));
  const withStorage = distribution(cold.withStorage.map((s) => s.shownAt));
  const median = (pick: (s: ColdStart) => number | null) => distribution(cold.starts.flatMap((s) => pick(s) ?? [])).p50;
  const ringToPop = distribution(ring.ringToPopMs);
  const inPanel = distribution(ring.inPanelMs);
  const toHost = distribution(ring.ringToHostMs);
  const growth = per1000(shift.before.usedBytes, shift.after.usedBytes, shift.calls);
  const hostGrowth = per1000(shift.hostBefore.usedBytes, shift.hostAfter.usedBytes, shift.calls);
  const rows: Row[] = [
    { figure: 'static resource: gzipped JS+CSS', value: gzipped(m.dist, isCode), unit: 'KB', target: TARGETS.sizeKB },
    { figure: 'static resource: gzipped HTML, favicon', value: gzipped(m.dist, (f) => !isCode(f)), unit: 'KB' },
    { figure: 'panel loaded: gzipped JS+CSS', value: gzipped(cold.loaded.files, isCode), unit: 'KB', target: TARGETS.sizeKB },
    { figure: 'panel loaded: gzipped everything', value: gzipped(cold.loaded.files, () => true), unit: 'KB' },
    { figure: `cold start to sign-in, median (n=${shown.n})`, value: shown.p50, unit: 'ms', target: TARGETS.coldStartMs },
    { figure: 'cold start to sign-in, p95', value: shown.p95, unit: 'ms', target: TARGETS.coldStartMs },
    { figure: '↳ panel script run (DOMContentLoaded)', value: median((s) => s.domContentLoaded), unit: 'ms' },
    { figure: '↳ Open CTI ready', value: median((s) => s.openCtiAt), unit: 'ms' },
    { figure: '↳ BIZTEL hello received', value: median((s) => s.firstSocketMessageAt), unit: 'ms' },
    { figure: '↳ sign-in form in the DOM', value: inDom.p50, unit: 'ms' },
    { figure: `cold start, 3rd-party storage allowed, median (n=${withStorage.n})`, value: withStorage.p50, unit: 'ms', target: TARGETS.coldStartMs },
    { figure: `ring→pop p50 (n=${ringToPop.n})`, value: ringToPop.p50, unit: 'ms' },
    { figure: 'ring→pop p95', value: ringToPop.p95, unit: 'ms', target: TARGETS.ringToPopP95Ms },
    { figure: 'ring→pop max', value: ringToPop.max, unit: 'ms' },
    { figure: "↳ ring on the panel's socket→pop, p95", value: inPanel.p95, unit: 'ms' },
    { figure: '↳ ring→pop message arrives in the host page, p95', value: toHost.p95, unit: 'ms' },
    { figure: `panel heap growth per 1,000 calls (n=${shift.calls})`, value: growth / MB, unit: 'MB', target: TARGETS.heapGrowthMB },
    { figure: 'panel heap after GC, end of the shift', value: shift.after.usedBytes / MB, unit: 'MB' },
    { figure: 'host page (mock) heap growth per 1,000 calls', value: hostGrowth / MB, unit: 'MB' },
  ];
  const notes = [
    `Chromium ${m.chromium}; a shift's call took ${distribution(shift.callMs).p50.toFixed(0)} ms (median), ring to Ended (its Task written meanwhile)`,
    `cold start medians are from the panel frame's navigation start; ↳ rows detail the figure above them`,
    `panel clock − Node clock: ${m.clocks.panel.offsetMs.toFixed(3)} ms ± ${m.clocks.panel.uncertaintyMs.toFixed(3)} ms (subtracted)`,
    `panel heap read in ${m.panelOutOfProcess ? "the panel's own renderer (out-of-process iframe)" : 'the page renderer (the panel was not out of process)'}`,
    `size budget in npm test: ${SIZE_BUDGET_BYTES / KB} KB; KB = 1000 bytes, MB = 10^6 bytes; gzip level 9`,
  ];
  const figures = {
    size: { dist: m.dist, loaded: cold.loaded.files, excludedRequests: cold.loaded.excluded },
    coldStart: { shown, inDom, runs: cold.starts, withStorage: { shown: withStorage, runs: cold.withStorage } },
    ringToPop: { ms: ringToPop, ringOnPanelSocketToPopMs: inPanel, ringToHostArrivalMs: toHost, clocks: m.clocks, samples: ring.ringToPopMs },
    heap: {
      panel: { before: shift.before, after: shift.after, growthBytesPer1000Calls: growth, samples: shift.samples, outOfProcess: m.panelOutOfProcess },
      host: { before: shift.hostBefore, after: shift.hostAfter, growthBytesPer1000Calls: hostGrowth },
      callMs: distribution(shift.callMs),
    },
  };
  return { rows, notes, figures };
}
