import { describe, expect, it } from 'vitest';
import { HostError, type CtiHost } from '../../salesforce/types';
import { createPanelStore, selectFailure, selectPhase, type Phase } from '../store';
import { readStartup } from './read-startup';

const SETTINGS = { '/biztelSettings/serverUrl': 'https://s1.u.biztel.jp:8000/' };
const USER = JSON.stringify({ userId: '0055555000001AA', language: 'ja' });

/** A host whose getUserInfo answers from a script: a string = that JSON, an error = that failure. */
function host(script: (string | HostError)[]): CtiHost & { asked: number } {
  const h = {
    asked: 0,
    getCallCenterSettings: () => Promise.resolve(SETTINGS),
    runApex: () => {
      h.asked += 1;
      const next = script.shift() ?? USER;
      return typeof next === 'string' ? Promise.resolve(next) : Promise.reject(next);
    },
  };
  return h as unknown as CtiHost & { asked: number };
}

const options = (over: Partial<{ stopped: () => boolean }> = {}) => ({ sessionRetryMs: 5, stopped: () => false, ...over });

describe('start-up in Salesforce: an expired session is not a missing permission', () => {
  it('reads the settings, the user and the server URL', async () => {
    const result = await readStartup(host([]), createPanelStore('en'), options());
    expect(result).toEqual({ ok: true, info: { userId: '0055555000001AA', language: 'ja', settings: SETTINGS, serverUrl: 'https://s1.u.biztel.jp:8000/' } });
  });

  it('SERVER_ERROR (expired session): shows the session message, keeps looking, and carries on once Salesforce answers', async () => {
    const store = createPanelStore('en');
    const phases: [Phase, string | undefined][] = [];
    store.subscribe((s) => phases.push([selectPhase(s), selectFailure(s)?.kind]));
    const h = host([new HostError('SERVER_ERROR', 'Session expired or invalid'), new HostError('SERVER_ERROR', 'Session expired or invalid')]);
    const result = await readStartup(h, store, options());
    expect(result.ok).toBe(true);
    expect(h.asked).toBe(3);
    expect(phases).toEqual([
      ['failed', 'salesforceSession'],
      ['failed', 'salesforceSession'],
      ['starting', undefined],
    ]);
  });

  it.each([
    ['a missing Apex class (GENERIC_ERROR)', new HostError('GENERIC_ERROR', 'No access to class BIZTELOpenCTIController')],
    ["Classic's text error naming another code", new HostError('SERVER_ERROR', 'GENERIC_ERROR: No access to class BIZTELOpenCTIController')],
    ['an answer that is not the user', '<html>'],
  ])('%s is the missing-permission failure, at once', async (_what, failure) => {
    const store = createPanelStore('en');
    const h = host([failure]);
    const result = await readStartup(h, store, options());
    expect(result).toMatchObject({ ok: false, failure: { kind: 'apexAccess' } });
    expect(h.asked).toBe(1);
  });

  it('stops looking when the panel goes away', async () => {
    let stopped = false;
    const h = host([new HostError('SERVER_ERROR', 'expired'), new HostError('SERVER_ERROR', 'expired'), new HostError('SERVER_ERROR', 'expired')]);
    const store = createPanelStore('en');
    store.subscribe(() => (stopped = true)); // the panel goes away as soon as it shows the session message
    const result = readStartup(h, store, options({ stopped: () => stopped }));
    expect(await result).toMatchObject({ ok: false, failure: { kind: 'salesforceSession' } });
    expect(h.asked).toBe(1);
  });

  it('still reports Open CTI not running and the server URL problems as before', async () => {
    const noSettings = { ...host([]), getCallCenterSettings: () => Promise.reject(new HostError('UNAVAILABLE', 'no sforce')) } as unknown as CtiHost;
    expect(await readStartup(noSettings, createPanelStore('en'), options())).toMatchObject({ ok: false, failure: { kind: 'openCtiUnavailable' } });
    const noUrl = { ...host([]), getCallCenterSettings: () => Promise.resolve({}) } as unknown as CtiHost;
    expect(await readStartup(noUrl, createPanelStore('en'), options())).toMatchObject({ ok: false, failure: { kind: 'serverUrlMissing' } });
  });
});
