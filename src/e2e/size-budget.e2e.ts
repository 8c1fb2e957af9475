import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../dev/mock-stack';
import { SIZE_BUDGET_BYTES, checkBudget, sizeBuild } from '../dev/size-budget';

describe('the size budget of the built panel', () => {
  it('ships no more gzipped JS+CSS than its budget', async () => {
    const result = checkBudget(await sizeBuild(join(PROJECT_ROOT, 'dist')), SIZE_BUDGET_BYTES);
    expect(result.ok, `${result.message}\n(src/dev/size-budget.ts: SIZE_BUDGET_BYTES)`).toBe(true);
  });
});
