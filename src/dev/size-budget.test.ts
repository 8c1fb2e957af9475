import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBudget, firstLoad, firstLoadPaths, gzipSize, sizeBuild, staticImportsOf, type SizedFile } from './size-budget';

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

  it('says which budget it checked', () => {
    expect(checkBudget([file('assets/biztelcti.js', 121_000)], 120_000, 'first load, gzipped JS+CSS').message).toMatch(/^first load, gzipped JS\+CSS 121\.0 KB is over/);
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

  it('names the first load: the page, what it names, their static imports, and the larger language', async () => {
    const texts: Record<string, string> = {
      'index.html': '<script type="module" crossorigin src="./assets/biztelcti.js"></script><link rel="stylesheet" crossorigin href="./assets/biztelcti.css">',
      'assets/biztelcti.js': 'import{a as b}from"./shared-AAAAAAAA.js";const l=()=>import(`./SignedIn-BBBBBBBB.js`);__vitePreload(()=>import("./ja-first-CCCCCCCC.js"),[]);',
      'assets/shared-AAAAAAAA.js': 'export{x as a};import"./biztelcti.js";',
      'assets/SignedIn-BBBBBBBB.js': 'import{a}from"./shared-AAAAAAAA.js";import"./later-DDDDDDDD.js";',
      'assets/later-DDDDDDDD.js': '',
      'assets/ja-first-CCCCCCCC.js': 'var e={};export{e as ja};',
      'assets/en-first-EEEEEEEE.js': 'var e={};export{e as en};',
      'assets/ja-later-GGGGGGGG.js': '',
      'assets/biztelcti.css': '',
      'assets/SignedIn-FFFFFFFF.css': '',
    };
    const sizes: Record<string, number> = { 'assets/ja-first-CCCCCCCC.js': 3_000, 'assets/en-first-EEEEEEEE.js': 2_500, 'assets/ja-later-GGGGGGGG.js': 9_000 };
    const files = Object.keys(texts).map((path) => file(path, sizes[path] ?? 1_000));
    const paths = await firstLoadPaths(files, (path) => Promise.resolve(texts[path] ?? ''));
    expect([...paths].sort()).toEqual(['assets/biztelcti.css', 'assets/biztelcti.js', 'assets/ja-first-CCCCCCCC.js', 'assets/shared-AAAAAAAA.js', 'index.html']);
  });

  it('weighs the first load of a build directory from its files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'first-load-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<script type="module" src="./assets/main.js"></script>');
    await writeFile(join(dir, 'assets', 'main.js'), 'const later=()=>import("./later-12345678.js");');
    await writeFile(join(dir, 'assets', 'later-12345678.js'), 'export const later = 1;'.repeat(50));
    expect((await firstLoad(dir)).map((f) => f.path).sort()).toEqual(['assets/main.js', 'index.html']);
  });

  it('reads the static imports of a minified script, not its dynamic ones', () => {
    const script = 'import{a as b}from"./x-12345678.js";import"./y.js";export{c}from"../z.js";const l=()=>import("./lazy.js");const s="import";';
    expect(staticImportsOf(script)).toEqual(['./x-12345678.js', './y.js', '../z.js']);
  });
});
