import { describe, expect, it } from 'vitest';
import { FailureInjector } from './failures';

describe('failure injection', () => {
  it('fails the next N calls of a method, in order, then stops', () => {
    const f = new FailureInjector();
    f.failNext('runApex', 2);
    f.failNext('runApex', 1, { applied: true });
    expect(f.take('saveLog')).toBeNull();
    expect([f.take('runApex'), f.take('runApex'), f.take('runApex'), f.take('runApex')]).toEqual([
      { applied: false, code: 'SERVER_ERROR' },
      { applied: false, code: 'SERVER_ERROR' },
      { applied: true, code: 'SERVER_ERROR' },
      null,
    ]);
  });

  it('matches Lightning and Classic names of the same method', () => {
    const f = new FailureInjector();
    f.failNext('getSoftphoneLayout');
    f.failNext('cti.enableClickToDial');
    expect(f.take('cti.getSoftphoneLayout')).toEqual({ applied: false, code: 'SERVER_ERROR' });
    expect(f.take('enableClickToDial')).toEqual({ applied: false, code: 'SERVER_ERROR' });
  });

  it('fails a share of calls by rate, and a rate of 0 removes it', () => {
    const values = [0.1, 0.9];
    const f = new FailureInjector(() => {}, () => values.shift() ?? 0);
    f.failRate('saveLog', 0.5);
    expect(f.take('saveLog')).toEqual({ applied: false, code: 'SERVER_ERROR' });
    expect(f.take('saveLog')).toBeNull();
    f.failRate('saveLog', 0);
    expect(f.failureRates()).toEqual([]);
  });

  it('answers with the code asked for (GENERIC_ERROR: e.g. no access to the Apex class)', () => {
    const f = new FailureInjector();
    f.failNext('runApex', 1, { code: 'GENERIC_ERROR' });
    expect(f.pending()).toEqual([{ methodName: 'runApex', applied: false, code: 'GENERIC_ERROR' }]);
    expect(f.take('runApex')).toEqual({ applied: false, code: 'GENERIC_ERROR' });
    expect(() => f.failNext('runApex', 1, { code: 'NOPE' as never })).toThrow(TypeError);
  });

  it('mixes lost replies into a failure rate: all of them, none, or a share', () => {
    // Each take draws once for "fails?" and, when it fails and a share is set, once for "applied?".
    const values = [0.1, 0.2, 0.1, 0.9, 0.95];
    const f = new FailureInjector(() => {}, () => values.shift() ?? 0);
    f.failRate('runApex', 0.5, { applied: 0.5 });
    expect(f.failureRates()).toEqual([{ methodName: 'runApex', probability: 0.5, applied: 0.5 }]);
    expect(f.take('runApex')).toEqual({ applied: true, code: 'SERVER_ERROR' }); // 0.1 < 0.5 fails, 0.2 < 0.5 applied
    expect(f.take('runApex')).toEqual({ applied: false, code: 'SERVER_ERROR' }); // 0.1 fails, 0.9 not applied
    expect(f.take('runApex')).toBeNull(); // 0.95 does not fail
    f.failRate('runApex', 1, { applied: true });
    expect(f.take('runApex')).toEqual({ applied: true, code: 'SERVER_ERROR' });
    f.failRate('runApex', 1);
    expect(f.failureRates()).toEqual([{ methodName: 'runApex', probability: 1, applied: 0 }]);
    expect(f.take('runApex')).toEqual({ applied: false, code: 'SERVER_ERROR' });
    expect(() => f.failRate('runApex', 0.5, { applied: Number.NaN })).toThrow(TypeError);
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
