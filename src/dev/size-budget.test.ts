import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBudget, gzipSize, sizeBuild, type SizedFile } from './size-budget';

const file = (path: string, gzipBytes: number): SizedFile => ({ path, kind: path.endsWith('.css') ? 'css' : path.endsWith('.js') ? 'js' : 'other', bytes: gzipBytes * 3, gzipBytes });

describe('the size budget', () => {
  it('fails over budget and names every JS and CSS file, largest first as given', () => {
    const result = checkBudget([file('assets/biztelcti.js', 140_000), file('assets/biztelcti.css', 12_000), file('favicon.svg', 900)], 150_000);
    expect(result.ok).toBe(false);
    expect(result.total).toBe(152_000);
    expect(result.message).toMatch(/^gzipped JS\+CSS 152\.0 KB is over the budget of 150\.0 KB by 2\.0 KB/);
    expect(result.message).toContain('assets/biztelcti.js: 140.0 KB gzipped (420.0 KB raw)');
    expect(result.message).toContain('assets/biztelcti.css: 12.0 KB gzipped');
    expect(result.message).not.toContain('favicon.svg');
    // One line per file after the verdict, in the order given (sizeBuild sorts largest first).
    expect(result.message.split('\n').slice(1).map((line) => line.trim().split(':')[0])).toEqual(['assets/biztelcti.js', 'assets/biztelcti.css']);
  });

  it('passes at or under budget; the favicon and the HTML do not count', () => {
    const result = checkBudget([file('assets/biztelcti.js', 149_000), file('assets/biztelcti.css', 1_000), file('index.html', 50_000)], 150_000);
    expect(result).toMatchObject({ ok: true, total: 150_000 });
  });

  it('fails when there is nothing to weigh (an empty or missing build cannot pass)', () => {
    expect(checkBudget([file('index.html', 400)], 150_000)).toMatchObject({ ok: false, total: 0 });
  });

  it('sizes every file of a build, nested ones included, with gzip level 9', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'size-budget-'));
    await mkdir(join(dir, 'assets'));
    const js = 'export const x = 1;\n'.repeat(500);
    await writeFile(join(dir, 'assets', 'a.js'), js);
    await writeFile(join(dir, 'index.html'), '<!doctype html>');
    // Last by name, first by size: the list is largest first, not alphabetical.
    const css = Array.from({ length: 300 }, (_, i) => `.c${i}{color:#${(i * 7919).toString(16).padStart(6, '0')}}`).join('\n');
    await writeFile(join(dir, 'z.css'), css);
    const sized = await sizeBuild(dir);
    expect(sized.map((f) => [f.path, f.kind])).toEqual([
      ['z.css', 'css'],
      ['assets/a.js', 'js'],
      ['index.html', 'other'],
    ]);
    expect(sized[0]!.gzipBytes).toBeGreaterThan(sized[1]!.gzipBytes);
    expect(sized[1]).toMatchObject({ bytes: js.length, gzipBytes: gzipSize(js) });
    expect(sized[1]!.gzipBytes).toBeLessThan(js.length / 20);
  });
});
