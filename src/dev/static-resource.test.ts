import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { RESOURCE_BUDGET_BYTES, SALESFORCE_LIMIT_BYTES, resourceSizeProblem, zipResource } from './static-resource';

describe('the static resource size check', () => {
  it('passes a resource within the budget', () => {
    expect(resourceSizeProblem(1000, 1000, 2000)).toBeNull();
    expect(resourceSizeProblem(RESOURCE_BUDGET_BYTES)).toBeNull();
  });

  it('refuses a resource over its budget, naming the file to change', () => {
    expect(resourceSizeProblem(1001, 1000, 2000)).toMatch(/1001 bytes, over its budget of 1000 bytes \(src\/dev\/static-resource\.ts\)/);
    expect(resourceSizeProblem(RESOURCE_BUDGET_BYTES + 1)).toMatch(/over its budget/);
  });

  it("refuses a resource over Salesforce's 5 MB limit, whatever the budget", () => {
    expect(SALESFORCE_LIMIT_BYTES).toBe(5 * 1024 * 1024);
    expect(RESOURCE_BUDGET_BYTES).toBeLessThan(SALESFORCE_LIMIT_BYTES);
    expect(resourceSizeProblem(SALESFORCE_LIMIT_BYTES + 1, Infinity)).toMatch(/over Salesforce's limit/);
  });

  it('a real zip of a few bytes is over a tiny fake budget', () => {
    const zip = zipResource(new Map([['assets/biztelcti.js', new TextEncoder().encode('console.log(1)'.repeat(50))]]));
    expect(resourceSizeProblem(zip.byteLength, 10)).toMatch(/over its budget of 10 bytes/);
  });
});

describe('the zip', () => {
  it('is the same bytes for the same files in any order, with the files intact', () => {
    const a = new TextEncoder().encode('a');
    const b = new TextEncoder().encode('bb');
    const one = zipResource(new Map([['x/a.js', a], ['b.css', b]]));
    const two = zipResource(new Map([['b.css', b], ['x/a.js', a]]));
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
    expect(Object.keys(unzipSync(one)).sort()).toEqual(['b.css', 'x/a.js']);
    expect(new TextDecoder().decode(unzipSync(one)['b.css'])).toBe('bb');
  });
});
