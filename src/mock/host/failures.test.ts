import { describe, expect, it } from 'vitest';
import { FailureInjector } from './failures';

describe('failure injection', () => {
  it('fails the next N calls of a method, in order, then stops', () => {
    const f = new FailureInjector();
    f.failNext('runApex', 2);
    f.failNext('runApex', 1, { applied: true });
    expect(f.take('saveLog')).toBeNull();
    expect([f.take('runApex'), f.take('runApex'), f.take('runApex'), f.take('runApex')]).toEqual([
      { applied: false },
      { applied: false },
      { applied: true },
      null,
    ]);
  });

  it('matches Lightning and Classic names of the same method', () => {
    const f = new FailureInjector();
    f.failNext('getSoftphoneLayout');
    f.failNext('cti.enableClickToDial');
    expect(f.take('cti.getSoftphoneLayout')).toEqual({ applied: false });
    expect(f.take('enableClickToDial')).toEqual({ applied: false });
  });

  it('fails a share of calls by rate, and a rate of 0 removes it', () => {
    const values = [0.1, 0.9];
    const f = new FailureInjector(() => {}, () => values.shift() ?? 0);
    f.failRate('saveLog', 0.5);
    expect(f.take('saveLog')).toEqual({ applied: false });
    expect(f.take('saveLog')).toBeNull();
    f.failRate('saveLog', 0);
    expect(f.failureRates()).toEqual([]);
  });

  it('refuses nonsense and reports every change', () => {
    let changes = 0;
    const f = new FailureInjector(() => (changes += 1));
    expect(() => f.failNext('', 1)).toThrow(TypeError);
    expect(() => f.failNext('runApex', 0)).toThrow(TypeError);
    expect(() => f.failRate('runApex', Number.NaN)).toThrow(TypeError);
    f.failNext('runApex');
    f.take('runApex');
    f.clear();
    expect(changes).toBe(3);
    expect(f.pending()).toEqual([]);
  });
});
