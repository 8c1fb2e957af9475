import { describe, expect, it } from 'vitest';
import type { HeapSample } from './bench-page';
import type { ColdStart } from './bench-probe';
import { verdict } from './bench-report';
import { summarise, type Measured } from './bench-summary';

const heap = (usedBytes: number): HeapSample => ({ usedBytes, totalBytes: usedBytes * 2, nodes: 200, jsEventListeners: 100 });
const start = (shownAt: number): ColdStart => ({ inDomAt: shownAt - 1, shownAt, responseEnd: 10, domContentLoaded: 100, loadEventEnd: 120, openCtiAt: 110, firstSocketMessageAt: null });

function measured(): Measured {
  return {
    dist: [
      { path: 'assets/biztelcti.js', kind: 'js', bytes: 400_000, gzipBytes: 110_000 },
      { path: 'assets/biztelcti.css', kind: 'css', bytes: 40_000, gzipBytes: 15_000 },
      { path: 'index.html', kind: 'other', bytes: 456, gzipBytes: 300 },
    ],
    cold: { starts: [start(400), start(450), start(600)], withStorage: [start(300)], loaded: { files: [], excluded: [] } },
    ring: { ringToPopMs: Array.from({ length: 200 }, (_, i) => i / 10), inPanelMs: [], ringToHostMs: [1] },
    shift: {
      calls: 500,
      before: heap(5_000_000),
      after: heap(6_500_000),
      samples: [],
      hostBefore: heap(1),
      hostAfter: heap(1),
      callMs: [30],
    },
    clocks: { panel: { offsetMs: 0, uncertaintyMs: 0.3 }, host: { offsetMs: 0, uncertaintyMs: 0.3 } },
    panelOutOfProcess: true,
    chromium: '1.0',
  };
}

const row = (rows: ReturnType<typeof summarise>['rows'], prefix: string) => rows.find((r) => r.figure.startsWith(prefix))!;

describe("the benchmark's summary", () => {
  it('judges each figure against the issue’s target', () => {
    const { rows } = summarise(measured());
    expect(row(rows, 'static resource: gzipped JS+CSS')).toMatchObject({ value: 125, target: 120 });
    expect(verdict(row(rows, 'static resource: gzipped JS+CSS'))).toBe('✗');
    expect(verdict(row(rows, 'cold start to sign-in, median'))).toBe('✓'); // 450 ms
    expect(verdict(row(rows, 'cold start to sign-in, p95'))).toBe('✗'); // 600 ms
    expect(row(rows, 'ring→pop p95')).toMatchObject({ value: 18.9, target: 10 });
  });

  it('scales heap growth to 1,000 calls whatever the length of the shift', () => {
    const { rows } = summarise(measured());
    expect(row(rows, 'panel heap growth per 1,000 calls')).toMatchObject({ value: 3, unit: 'MB', target: 2 });
  });

  it('shows a figure the probe did not see as missing, not as zero', () => {
    const { rows } = summarise(measured());
    expect(row(rows, '↳ BIZTEL hello received').value).toBeNaN();
    expect(row(rows, "↳ ring on the panel's socket").value).toBeNaN();
  });
});
