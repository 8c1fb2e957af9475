/** The benchmark's figures: statistics, the targets of the issue, the printed table. */

export interface Distribution {
  n: number;
  p50: number;
  p95: number;
  max: number;
  min: number;
}

/** Nearest-rank percentiles: every figure is one that was measured, none interpolated. */
export function distribution(values: readonly number[]): Distribution {
  if (values.length === 0) return { n: 0, p50: Number.NaN, p95: Number.NaN, max: Number.NaN, min: Number.NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
  return { n: sorted.length, p50: rank(0.5), p95: rank(0.95), max: sorted.at(-1) ?? Number.NaN, min: sorted[0] ?? Number.NaN };
}

export interface Row {
  figure: string;
  value: number;
  unit: 'ms' | 'KB' | 'MB';
  /** The target (a ceiling); undefined for figures shown for context only. */
  target?: number;
}

const decimals = (unit: Row['unit']) => (unit === 'MB' ? 2 : unit === 'KB' ? 1 : 2);
const show = (value: number, unit: Row['unit']) => (Number.isFinite(value) ? `${value.toFixed(decimals(unit))} ${unit}` : 'n/a');

export function verdict(row: Row): '✓' | '✗' | '' {
  if (row.target === undefined) return '';
  return Number.isFinite(row.value) && row.value <= row.target ? '✓' : '✗';
}

/** A plain-text table (also valid Markdown, for the README). */
export function formatTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [r.figure, show(r.value, r.unit), r.target === undefined ? '' : `≤ ${r.target} ${r.unit}`, verdict(r)]);
  const header = ['figure', 'value', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) => `| ${c.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

export const KB = 1000;
export const MB = 1000 * 1000;
