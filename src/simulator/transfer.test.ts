import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentEvent, Call } from '../protocol';
import type { Outcome } from './call-table';
import { Pbx } from './pbx';

const TIMING = { outcomeDelayMs: 100, noAnswerMs: 5_000, ringTimeoutMs: 5_000, recordingDelayMs: 10 };

/** agent01 on a connected inbound call, and the newest view of that call agent01 was sent. */
function onCall() {
  const events: AgentEvent[] = [];
  const pbx = new Pbx({ agentEvent: (_s, e) => events.push(e), sessionEnded: () => {}, restart: () => {} }, { recordingBaseUrl: 'http://localhost:8000/', timing: TIMING });
  const { token } = pbx.signIn('agent01', 'biztel');
  const { callId } = pbx.incomingCall({ from: '03-5555-0101', agent: 'agent01' });
  pbx.answer(token, callId);
  const view = (): Call | undefined => events.flatMap((e) => (e.type === 'call' && e.call.callId === callId ? [e.call] : [])).at(-1);
  const sim = () => pbx.simCalls().find((c) => c.callId === callId);
  return { pbx, token, callId, view, sim };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('transfers to outside numbers follow setOutcome, as dialling does', () => {
  it.each<[Outcome, 'connected' | 'failed', string | null]>([
    ['answer', 'connected', null],
    ['busy', 'failed', 'busy'],
    ['noAnswer', 'failed', 'noAnswer'],
    ['invalid', 'failed', 'invalidNumber'],
  ])('consult to a number set to %s', (outcome, state, failure) => {
    const { pbx, token, callId, view } = onCall();
    pbx.setOutcome('090-1111-0000', outcome);
    pbx.transfer(token, { callId, target: '090-1111-0000', mode: 'consult' });
    expect(view()?.consult).toMatchObject({ target: '09011110000', state: 'dialing' });
    vi.advanceTimersByTime(TIMING.outcomeDelayMs);
    expect(view()?.consult).toEqual({ target: '09011110000', state, failure, kind: 'consult' });
  });

  it('consult to an unset number rings until the no-answer timeout (it does not answer by itself)', () => {
    const { pbx, token, callId, view } = onCall();
    pbx.transfer(token, { callId, target: '090-2222-0000', mode: 'consult' });
    vi.advanceTimersByTime(TIMING.noAnswerMs - 1);
    expect(view()?.consult?.state).toBe('dialing');
    vi.advanceTimersByTime(1);
    expect(view()?.consult).toMatchObject({ state: 'failed', failure: 'noAnswer' });
  });

  it('blind to a number that answers: the call leaves the agent, ends in the call list, and its recording comes', () => {
    const { pbx, token, callId, view, sim } = onCall();
    pbx.setOutcome('090-3333-0000', 'answer');
    pbx.transfer(token, { callId, target: '090-3333-0000', mode: 'blind' });
    expect(view()).toMatchObject({ state: 'connected', consult: { state: 'dialing' } }); // still the agent's while it rings
    expect(sim()).toMatchObject({ state: 'held', agent: 'agent01' });
    vi.advanceTimersByTime(TIMING.outcomeDelayMs);
    expect(view()).toMatchObject({ state: 'ended', endReason: 'transferred', recordingUrl: null });
    expect(sim()).toMatchObject({ state: 'ended' });
    expect(sim()?.agent).toBeUndefined();
    vi.advanceTimersByTime(TIMING.recordingDelayMs);
    expect(view()?.recordingUrl).toMatch(/\/monitor_link\//);
    expect(() => pbx.remoteHangup(callId)).toThrow(/has ended/);
  });

  it('consult to a number, completed: the call ends in the call list once the agent leaves it', () => {
    const { pbx, token, callId, view, sim } = onCall();
    pbx.setOutcome('090-3333-0001', 'answer');
    pbx.transfer(token, { callId, target: '090-3333-0001', mode: 'consult' });
    vi.advanceTimersByTime(TIMING.outcomeDelayMs);
    expect(sim()).toMatchObject({ state: 'held', agent: 'agent01' });
    pbx.completeTransfer(token, callId);
    expect(view()).toMatchObject({ state: 'ended', endReason: 'transferred' });
    expect(sim()).toMatchObject({ state: 'ended' });
    expect(sim()?.agent).toBeUndefined();
  });

  it.each<[Outcome, string]>([
    ['busy', 'busy'],
    ['invalid', 'invalidNumber'],
    ['noAnswer', 'noAnswer'],
  ])('blind to a number set to %s: the call stays with the agent with the reason; Cancel transfer goes back to the caller', (outcome, failure) => {
    const { pbx, token, callId, view, sim } = onCall();
    pbx.setOutcome('090-4444-0000', outcome);
    pbx.transfer(token, { callId, target: '090-4444-0000', mode: 'blind' });
    vi.advanceTimersByTime(TIMING.outcomeDelayMs);
    expect(view()).toMatchObject({ state: 'connected', consult: { state: 'failed', failure } });
    expect(sim()?.agent).toBe('agent01');
    pbx.cancelTransfer(token, callId);
    expect(view()).toMatchObject({ state: 'connected', consult: null });
  });

  it('blind to an unset number rings until the timeout, unless the far end answers first', () => {
    const first = onCall();
    first.pbx.transfer(first.token, { callId: first.callId, target: '090-5555-0000', mode: 'blind' });
    vi.advanceTimersByTime(TIMING.noAnswerMs);
    expect(first.view()).toMatchObject({ state: 'connected', consult: { state: 'failed', failure: 'noAnswer' } });

    const second = onCall();
    second.pbx.transfer(second.token, { callId: second.callId, target: '090-5555-0000', mode: 'blind' });
    vi.advanceTimersByTime(1000);
    second.pbx.remoteAnswer(second.callId);
    expect(second.view()).toMatchObject({ state: 'ended', endReason: 'transferred' });
    vi.advanceTimersByTime(TIMING.noAnswerMs); // the timeout no longer applies
    expect(second.sim()).toMatchObject({ state: 'ended' });
    expect(second.view()).toMatchObject({ state: 'ended', endReason: 'transferred' });
  });

  it('a consult the far end answers through the control API connects, and is not completed by itself', () => {
    const { pbx, token, callId, view, sim } = onCall();
    pbx.transfer(token, { callId, target: '090-6666-0000', mode: 'consult' });
    pbx.remoteAnswer(callId);
    expect(view()).toMatchObject({ state: 'connected', consult: { state: 'connected' } });
    // Past every timer the transfer could have left running (the no-answer timeout, an outcome).
    vi.advanceTimersByTime(TIMING.noAnswerMs + TIMING.outcomeDelayMs + 1);
    expect(view()).toMatchObject({ state: 'connected', consult: { state: 'connected' } });
    expect(sim()).toMatchObject({ state: 'held', agent: 'agent01' }); // the caller still on hold, still agent01's
  });
});
