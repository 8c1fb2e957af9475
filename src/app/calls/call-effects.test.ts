import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Call, SystemSettings } from '../../protocol';
import { makeCall } from '../../protocol/fixtures';
import { CallLogger, MemoryOutbox } from '../call-log';
import { FakeHost, YAMADA, leaderStore, type FakeHostOptions } from '../testing/fake-host.test-support';
import { CallEffects } from './call-effects';
import { PopRouter } from './pop-router';

const T0 = Date.UTC(2026, 10, 24, 1, 0, 0);

/** The leader's wiring without a link: views of calls go in by hand, Salesforce is a fake. */
function wiring(settings: SystemSettings = { inboundPopup: 'ring' }, hostOptions: FakeHostOptions = {}) {
  const store = leaderStore({ hostKind: hostOptions.kind ?? 'lightning', version: '3.9.0' });
  store.getState().signedIn({
    agent: { loginId: 'agent01', name: 'エージェント01', extension: '2001', statusId: 'ready', phoneRegistered: true, callerId: null },
    statuses: [],
    callerIds: [],
    settings,
  });
  const host = new FakeHost(hostOptions);
  const logger = new CallLogger(store, () => host, new MemoryOutbox(), { backoffMs: () => 50, notesDebounceMs: 10 });
  const effects = new CallEffects(store, new PopRouter(host, null), logger);
  return { store, host, logger, effects };
}

/** Views as the link delivers them, with (fake) time for Salesforce to answer between them. */
async function play(effects: CallEffects, views: Call[], live = true): Promise<void> {
  for (const view of views) {
    effects.onCall(view, live);
    await vi.advanceTimersByTimeAsync(20);
  }
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a call that comes to the agent again (transferred back)', () => {
  // Two legs of one call at agent01: 10 s of talk, transferred; back 60 s later, 20 s of talk.
  const leg1: Call[] = [
    makeCall({ rev: 0, startedAt: T0 }),
    makeCall({ rev: 1, startedAt: T0, state: 'connected', connectedAt: T0 + 2000 }),
    makeCall({ rev: 2, startedAt: T0, state: 'ended', connectedAt: T0 + 2000, endedAt: T0 + 12_000, endReason: 'transferred' }),
  ];
  const back = T0 + 60_000;
  const leg2: Call[] = [
    makeCall({ rev: 3, startedAt: back }),
    makeCall({ rev: 4, startedAt: back, state: 'connected', connectedAt: back + 1000 }),
    makeCall({ rev: 5, startedAt: back, state: 'ended', connectedAt: back + 1000, endedAt: back + 21_000, endReason: 'completed' }),
  ];

  it('rings and pops again, keeps the notes, and rewrites the one Task with the talk time of both legs', async () => {
    const { store, host, effects } = wiring();
    await play(effects, leg1);
    expect(host.tasks.get('BZTEST0001')).toMatchObject({ CallDisposition: 'Transferred', CallDurationInSeconds: 10 });
    store.getState().callUpdated('BZTEST0001', () => ({ notes: 'asked for billing' }));

    await play(effects, leg2.slice(0, 1));
    expect(store.getState().shared.calls.BZTEST0001).toMatchObject({ call: { state: 'ringing', rev: 3 }, notes: 'asked for billing', log: { status: 'none' } });
    expect(host.pops).toHaveLength(2); // a search that popped at each ring
    await play(effects, leg2.slice(1));
    expect(host.tasks.size).toBe(1);
    expect(host.tasks.get('BZTEST0001')).toMatchObject({
      CallDisposition: 'Completed',
      CallDurationInSeconds: 30,
      Description: 'asked for billing',
      WhoId: YAMADA.recordId,
    });
  });

  it('ignores a late view of the earlier leg once the new one is known', async () => {
    const { store, host, effects } = wiring();
    await play(effects, [...leg1, leg2[0]!, leg1[1]!, leg1[2]!]);
    expect(store.getState().shared.calls.BZTEST0001?.call).toMatchObject({ state: 'ringing', startedAt: back });
    expect(host.pops).toHaveLength(2);
  });

  it('logs a second leg first seen already ended (its ring and talk were missed)', async () => {
    const { host, effects } = wiring();
    await play(effects, leg1);
    await play(effects, leg2.slice(2), false);
    expect(host.tasks.get('BZTEST0001')).toMatchObject({ CallDisposition: 'Completed', CallDurationInSeconds: 30 });
  });
});

describe('the Task within 2 s of the end (SPEC "Decisions")', () => {
  it('is written at once while a slow Salesforce search (5 s) is still out, and the answer links the same Task', async () => {
    const slowSearch = () => new Promise<void>((resolve) => setTimeout(resolve, 5000));
    const { host, effects } = wiring({ inboundPopup: 'ring' }, { searchGate: slowSearch });
    effects.onCall(makeCall({ rev: 0, startedAt: T0 }), true);
    await vi.advanceTimersByTimeAsync(500);
    effects.onCall(makeCall({ rev: 1, startedAt: T0, state: 'connected', connectedAt: T0 + 500 }), true);
    await vi.advanceTimersByTimeAsync(1000);
    const endedAt = Date.now();
    effects.onCall(makeCall({ rev: 2, startedAt: T0, state: 'ended', connectedAt: T0 + 500, endedAt, endReason: 'completed' }), true);
    await vi.advanceTimersByTimeAsync(2000);

    const writes = host.calls.flatMap((c) => (c.method === 'upsertCallLog' ? [c] : []));
    expect(writes).toHaveLength(1);
    expect(writes[0]!.at - endedAt).toBeLessThanOrEqual(2000);
    expect(writes[0]!.task).toMatchObject({ CallObject: 'BZTEST0001', CallDurationInSeconds: 1 });
    expect(writes[0]!.task.WhoId).toBeUndefined(); // the search has not answered yet

    await vi.advanceTimersByTimeAsync(5000);
    expect(host.tasks.size).toBe(1);
    expect(host.tasks.get('BZTEST0001')).toMatchObject({ WhoId: YAMADA.recordId, CallDurationInSeconds: 1 });
  });
});

describe('pop at answer (timing "on answer")', () => {
  const ringing = makeCall({ rev: 0, startedAt: T0 });
  const answered = makeCall({ rev: 1, startedAt: T0, state: 'connected', connectedAt: T0 + 3000 });

  it('Lightning: pops the deferred search’s SCREEN_POP_DATA at answer, without a second search', async () => {
    const { store, host, effects } = wiring({ inboundPopup: 'answer' });
    await play(effects, [ringing]);
    expect(host.searches).toEqual([expect.objectContaining({ deferred: true, searchParams: '0355550101' })]);
    expect(host.pops).toEqual([]);
    expect(store.getState().shared.calls.BZTEST0001).toMatchObject({ noPop: 'timingLater', records: [YAMADA] });
    await play(effects, [answered]);
    expect(host.searches).toHaveLength(1);
    expect(host.pops).toEqual([expect.objectContaining({ method: 'popDeferred', deferredPop: { type: 'sobject', params: { recordId: YAMADA.recordId } } })]);
    expect(store.getState().shared.calls.BZTEST0001).toMatchObject({ popped: true, noPop: null });
  });

  it('Classic (no SCREEN_POP_DATA): searches and pops at answer', async () => {
    const { host, effects } = wiring({ inboundPopup: 'answer' }, { kind: 'classic' });
    await play(effects, [ringing, answered]);
    expect(host.searches.map((r) => r.deferred)).toEqual([true, false]);
  });

  it('a call that ends before it is answered pops nothing', async () => {
    const { host, effects } = wiring({ inboundPopup: 'answer' });
    await play(effects, [ringing, makeCall({ rev: 1, startedAt: T0, state: 'ended', endedAt: T0 + 4000, endReason: 'missed' })]);
    expect(host.pops).toEqual([]);
    expect(host.tasks.get('BZTEST0001')).toMatchObject({ CallDisposition: 'Missed', WhoId: YAMADA.recordId });
  });
});

describe('a Salesforce search that fails', () => {
  const ringing = makeCall({ rev: 0, startedAt: T0 });

  it('is tried again until it finds the record, and pops then while the call still rings', async () => {
    const { store, host, effects } = wiring({ inboundPopup: 'ring' }, { failSearches: 2 });
    effects.onCall(ringing, true);
    await vi.advanceTimersByTimeAsync(10);
    expect(store.getState().shared.calls.BZTEST0001?.noPop).toBe('searchRetrying');
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 10);
    expect(host.searches.map((r) => r.deferred)).toEqual([false, false, false]);
    expect(store.getState().shared.calls.BZTEST0001).toMatchObject({ records: [YAMADA], popped: true, noPop: null });
  });

  it('only links, never pops, once the call has ended; the Task gets the record', async () => {
    const { host, effects } = wiring({ inboundPopup: 'ring' }, { failSearches: 1 });
    effects.onCall(ringing, true);
    await vi.advanceTimersByTimeAsync(10);
    effects.onCall(makeCall({ rev: 1, startedAt: T0, state: 'ended', endedAt: T0 + 500, endReason: 'missed' }), true);
    await vi.advanceTimersByTimeAsync(1000 + 10);
    expect(host.searches.map((r) => r.deferred)).toEqual([false, true]); // the failed pop, then a search that only links
    expect(host.tasks.get('BZTEST0001')).toMatchObject({ CallDisposition: 'Missed', WhoId: YAMADA.recordId });
  });

  it('gives up after a few tries: the call says why it has no record, and its Task is written without one', async () => {
    const { store, host, effects } = wiring({ inboundPopup: 'ring' }, { failSearches: 100 });
    effects.onCall(ringing, true);
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 4000 + 8000 + 16_000 + 100);
    expect(host.searches).toHaveLength(6);
    expect(store.getState().shared.calls.BZTEST0001?.noPop).toBe('salesforceError');
    effects.onCall(makeCall({ rev: 1, startedAt: T0, state: 'ended', endedAt: T0 + 40_000, endReason: 'missed' }), true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(host.searches).toHaveLength(6); // no more
    expect(host.tasks.get('BZTEST0001')?.WhoId).toBeUndefined();
  });
});

describe('calls up when the server forgets the session (it restarted)', () => {
  const connected = makeCall({ rev: 1, startedAt: T0, state: 'connected', connectedAt: T0 + 1000 });

  it('end at the moment the link dropped, are logged at once with their record, and the server’s later view updates the same Task', async () => {
    const { store, host, effects } = wiring({ inboundPopup: 'ring' });
    await play(effects, [makeCall({ rev: 0, startedAt: T0 }), connected]);
    const droppedAt = T0 + 5000;
    await vi.advanceTimersByTimeAsync(60_000); // the agent notices later: the duration must not count this
    effects.endLive(droppedAt);
    await vi.advanceTimersByTimeAsync(10);
    expect(store.getState().shared.calls.BZTEST0001).toMatchObject({ endedLocally: true, call: { state: 'ended', endedAt: droppedAt, endReason: 'failed' } });
    const first = host.tasks.get('BZTEST0001');
    expect(first).toMatchObject({ CallDurationInSeconds: 4, WhoId: YAMADA.recordId });

    // After signing in again the server's snapshot still knows the call, ended by the restart, with its recording.
    const recordingUrl = 'https://s1.u.biztel.jp:8000/monitor_link/BZTEST0001';
    effects.onCall(makeCall({ rev: 2, startedAt: T0, state: 'ended', connectedAt: T0 + 1000, endedAt: droppedAt + 200, endReason: 'failed', recordingUrl }), false);
    await vi.advanceTimersByTimeAsync(10);
    expect(store.getState().shared.calls.BZTEST0001).toMatchObject({ endedLocally: false, call: { recordingUrl } });
    expect(host.tasks.size).toBe(1);
    expect(host.tasks.get('BZTEST0001')).toMatchObject({ Id: first?.Id, BIZTEL_Recording_URL__c: recordingUrl });
  });
});

describe('a call handed over with notes (申し送り)', () => {
  const handover = {
    notes: '住所変更の依頼',
    result: '折り返し希望',
    record: { recordId: YAMADA.recordId, name: YAMADA.name, objectType: 'Contact' },
    fromAgent: 'agent02',
    fromAgentName: 'エージェント02',
    via: 'transfer' as const,
  };

  it('links its Task to the handed-over record and quotes the hand-over, never taking its result as this agent’s', async () => {
    const { store, host, effects } = wiring();
    const views = [
      makeCall({ rev: 0, startedAt: T0, from: '03-9999-0000', handover }),
      makeCall({ rev: 1, startedAt: T0, from: '03-9999-0000', handover, state: 'connected', connectedAt: T0 + 1000 }),
    ];
    await play(effects, views);
    expect(store.getState().shared.calls.BZTEST0001).toMatchObject({ contextRecord: { recordId: YAMADA.recordId, name: YAMADA.name }, disposition: '', notes: '' });
    store.getState().callUpdated('BZTEST0001', () => ({ notes: '住所を更新した' }));
    await play(effects, [makeCall({ rev: 2, startedAt: T0, from: '03-9999-0000', handover, state: 'ended', connectedAt: T0 + 1000, endedAt: T0 + 9000, endReason: 'completed' })]);
    expect(host.tasks.get('BZTEST0001')).toMatchObject({
      WhoId: YAMADA.recordId,
      CallDisposition: 'Completed',
      Description: ['住所を更新した', '', 'Hand-over from エージェント02 (agent02) (transferred)', 'Result: 折り返し希望', 'Related record: 山田 太郎', '> 住所変更の依頼'].join('\n'),
    });
  });

  it('a screen-transferred record, when there is one, is the record the call came with', async () => {
    const { store, effects } = wiring();
    const screenTransfer = { recordId: '0035555000002AA', recordName: '佐藤 花子', fromAgent: 'agent02' };
    await play(effects, [makeCall({ rev: 0, startedAt: T0, handover, screenTransfer })]);
    expect(store.getState().shared.calls.BZTEST0001?.contextRecord).toEqual({ recordId: '0035555000002AA', name: '佐藤 花子' });
  });
});

describe('a call first heard of after it ended (a new sign-in’s snapshot)', () => {
  it('only fills in what its Task lacks: notes another panel wrote stay; once the agent edits it here, it is written whole', async () => {
    const { host, effects, store } = wiring();
    const ended = makeCall({ rev: 3, startedAt: T0, state: 'ended', connectedAt: T0 + 1000, endedAt: T0 + 9000, endReason: 'completed' });
    // What another panel (the tab before a reload that kept nothing) wrote, with the agent's notes.
    await host.runApex('C', 'upsertCallLog', { log: JSON.stringify({ CallObject: 'BZTEST0001', Description: 'Wants a refund', Subject: 'Inbound call' }) });
    effects.onCall(ended, false);
    await vi.advanceTimersByTimeAsync(100);
    expect(host.tasks.get('BZTEST0001')).toMatchObject({ Description: 'Wants a refund', Subject: 'Inbound call', CallDurationInSeconds: 8 });
    expect(store.getState().shared.calls.BZTEST0001?.logFillOnly).toBe(true);
  });
});
