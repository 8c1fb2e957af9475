import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCall } from '../../protocol/fixtures';
import { readSession } from '../platform';
import { endedEntry, leaderStore } from '../testing/fake-host.test-support';
import { recallAfterReload, rememberForReload } from './reload-memory';

const KEY = 'biztel.leader.test';
const resume = { token: 'token-0123456789abcdef', lastSeq: 3 };
const session = { agent: { loginId: 'agent01', name: 'A', extension: '2001', statusId: 'ready', phoneRegistered: true, callerId: null }, statuses: [], callerIds: [], settings: {} };
const live = () => ({ ...endedEntry(), call: makeCall({ state: 'connected', connectedAt: 1 }) });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('what a leader tab remembers across a reload', () => {
  it('is written at once when the session or a call comes or goes, so a reload right after finds it', () => {
    const store = leaderStore();
    const forget = rememberForReload(store, KEY, () => resume);
    store.getState().signedIn(session);
    expect(recallAfterReload(KEY)?.resume).toEqual(resume); // no timer had to run
    store.getState().callChanged(live());
    expect(Object.keys(recallAfterReload(KEY)?.calls ?? {})).toEqual(['BZTEST0001']);
    forget();
  });

  it('writes typing when the agent pauses, and at the latest a second after the first keystroke', () => {
    const store = leaderStore();
    store.getState().callChanged(live());
    const forget = rememberForReload(store, KEY, () => resume, { debounceMs: 200, maxWaitMs: 1000 });
    const notes = () => recallAfterReload(KEY)?.calls.BZTEST0001?.notes;
    for (let i = 1; i <= 8; i += 1) {
      store.getState().callUpdated('BZTEST0001', () => ({ notes: 'x'.repeat(i) }));
      vi.advanceTimersByTime(150); // typing faster than the pause: only the maximum wait writes
    }
    expect(notes()).toBe('x'.repeat(7)); // written once the first keystroke was a second old
    vi.advanceTimersByTime(200);
    expect(notes()).toBe('x'.repeat(8));
    forget();
  });

  it('writes what is pending when the tab goes (forget), and never keeps the password', () => {
    const store = leaderStore();
    store.getState().callChanged(live());
    const forget = rememberForReload(store, KEY, () => resume, { debounceMs: 200, maxWaitMs: 1000 });
    store.getState().callUpdated('BZTEST0001', () => ({ notes: 'typed just before the reload' }));
    forget();
    expect(recallAfterReload(KEY)?.calls.BZTEST0001?.notes).toBe('typed just before the reload');
    expect(readSession(KEY)).not.toMatch(/password/i);
  });

  it('forgets the session token as soon as the agent signs out', () => {
    const store = leaderStore();
    let current: typeof resume | null = resume;
    const forget = rememberForReload(store, KEY, () => current);
    store.getState().signedIn(session);
    current = null;
    store.getState().signedOut(null);
    expect(recallAfterReload(KEY)?.resume).toBeNull();
    forget();
  });
});
