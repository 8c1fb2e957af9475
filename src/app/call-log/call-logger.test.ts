import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostError, type CtiHost } from '../../salesforce/types';
import { endedEntry, leaderStore } from '../testing/fake-host.test-support';
import { CallLogger, defaultBackoff, type LoggerOptions } from './call-logger';
import { MemoryOutbox } from './outbox';

const CALL_ID = 'BZTEST0001';
const TASK_ID = '00T5555000001AA';

const entry = () => endedEntry({ callId: CALL_ID, connectedAt: Date.UTC(2026, 10, 24, 1, 0, 5), endedAt: Date.UTC(2026, 10, 24, 1, 2, 0), endReason: 'completed' });

/** A logger over a host whose upsert answers from a script: a Task Id, or an error to throw. */
function setup(script: (string | HostError)[], options: LoggerOptions = {}) {
  const store = leaderStore({ calls: [entry()] });
  const writes: number[] = [];
  const host = {
    runApex: () => {
      writes.push(Date.now());
      const next = script.shift() ?? TASK_ID;
      return typeof next === 'string' ? Promise.resolve(next) : Promise.reject(next);
    },
  } as unknown as CtiHost;
  const outbox = new MemoryOutbox();
  const logger = new CallLogger(store, () => host, outbox, { utcOffsetMinutes: () => 540, ...options });
  const log = () => store.getState().shared.calls[CALL_ID]!.log;
  return { store, outbox, logger, writes, log };
}

const serverError = () => new HostError('SERVER_ERROR', 'Salesforce is down for a moment');

beforeEach(() => {
  vi.useFakeTimers({ now: 1_790_000_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the call logger', () => {
  it('retries a failed write with backoff (attempt 1, 2, 3 …) until Salesforce confirms, then forgets it', async () => {
    const asked: number[] = [];
    const { logger, writes, log, outbox, store } = setup([serverError(), serverError(), serverError()], { backoffMs: (n) => (asked.push(n), n * 1000) });
    logger.callEnded(CALL_ID);
    await vi.advanceTimersByTimeAsync(0);
    expect(log()).toMatchObject({ status: 'retrying', attempts: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(writes).toHaveLength(3);
    expect(store.getState().shared.logs.pending).toBe(1);
    expect(await outbox.list()).toHaveLength(1); // kept while unconfirmed
    await vi.advanceTimersByTimeAsync(3000);
    expect(asked).toEqual([1, 2, 3]);
    expect(writes.map((t) => t - writes[0]!)).toEqual([0, 1000, 3000, 6000]);
    expect(log()).toMatchObject({ status: 'saved', taskId: TASK_ID });
    expect(await outbox.list()).toEqual([]);
    expect(store.getState().shared.logs.pending).toBe(0);
  });

  it('backs off 1 s, 2 s, 4 s … up to 30 s, ±20%', () => {
    const low = () => 0;
    const high = () => 0.999_999;
    expect([1, 2, 3, 4, 5, 6, 7, 12].map((n) => defaultBackoff(n, low))).toEqual([800, 1600, 3200, 6400, 12_800, 24_000, 24_000, 24_000]);
    expect(defaultBackoff(1, high)).toBeCloseTo(1200, 0);
    expect(defaultBackoff(20, high)).toBeCloseTo(36_000, 0);
  });

  it('a Task Salesforce refuses is shown with the reason, kept, and retried only slowly', async () => {
    const refusal = new HostError('GENERIC_ERROR', 'Invalid value for Task.Description.');
    const { logger, writes, log, outbox, store } = setup([refusal, refusal], { backoffMs: () => 1000, refusedRetryMs: 60_000 });
    logger.callEnded(CALL_ID);
    await vi.advanceTimersByTimeAsync(0);
    expect(log()).toMatchObject({ status: 'refused', error: 'Invalid value for Task.Description.' });
    expect(store.getState().shared.logs.refused).toEqual([{ callId: CALL_ID, subject: 'Inbound call 03-5555-0101', reason: 'Invalid value for Task.Description.' }]);
    expect(await outbox.list()).toHaveLength(1); // never lost
    await vi.advanceTimersByTimeAsync(59_000);
    expect(writes).toHaveLength(1); // not the 1-second backoff of a passing failure
    await vi.advanceTimersByTimeAsync(1000);
    expect(writes).toHaveLength(2);
    expect(log().status).toBe('refused');
    // Once the cause is fixed (here: the next try succeeds), it is saved and no longer shown.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(log()).toMatchObject({ status: 'saved', taskId: TASK_ID });
    expect(store.getState().shared.logs.refused).toEqual([]);
    expect(await outbox.list()).toEqual([]);
  });

  it("treats Classic's text form of a refusal as a refusal, and a session error as passing", async () => {
    const classicRefusal = new HostError('SERVER_ERROR', 'GENERIC_ERROR: FIELD_INTEGRITY_EXCEPTION: WhoId does not exist.');
    const refused = setup([classicRefusal], { refusedRetryMs: 60_000 });
    refused.logger.callEnded(CALL_ID);
    await vi.advanceTimersByTimeAsync(0);
    expect(refused.log().status).toBe('refused');

    const passing = setup([serverError()], { backoffMs: () => 1000, refusedRetryMs: 60_000 });
    passing.logger.callEnded(CALL_ID);
    await vi.advanceTimersByTimeAsync(0);
    expect(passing.log().status).toBe('retrying');
    expect(passing.store.getState().shared.logs.refused).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(passing.log().status).toBe('saved');
  });

  it('writes a refused Task again at once when the agent changes it', async () => {
    const refusal = new HostError('INVALID_PARAM', 'Bad value');
    const { logger, writes, store } = setup([refusal], { refusedRetryMs: 60_000 });
    logger.callEnded(CALL_ID);
    await vi.advanceTimersByTimeAsync(0);
    store.getState().callUpdated(CALL_ID, () => ({ notes: 'fixed' }));
    logger.changed(CALL_ID);
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toHaveLength(2);
    expect(store.getState().shared.calls[CALL_ID]!.log.status).toBe('saved');
  });
});
