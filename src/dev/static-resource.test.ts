import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SALESFORCE_LIMIT_BYTES, resourceSizeProblem, zipResource } from './static-resource';

describe('the static resource size check', () => {
  it("is Salesforce's 5 MB limit", () => {
    expect(SALESFORCE_LIMIT_BYTES).toBe(5 * 1024 * 1024);
    expect(resourceSizeProblem(SALESFORCE_LIMIT_BYTES)).toBeNull();
    expect(resourceSizeProblem(SALESFORCE_LIMIT_BYTES + 1)).toBe(`The static resource is ${SALESFORCE_LIMIT_BYTES + 1} bytes, over Salesforce's limit for one static resource (5242880 bytes).`);
  });

  it('passes a resource within the limit and refuses one over it', () => {
    expect(resourceSizeProblem(1000, 1000)).toBeNull();
    expect(resourceSizeProblem(1001, 1000)).toMatch(/1001 bytes, over Salesforce's limit for one static resource \(1000 bytes\)/);
  });

  it('a real zip of a few bytes is over a tiny fake limit', () => {
    const zip = zipResource(new Map([['assets/biztelcti.js', new TextEncoder().encode('console.log(1)'.repeat(50))]]));
    expect(resourceSizeProblem(zip.byteLength, 10)).toMatch(/over Salesforce's limit for one static resource \(10 bytes\)/);
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
