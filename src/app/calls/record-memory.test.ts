import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '../../protocol';
import { makeCall } from '../../protocol/fixtures';
import { CallLogger, MemoryOutbox } from '../call-log';
import { writeLocal } from '../platform';
import { linkedRecordOf, type CallEntry } from '../store';
import { FakeHost, TAKAHASHI, TANAKA, endedEntry, leaderStore } from '../testing/fake-host.test-support';
import { CallEffects } from './call-effects';
import { PopRouter } from './pop-router';
import { MAX_REMEMBERED_NUMBERS, RecordMemory, recordMemoryKey } from './record-memory';

const T0 = Date.UTC(2026, 10, 24, 1, 0, 0);
const SHARED = '045-333-4444';

let agent = 'agent01';
const memoryOf = (loginId: () => string | null) => new RecordMemory(() => (loginId() ? recordMemoryKey('0055555000001AA', loginId()!) : null));
const callFrom = (from: string | null, overrides: Partial<Call> = {}) => makeCall({ from, ...overrides });

let keys = 0;
beforeEach(() => {
  // Each test its own agent, so what one test remembered is not another's (the memory outlives a test).
  keys += 1;
  agent = `agent-${keys}`;
});

describe('the record an agent chose for a number', () => {
  it('is recalled for the same number however written, per agent, and the newest choice wins', () => {
    const memory = memoryOf(() => agent);
    memory.remember(callFrom(SHARED), TANAKA.recordId);
    expect(memory.recall(callFrom('０４５３３３４４４４'))).toBe(TANAKA.recordId);
    expect(memory.recall(makeCall({ direction: 'outbound', placedByAgent: true, from: '0501111222', to: '0453334444' }))).toBe(TANAKA.recordId);
    memory.remember(callFrom(SHARED), TAKAHASHI.recordId);
    expect(memory.recall(callFrom(SHARED))).toBe(TAKAHASHI.recordId);

    const other = agent;
    agent = `${other}-b`;
    expect(memory.recall(callFrom(SHARED))).toBeNull(); // another agent's choices are theirs
    agent = other;
    memory.remember(callFrom(SHARED), null);
    expect(memory.recall(callFrom(SHARED))).toBeNull();
  });

  it('remembers nothing for a withheld or unusable number, nor with nobody signed in, nor an id that is not one', () => {
    let signedIn: string | null = null;
    const memory = memoryOf(() => signedIn);
    memory.remember(callFrom(SHARED), TANAKA.recordId);
    signedIn = agent;
    expect(memory.recall(callFrom(SHARED))).toBeNull();
    memory.remember(callFrom(null), TANAKA.recordId);
    memory.remember(callFrom('sip:someone@example.com'), TANAKA.recordId);
    memory.remember(callFrom(SHARED), 'not-an-id');
    expect(memory.recall(callFrom(null))).toBeNull();
    expect(memory.recall(callFrom('sip:someone@example.com'))).toBeNull();
    expect(memory.recall(callFrom(SHARED))).toBeNull();
  });

  it('keeps the newest choices within its bound, and reads a corrupt store as empty', () => {
    const memory = memoryOf(() => agent);
    for (let i = 0; i <= MAX_REMEMBERED_NUMBERS; i++) memory.remember(callFrom(`03-1000-${String(i).padStart(4, '0')}`), TANAKA.recordId);
    expect(memory.recall(callFrom('03-1000-0000'))).toBeNull(); // the oldest went
    expect(memory.recall(callFrom('03-1000-0001'))).toBe(TANAKA.recordId);
    expect(memory.recall(callFrom(`03-1000-${String(MAX_REMEMBERED_NUMBERS).padStart(4, '0')}`))).toBe(TANAKA.recordId);
    writeLocal(recordMemoryKey('0055555000001AA', agent), '{"not":"a list"');
    expect(memory.recall(callFrom('03-1000-0001'))).toBeNull();
    memory.remember(callFrom(SHARED), TAKAHASHI.recordId);
    expect(memory.recall(callFrom(SHARED))).toBe(TAKAHASHI.recordId);
  });
});

describe('offered first next time', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function wiring() {
    const store = leaderStore({ version: '3.9.0' });
    store.getState().signedIn({
      agent: { loginId: agent, name: 'エージェント01', extension: '2001', statusId: 'ready', phoneRegistered: true, callerId: null },
      statuses: [],
      callerIds: [],
      settings: { inboundPopup: 'ring' },
    });
    const host = new FakeHost();
    const memory = memoryOf(() => store.getState().shared.session?.agent.loginId ?? null);
    const effects = new CallEffects(store, new PopRouter(host, null), new CallLogger(store, () => host, new MemoryOutbox()), () => {}, memory);
    return { store, host, effects, memory };
  }

  async function ringAndEnd(effects: CallEffects, callId: string, at: number) {
    effects.onCall(callFrom(SHARED, { callId, rev: 0, startedAt: at }), true);
    await vi.advanceTimersByTimeAsync(20);
  }

  it('lists the remembered record first and links the Task to it, while the pop is the same as before', async () => {
    const { store, host, effects, memory } = wiring();
    await ringAndEnd(effects, 'BZ1', T0);
    expect(store.getState().shared.calls.BZ1).toMatchObject({ records: [TAKAHASHI, TANAKA], rememberedRecordId: null });
    expect(linkedRecordOf(store.getState().shared.calls.BZ1!)).toBeNull(); // two match: nothing chosen yet
    memory.remember(store.getState().shared.calls.BZ1!.call, TANAKA.recordId); // the agent picks 田中 (the leader does this)
    const firstPops = host.pops.length;

    await ringAndEnd(effects, 'BZ2', T0 + 60_000);
    const second = store.getState().shared.calls.BZ2!;
    expect(second).toMatchObject({ records: [TANAKA, TAKAHASHI], rememberedRecordId: TANAKA.recordId, chosenRecordId: null });
    expect(linkedRecordOf(second)).toEqual({ recordId: TANAKA.recordId, name: TANAKA.name, objectType: 'Contact' });
    // What pops is the layout's business: the same search and pop as the first time.
    expect(host.pops.length).toBe(2 * firstPops);
    expect(host.searches.map((s) => [s.searchParams, s.deferred])).toEqual([
      ['0453334444', false],
      ['0453334444', false],
    ]);

    effects.onCall(callFrom(SHARED, { callId: 'BZ2', rev: 1, startedAt: T0 + 60_000, state: 'ended', endedAt: T0 + 65_000, endReason: 'missed' }), true);
    await vi.advanceTimersByTimeAsync(20);
    expect(host.tasks.get('BZ2')).toMatchObject({ WhoId: TANAKA.recordId });
  });

  it('yields to the record the call came with and to the agent’s pick on this call', () => {
    const base = { records: [TANAKA, TAKAHASHI], rememberedRecordId: TANAKA.recordId };
    const entry = (change: Partial<CallEntry>) => endedEntry({}, { ...base, ...change });
    expect(linkedRecordOf(entry({}))?.recordId).toBe(TANAKA.recordId);
    expect(linkedRecordOf(entry({ contextRecord: { recordId: TAKAHASHI.recordId, name: null } }))).toEqual({ recordId: TAKAHASHI.recordId, name: TAKAHASHI.name, objectType: 'Contact' });
    expect(linkedRecordOf(entry({ contextRecord: { recordId: TAKAHASHI.recordId, name: null }, chosenRecordId: TANAKA.recordId }))?.recordId).toBe(TANAKA.recordId);
    // Remembered but not found this time (the record is gone, or the layout searches other objects): not linked.
    expect(linkedRecordOf(entry({ records: [TAKAHASHI, { ...TANAKA, recordId: '0035555000009AA' }] }))).toBeNull();
  });
});
