/** From the benchmark's measurements to its table rows, notes and the figures written as JSON. */
import type { RingToPop, Shift } from './bench-calls';
import type { ColdStarts, LoadedFile } from './bench-cold-start';
import type { ClockOffset } from './bench-page';
import type { ColdStart } from './bench-probe';
import { KB, MB, distribution, type Row } from './bench-report';
import { FIRST_LOAD_BUDGET_BYTES, SIZE_BUDGET_BYTES, type SizedFile } from './size-budget';

/** The issues' targets, apart from the budgets `npm test` holds (a budget may be raised, a target not). */
export const TARGETS = { firstLoadKB: 120, sizeKB: 150, ringToPopP95Ms: 10, coldStartMs: 350, heapGrowthMB: 2 };

export interface Measured {
  dist: SizedFile[];
  /** The first load as the build says it (size-budget.ts), what `npm test` checks. */
  firstLoad: SizedFile[];
  cold: ColdStarts;
  /** Absent with `--cold`: sizes and cold starts only. */
  calls?: {
    ring: RingToPop;
    shift: Shift;
    clocks: { panel: ClockOffset; host: ClockOffset };
    panelOutOfProcess: boolean;
  };
  chromium: string;
}

const gzipped = <F extends SizedFile>(files: readonly F[], pick: (f: F) => boolean) => files.filter(pick).reduce((n, f) => n + f.gzipBytes, 0) / KB;
const isCode = (f: SizedFile) => f.kind !== 'other';
/** Growth of the heap after GC, scaled to 1,000 calls. */
const per1000 = (before: number, after: number, calls: number) => ((after - before) / calls) * 1000;

export function summarise(m: Measured): { rows: Row[]; notes: string[]; figures: Record<string, unknown> } {
  const { cold } = m;
  const shown = distribution(cold.starts.map((s) => s.shownAt));
  const inDom = distribution(cold.starts.map((s) => s.inDomAt));
  const withStorage = distribution(cold.withStorage.map((s) => s.shownAt));
  const median = (pick: (s: ColdStart) => number | null) => distribution(cold.starts.flatMap((s) => pick(s) ?? [])).p50;
  const loaded = cold.loaded.files;
  const rows: Row[] = [
    { figure: 'static resource: gzipped JS+CSS', value: gzipped(m.dist, isCode), unit: 'KB', target: TARGETS.sizeKB },
    { figure: 'static resource: gzipped HTML, favicon', value: gzipped(m.dist, (f) => !isCode(f)), unit: 'KB' },
    { figure: 'first load (from the build): gzipped JS+CSS', value: gzipped(m.firstLoad, isCode), unit: 'KB', target: TARGETS.firstLoadKB },
    { figure: 'loaded before the sign-in form showed: gzipped JS+CSS', value: gzipped(loaded, (f) => isCode(f) && f.beforeSignIn), unit: 'KB', target: TARGETS.firstLoadKB },
    { figure: '↳ loaded after it (signed-in views, call handling)', value: gzipped(loaded, (f) => isCode(f) && !f.beforeSignIn), unit: 'KB' },
    { figure: `cold start to sign-in, median (n=${shown.n})`, value: shown.p50, unit: 'ms', target: TARGETS.coldStartMs },
    { figure: 'cold start to sign-in, p95', value: shown.p95, unit: 'ms' },
    { figure: '↳ panel script run (DOMContentLoaded)', value: median((s) => s.domContentLoaded), unit: 'ms' },
    { figure: '↳ Open CTI ready', value: median((s) => s.openCtiAt), unit: 'ms' },
    { figure: '↳ tab channel opened (Salesforce start-up read)', value: median((s) => s.channelOpenedAt), unit: 'ms' },
    { figure: '↳ WebSocket opened', value: median((s) => s.socketOpenedAt), unit: 'ms' },
    { figure: '↳ BIZTEL hello received', value: median((s) => s.firstSocketMessageAt), unit: 'ms' },
    { figure: '↳ sign-in form in the DOM', value: inDom.p50, unit: 'ms' },
    { figure: `cold start, 3rd-party storage allowed, median (n=${withStorage.n})`, value: withStorage.p50, unit: 'ms', target: TARGETS.coldStartMs },
  ];
  const notes = [
    `cold start medians are from the panel frame's navigation start; ↳ rows detail the figure above them`,
    `the first load is read from the build (the page, its static imports, the larger language): what npm test checks; the row below it is what the panel fetched on a cold start before the sign-in form was painted`,
    `size budgets in npm test: first load ${FIRST_LOAD_BUDGET_BYTES / KB} KB, everything ${SIZE_BUDGET_BYTES / KB} KB; KB = 1000 bytes, MB = 10^6 bytes; gzip level 9`,
  ];
  const differs = firstLoadDiffers(m.firstLoad, loaded);
  if (differs) notes.push(differs);
  const figures: Record<string, unknown> = {
    size: { dist: m.dist, firstLoad: m.firstLoad, loaded, excludedRequests: cold.loaded.excluded },
    coldStart: { shown, inDom, runs: cold.starts, withStorage: { shown: withStorage, runs: cold.withStorage } },
  };
  if (m.calls) {
    const calls = callFigures(m.calls);
    rows.push(...calls.rows);
    notes.unshift(`Chromium ${m.chromium}; a shift's call took ${distribution(m.calls.shift.callMs).p50.toFixed(0)} ms (median), ring to Ended (its Task written meanwhile)`);
    notes.push(...calls.notes);
    Object.assign(figures, calls.figures);
  }
  return { rows, notes, figures };
}

/** When the cold start fetched, before the sign-in form, other files than the build's first load. */
function firstLoadDiffers(firstLoad: readonly SizedFile[], loaded: readonly LoadedFile[]): string | null {
  if (loaded.length === 0) return null;
  const expected = new Set(firstLoad.filter(isCode).map((f) => f.path));
  const fetched = new Set(loaded.filter((f) => isCode(f) && f.beforeSignIn).map((f) => f.path));
  const extra = [...fetched].filter((p) => !expected.has(p) && !/^assets\/(?:ja|en)-/.test(p));
  const missing = [...expected].filter((p) => !fetched.has(p) && !/^assets\/(?:ja|en)-/.test(p));
  if (extra.length === 0 && missing.length === 0) return null;
  return `the cold start fetched before the sign-in form ${extra.length ? `also ${extra.join(', ')}` : ''}${extra.length && missing.length ? '; ' : ''}${missing.length ? `not ${missing.join(', ')}` : ''}`;
}

function callFigures(c: NonNullable<Measured['calls']>): { rows: Row[]; notes: string[]; figures: Record<string, unknown> } {
  const { ring, shift } = c;
  const ringToPop = distribution(ring.ringToPopMs);
  const inPanel = distribution(ring.inPanelMs);
  const toHost = distribution(ring.ringToHostMs);
  const growth = per1000(shift.before.usedBytes, shift.after.usedBytes, shift.calls);
  const hostGrowth = per1000(shift.hostBefore.usedBytes, shift.hostAfter.usedBytes, shift.calls);
  const rows: Row[] = [
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
    `panel clock − Node clock: ${c.clocks.panel.offsetMs.toFixed(3)} ms ± ${c.clocks.panel.uncertaintyMs.toFixed(3)} ms (subtracted)`,
    `panel heap read in ${c.panelOutOfProcess ? "the panel's own renderer (out-of-process iframe)" : 'the page renderer (the panel was not out of process)'}`,
  ];
  const figures = {
    ringToPop: { ms: ringToPop, ringOnPanelSocketToPopMs: inPanel, ringToHostArrivalMs: toHost, clocks: c.clocks, samples: ring.ringToPopMs },
    heap: {
      panel: { before: shift.before, after: shift.after, growthBytesPer1000Calls: growth, samples: shift.samples, outOfProcess: c.panelOutOfProcess },
      host: { before: shift.hostBefore, after: shift.hostAfter, growthBytesPer1000Calls: hostGrowth },
      callMs: distribution(shift.callMs),
    },
  };
  return { rows, notes, figures };
}
