import { describe, expect, it } from 'vitest';
import { RequestIds, requestIds } from './request-id';

/** What BIZTEL's request IDs look like: 20 digits. */
const REQUEST_ID = /^\d{20}$/;

describe('BIZTEL request IDs', () => {
  it('are 20 digits, and each is above the one before, however many come in one millisecond', () => {
    const ids = new RequestIds(() => 1_790_000_000_000);
    const issued = Array.from({ length: 1000 }, () => ids.next());
    for (const id of issued) expect(id).toMatch(REQUEST_ID);
    expect(issued[0]).toBe('17900000000000000000');
    expect(issued.at(-1)).toBe('17900000000000000999');
    expect(new Set(issued).size).toBe(issued.length);
  });

  it('never go back when the clock does', () => {
    let now = 1_790_000_000_000;
    const ids = new RequestIds(() => now);
    const first = ids.next();
    now -= 60_000;
    const second = ids.next();
    expect(BigInt(second)).toBeGreaterThan(BigInt(first));
  });

  it('start above an earlier process’s ids: a new issuer a millisecond later is above 9,999,999 calls of the last one', () => {
    const before = new RequestIds(() => 1_790_000_000_000);
    let last = '';
    for (let i = 0; i < 5000; i++) last = before.next();
    const after = new RequestIds(() => 1_790_000_000_001);
    expect(BigInt(after.next())).toBeGreaterThan(BigInt(last));
  });

  it('are 20 digits on the real clock, padded even for a clock near its start', () => {
    expect(requestIds.next()).toMatch(REQUEST_ID);
    expect(new RequestIds(() => 5).next()).toBe('00000000000050000000');
  });
});
