import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Call, Handover } from '../protocol';
import { Pbx } from './pbx';

const TIMING = { outcomeDelayMs: 100, noAnswerMs: 5_000, ringTimeoutMs: 5_000, recordingDelayMs: 10 };

const NOTES: Handover = {
  notes: '住所変更の依頼。書類は送付済み。',
  result: '折り返し希望',
  record: { recordId: '0035555000001AA', name: '山田 太郎', objectType: 'Contact' },
};

/** agent01 on a connected inbound call, agent02 signed in and free; each agent's newest view of the call. */
function twoAgents() {
  const views = new Map<string, Call[]>();
  const pbx = new Pbx(
    {
      agentEvent: (session, e) => {
        if (e.type === 'call') views.set(session.loginId, [...(views.get(session.loginId) ?? []), e.call]);
      },
      sessionEnded: () => {},
      restart: () => {},
    },
    { recordingBaseUrl: 'http://localhost:8000/', timing: TIMING },
  );
  const a = pbx.signIn('agent01', 'biztel').token;
  const b = pbx.signIn('agent02', 'biztel').token;
  const { callId } = pbx.incomingCall({ from: '03-5555-0101', agent: 'agent01' });
  pbx.answer(a, callId);
  const view = (loginId: string): Call | undefined => views.get(loginId)?.filter((c) => c.callId === callId).at(-1);
  const sim = () => pbx.simCalls().find((c) => c.callId === callId);
  return { pbx, a, b, callId, view, sim };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('hang up during a consult ends the consult leg only: the caller is held, then resumed', () => {
  it.each(['ringing', 'connected'] as const)('while the consulted agent is %s', (stage) => {
    const { pbx, a, b, callId, view, sim } = twoAgents();
    pbx.transfer(a, { callId, target: 'agent02', mode: 'consult' });
    if (stage === 'connected') pbx.answer(b, callId);
    expect(view('agent01')?.consult).toMatchObject({ state: stage === 'connected' ? 'connected' : 'dialing', kind: 'consult' });

    pbx.hangup(a, callId);
    expect(view('agent01')).toMatchObject({ state: 'held', consult: null, endReason: null });
    expect(view('agent02')).toMatchObject({ state: 'ended', endReason: 'consultCanceled' });
    expect(sim()).toMatchObject({ state: 'held', agent: 'agent01' });

    pbx.unhold(a, callId);
    expect(view('agent01')).toMatchObject({ state: 'connected', consult: null });
    expect(sim()).toMatchObject({ state: 'connected', agent: 'agent01' });
  });

  it('while an outside number rings for a consult or a blind transfer: it stops ringing, its outcome never comes', () => {
    for (const mode of ['consult', 'blind'] as const) {
      const { pbx, a, callId, view, sim } = twoAgents();
      pbx.setOutcome('090-7777-0000', 'answer');
      pbx.transfer(a, { callId, target: '090-7777-0000', mode });
      pbx.hangup(a, callId);
      expect(view('agent01')).toMatchObject({ state: 'held', consult: null });
      vi.advanceTimersByTime(TIMING.outcomeDelayMs + TIMING.noAnswerMs);
      expect(view('agent01')).toMatchObject({ state: 'held', consult: null });
      expect(sim()).toMatchObject({ state: 'held', agent: 'agent01' });
    }
  });

  it('a failed consult too; Cancel transfer still goes back connected, and a second Hang up ends the call', () => {
    const { pbx, a, b, callId, view } = twoAgents();
    pbx.transfer(a, { callId, target: 'agent02', mode: 'consult' });
    pbx.decline(b, callId);
    expect(view('agent01')?.consult).toMatchObject({ state: 'failed', failure: 'declined' });
    pbx.cancelTransfer(a, callId);
    expect(view('agent01')).toMatchObject({ state: 'connected', consult: null });

    pbx.transfer(a, { callId, target: '090-8888-0000', mode: 'consult' });
    vi.advanceTimersByTime(TIMING.noAnswerMs);
    expect(view('agent01')?.consult).toMatchObject({ state: 'failed', failure: 'noAnswer' });
    pbx.hangup(a, callId);
    expect(view('agent01')).toMatchObject({ state: 'held', consult: null });
    pbx.hangup(a, callId);
    expect(view('agent01')).toMatchObject({ state: 'ended', endReason: 'completed' });
  });
});

describe('a blind transfer to an outside number reads as a transfer, not a consult', () => {
  it('is kind blind while it rings, and a consult to a number is kind consult', () => {
    const first = twoAgents();
    first.pbx.transfer(first.a, { callId: first.callId, target: '090-1212-0000', mode: 'blind' });
    expect(first.view('agent01')?.consult).toEqual({ target: '09012120000', state: 'dialing', failure: null, kind: 'blind' });
    const second = twoAgents();
    second.pbx.transfer(second.a, { callId: second.callId, target: '090-1212-0000', mode: 'consult' });
    expect(second.view('agent01')?.consult).toMatchObject({ kind: 'consult' });
  });
});

describe('the hand-over (申し送り) travels with the call', () => {
  const stamped = (via: 'transfer' | 'park', change: Partial<Handover> = {}) => ({ ...NOTES, ...change, fromAgent: 'agent01', fromAgentName: 'エージェント01', via });

  it('blind to an agent: the receiving agent gets it with who it came from; the sender keeps none', () => {
    const { pbx, a, b, callId, view } = twoAgents();
    pbx.transfer(a, { callId, target: 'agent02', mode: 'blind', handover: { ...NOTES, fromAgent: 'agent05', fromAgentName: 'forged' } });
    expect(view('agent02')).toMatchObject({ state: 'ringing', handover: stamped('transfer') });
    expect(view('agent01')).toMatchObject({ state: 'ended', endReason: 'transferred' });
    expect(view('agent01')).not.toHaveProperty('handover');
    pbx.answer(b, callId);
    expect(view('agent02')).toMatchObject({ state: 'connected', handover: stamped('transfer') });
  });

  it('consult: the target has it while rung; Complete transfer replaces it with the notes as they are then', () => {
    const { pbx, a, b, callId, view } = twoAgents();
    pbx.transfer(a, { callId, target: 'agent02', mode: 'consult', handover: NOTES });
    expect(view('agent02')?.handover).toEqual(stamped('transfer'));
    pbx.answer(b, callId);
    pbx.completeTransfer(a, callId, { ...NOTES, notes: `${NOTES.notes}\n在宅は夕方。` });
    expect(view('agent02')).toMatchObject({ state: 'connected', handover: stamped('transfer', { notes: `${NOTES.notes}\n在宅は夕方。` }) });
  });

  it('a call without one carries none', () => {
    const { pbx, a, callId, view } = twoAgents();
    pbx.transfer(a, { callId, target: 'agent02', mode: 'blind' });
    expect(view('agent02')).not.toHaveProperty('handover');
  });

  it('park: another agent picks the call up by dialling the park number and gets the hand-over; the parking agent hands over', () => {
    const { pbx, a, b, callId, view, sim } = twoAgents();
    const parked = pbx.park(a, callId, NOTES);
    expect(parked).not.toHaveProperty('handover');
    const picked = pbx.dial(b, parked.parkNumber!);
    expect(picked).toMatchObject({ callId, state: 'connected', direction: 'inbound', from: '03-5555-0101', placedByAgent: false, handover: stamped('park') });
    expect(picked.connectedAt).not.toBeNull();
    expect(view('agent01')).toMatchObject({ state: 'ended', endReason: 'transferred', parkNumber: null });
    expect(sim()).toMatchObject({ state: 'connected', agent: 'agent02' });
    pbx.hangup(b, callId);
    expect(view('agent02')).toMatchObject({ state: 'ended', endReason: 'completed' });
  });

  it('park: the parking agent who unparks gets no hand-over of their own, and it does not linger for a later park', () => {
    const { pbx, a, b, callId } = twoAgents();
    const first = pbx.park(a, callId, NOTES);
    expect(pbx.unpark(a, callId)).not.toHaveProperty('handover');
    const second = pbx.park(a, callId);
    expect(pbx.dial(b, second.parkNumber!)).not.toHaveProperty('handover');
    expect(first.parkNumber).not.toBe(second.parkNumber);
  });

  it('refuses a hand-over beyond the protocol bounds', async () => {
    const { commandRequestSchemas } = await import('../protocol');
    const long = { ...NOTES, notes: 'x'.repeat(32_001) };
    expect(commandRequestSchemas.transfer.safeParse({ callId: 'c', target: 'agent02', mode: 'blind', handover: long }).success).toBe(false);
    expect(commandRequestSchemas.park.safeParse({ callId: 'c', handover: { ...NOTES, result: 'x'.repeat(256) } }).success).toBe(false);
    expect(commandRequestSchemas.park.safeParse({ callId: 'c', handover: NOTES }).success).toBe(true);
  });
});
