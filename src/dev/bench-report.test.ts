import { describe, expect, it } from 'vitest';
import { distribution, formatTable, verdict } from './bench-report';

describe("the benchmark's figures", () => {
  it('takes nearest-rank percentiles: each one a value that was measured', () => {
    const values = Array.from({ length: 200 }, (_, i) => 200 - i); // 200 … 1, unsorted on purpose
    expect(distribution(values)).toEqual({ n: 200, p50: 100, p95: 190, max: 200, min: 1 });
    expect(distribution([7])).toEqual({ n: 1, p50: 7, p95: 7, max: 7, min: 7 });
    expect(distribution([]).p95).toBeNaN();
  });

  it('marks a figure against its target, and a missing figure as missed', () => {
    expect(verdict({ figure: 'ring→pop p95', value: 10, unit: 'ms', target: 10 })).toBe('✓');
    expect(verdict({ figure: 'ring→pop p95', value: 10.01, unit: 'ms', target: 10 })).toBe('✗');
    expect(verdict({ figure: 'ring→pop p95', value: Number.NaN, unit: 'ms', target: 10 })).toBe('✗');
    expect(verdict({ figure: 'context only', value: 3, unit: 'ms' })).toBe('');
  });

  it('prints a Markdown table with values, targets and verdicts', () => {
    const table = formatTable([
      { figure: 'gzipped JS+CSS', value: 128.44, unit: 'KB', target: 120 },
      { figure: 'ring→pop max', value: Number.NaN, unit: 'ms' },
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^\|-+\|-+\|-+\|-+\|$/);
    expect(lines[2]).toMatch(/^\| gzipped JS\+CSS +\| 128\.4 KB \| ≤ 120 KB \| ✗ \|$/);
    expect(lines[3]).toMatch(/^\| ring→pop max +\| n\/a +\| +\| +\|$/);
  });
});
