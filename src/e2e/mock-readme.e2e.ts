/**
 * The README's `window.mockCti` example and its locator examples, run as written (only the address
 * changes to this test stack's), so the README cannot drift from the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VIEWPORT } from '../dev/mock-page';
import { PROJECT_ROOT } from '../dev/paths';
import { mockStage } from './support';

const stage = mockStage();
const README = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const BLOCKS = [...README.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');

type Example = (page: Page) => Promise<Record<string, unknown>>;

/** A README block as a function of `page`, returning its top-level constants (types stripped by TypeScript). */
function example(code: string, origin: string): Example {
  const body = code
    .split('\n')
    .filter((line) => !line.startsWith('import type '))
    .join('\n')
    .replaceAll('http://localhost:5173', origin);
  const names = [...body.matchAll(/^const (?:\{ ([\w, ]+) \}|(\w+))/gm)].flatMap((m) => (m[1] ?? m[2] ?? '').split(',').map((n) => n.trim()));
  const source = `async function run(page: any) {\n${body}\nreturn { ${names.join(', ')} };\n}`;
  const { outputText, diagnostics } = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext }, reportDiagnostics: true });
  expect(diagnostics ?? []).toEqual([]);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the README's own example, run in this test
  const make = new Function(`${outputText}\nreturn run;`) as () => Example;
  return make();
}

describe("the README's examples", () => {
  it('has the mockCti example and the locator examples', () => {
    expect(BLOCKS).toHaveLength(2);
    expect(BLOCKS[0]).toContain("await page.goto('http://localhost:5173/mock/?lang=en');");
  });

  it('runs them as written against the mock page', async () => {
    const context = stage.track(await stage.browser.newContext({ viewport: VIEWPORT }));
    const page = await context.newPage();
    const results = await example(BLOCKS[0] ?? '', stage.stack.origin)(page);
    expect(results.callId).toMatch(/^\d{20}$/);
    expect(results.pops).toEqual([expect.objectContaining({ type: 'sobject', poppedRecordIds: ['0035555000001AA'] })]);
    expect(results.tasks).toEqual([expect.objectContaining({ CallObject: results.callId })]);
    expect(results.report).toMatchObject({ status: 'passed', steps: [{ status: 'ok' }, { status: 'ok' }, { status: 'ok' }] });
    // Its comments say what comes back: keep them true.
    expect(BLOCKS[0]).toContain("[{type: 'sobject', poppedRecordIds: ['0035555000001AA'], …}]");

    await example(BLOCKS[1] ?? '', stage.stack.origin)(page);
  });
});
