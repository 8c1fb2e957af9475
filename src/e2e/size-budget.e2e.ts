import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../dev/mock-stack';
import { FIRST_LOAD_BUDGET_BYTES, SIZE_BUDGET_BYTES, checkBudget, firstLoad, sizeBuild, staticImportsOf } from '../dev/size-budget';

const DIST = join(PROJECT_ROOT, 'dist');

describe('the size budget of the built panel', () => {
  it('ships no more gzipped JS+CSS than its budget', async () => {
    const result = checkBudget(await sizeBuild(DIST), SIZE_BUDGET_BYTES);
    expect(result.ok, `${result.message}\n(src/dev/size-budget.ts: SIZE_BUDGET_BYTES)`).toBe(true);
  });

  it('loads no more gzipped JS+CSS before its sign-in screen than the first-load budget', async () => {
    const result = checkBudget(await firstLoad(DIST), FIRST_LOAD_BUDGET_BYTES, 'first load, gzipped JS+CSS');
    expect(result.ok, `${result.message}\n(src/dev/size-budget.ts: FIRST_LOAD_BUDGET_BYTES)`).toBe(true);
  });

  it('keeps the first screen in one script: the Visualforce page names only it, with no preload', async () => {
    // A chunk the entry imported statically would be fetched only once the entry had been parsed.
    expect(staticImportsOf(await readFile(join(DIST, 'assets', 'biztelcti.js'), 'utf8'))).toEqual([]);
  });
});
