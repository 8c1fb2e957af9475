import { afterEach, describe, expect, it, vi } from 'vitest';
import { HostError, type CtiHost } from '../../salesforce/types';
import { SalesforceSessionWatch } from './salesforce-session';

/** A host whose runApex answers from a script: true = ok, a code = that error. */
function scriptedHost(script: (true | 'SERVER_ERROR' | 'GENERIC_ERROR')[]): CtiHost {
  return {
    runApex: () => {
      const next = script.shift() ?? true;
      return next === true ? Promise.resolve('{"userId":"005"}') : Promise.reject(new HostError(next, next));
    },
  } as unknown as CtiHost;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('watching the Salesforce session', () => {
  it('takes two server errors in a row to call the session expired', async () => {
    const changes: boolean[] = [];
    const watch = new SalesforceSessionWatch(scriptedHost(['SERVER_ERROR', 'SERVER_ERROR']), (e) => changes.push(e), { confirmMs: 1 });
    expect(await watch.probe()).toBe(false);
    expect(changes).toEqual([true]);
    watch.stop();
  });

  it('does not sign anyone out for a passing server error', async () => {
    const changes: boolean[] = [];
    const watch = new SalesforceSessionWatch(scriptedHost(['SERVER_ERROR', true]), (e) => changes.push(e), { confirmMs: 1 });
    expect(await watch.probe()).toBe(true);
    expect(changes).toEqual([]);
    watch.stop();
  });

  it('ignores errors that are not the session (a missing Apex class, a bad parameter), and looks on one that is', async () => {
    vi.useFakeTimers();
    // Salesforce would say "expired" if asked: only a session-like error may make the watch ask.
    const asked: string[] = [];
    const host = {
      runApex: () => {
        asked.push('getUserInfo');
        return Promise.reject(new HostError('SERVER_ERROR', 'Session expired or invalid'));
      },
    } as unknown as CtiHost;
    const changes: boolean[] = [];
    const watch = new SalesforceSessionWatch(host, (e) => changes.push(e), { confirmMs: 1 });
    watch.report(new HostError('GENERIC_ERROR', 'no class'));
    watch.report(new HostError('INVALID_PARAM', 'bad parameter'));
    watch.report(new HostError('SERVER_ERROR', 'GENERIC_ERROR: no class')); // Classic's text form
    watch.report(new Error('not from Salesforce'));
    await vi.advanceTimersByTimeAsync(20);
    expect(asked).toEqual([]);
    expect(changes).toEqual([]);
    watch.report(new HostError('SERVER_ERROR', 'Session expired or invalid'));
    await vi.advanceTimersByTimeAsync(20);
    expect(asked).toEqual(['getUserInfo', 'getUserInfo']); // a look and the confirming look
    expect(changes).toEqual([true]);
    watch.stop();
  });

  it('does not call a missing Apex class an expired session when it probes', async () => {
    const changes: boolean[] = [];
    const watch = new SalesforceSessionWatch(scriptedHost(['GENERIC_ERROR', 'GENERIC_ERROR']), (e) => changes.push(e), { confirmMs: 1 });
    expect(await watch.probe()).toBe(true);
    expect(changes).toEqual([]);
    watch.stop();
  });

  it('reports the session back once Salesforce answers again', async () => {
    const changes: boolean[] = [];
    vi.useFakeTimers();
    const watch = new SalesforceSessionWatch(scriptedHost(['SERVER_ERROR', 'SERVER_ERROR', true]), (e) => changes.push(e), { confirmMs: 1, expiredProbeMs: 5 });
    const probed = watch.probe();
    await vi.advanceTimersByTimeAsync(1);
    expect(await probed).toBe(false);
    expect(changes).toEqual([true]);
    await vi.advanceTimersByTimeAsync(5); // the next look while expired
    expect(changes).toEqual([true, false]);
    watch.stop();
  });
});
