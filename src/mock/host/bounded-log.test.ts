import { describe, expect, it } from 'vitest';
import { BoundedLog } from './bounded-log';

describe('a bounded log', () => {
  it('keeps the newest lines, lets the oldest go a batch at a time and counts them', () => {
    const log = new BoundedLog<number>(10, 4);
    for (let i = 1; i <= 10; i++) log.push(i);
    expect(log.lines()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(log.dropped).toBe(0);
    log.push(11);
    expect(log.lines()).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(log.dropped).toBe(4);
    for (let i = 12; i <= 40; i++) log.push(i);
    expect(log.lines().length).toBeLessThanOrEqual(10);
    expect(log.lines().at(-1)).toBe(40);
    expect(log.dropped + log.lines().length).toBe(40);
  });

  it('rises its version with every change and starts again empty on clear', () => {
    const log = new BoundedLog<string>(3, 1);
    const before = log.version;
    log.push('a');
    log.push('b');
    expect(log.version).toBe(before + 2);
    log.push('c');
    log.push('d');
    expect(log.dropped).toBe(1);
    log.clear();
    expect(log.lines()).toEqual([]);
    expect(log.dropped).toBe(0);
    expect(log.version).toBe(before + 5);
  });

  it('refuses a batch that makes no sense', () => {
    expect(() => new BoundedLog(10, 0)).toThrow(RangeError);
    expect(() => new BoundedLog(10, 11)).toThrow(RangeError);
  });
});
