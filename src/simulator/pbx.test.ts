import { describe, expect, it } from 'vitest';
import type { AgentEvent, Call, SessionEnded } from '../protocol';
import { Pbx } from './pbx';

function pbxWithClock() {
  let now = 1_790_000_000_000;
  const events: AgentEvent[] = [];
  /** Each agent's call views, in the order they were sent. */
  const views = new Map<string, Call[]>();
  const ended: SessionEnded[] = [];
  let restarts = 0;
  const onEvent = (loginId: string, e: AgentEvent) => {
    events.push(e);
    if (e.type === 'call') views.set(loginId, [...(views.get(loginId) ?? []), e.call]);
  };
  const pbx = new Pbx(
    { agentEvent: (session, e) => onEvent(session.loginId, e), sessionEnded: (_s, e) => ended.push(e), restart: () => (restarts += 1) },
    { recordingBaseUrl: 'http://localhost:8000/', now: () => now, timing: { recordingDelayMs: 1 } },
  );
  return { pbx, events, views, ended, restarts: () => restarts, now: () => now, advance: (ms: number) => (now += ms) };
}

describe('the simulated PBX', () => {
  it('reports a call the client names on resume, however long ago it ended (no ghost call)', () => {
    const { pbx, advance } = pbxWithClock();
    const { token } = pbx.signIn('agent01', 'biztel');
    const { callId } = pbx.incomingCall({ from: '0312345678', agent: 'agent01' });
    pbx.answer(token, callId);
    pbx.remoteHangup(callId);
    advance(60 * 60_000);
    expect(pbx.resume(token, 0).session.calls).toEqual([]);
    expect(pbx.resume(token, 0, [callId]).session.calls).toEqual([expect.objectContaining({ callId, state: 'ended', endReason: 'completed' })]);
  });

  it('numbers agent events per session and replays what a client missed', () => {
    const { pbx, events } = pbxWithClock();
    const { token, seq } = pbx.signIn('agent01', 'biztel');
    pbx.incomingCall({ from: '0312345678', agent: 'agent01' });
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => seq + i + 1));
    expect(pbx.resume(token, seq).missed).toHaveLength(events.length);
    expect(pbx.resume(token, seqs.at(-1)!).missed).toEqual([]);
  });

  it('keeps a session when the same agent signs in again only for the newest one', () => {
    const { pbx, ended } = pbxWithClock();
    const first = pbx.signIn('agent01', 'biztel');
    pbx.signIn('agent01', 'biztel');
    expect(ended).toEqual([{ reason: 'signedInElsewhere' }]);
    expect(() => pbx.resume(first.token, 0)).toThrow(/session has ended/);
  });

  it('lets a 3.3.x server upgraded to 3.4+ take its outbound pop from the inbound one', () => {
    const { pbx } = pbxWithClock();
    pbx.setVersion('3.3.5');
    pbx.setSystemSettings({ inboundPopup: 'answer', outboundPopup: 'dial' });
    expect(pbx.config.visibleSettings().outboundPopup).toBeUndefined(); // 3.3 has no such setting
    pbx.setVersion('3.4.0');
    expect(pbx.config.visibleSettings().outboundPopup).toBe('answer');
    pbx.setVersion('3.3.0');
    pbx.setSystemSettings({ inboundPopup: 'ring' });
    pbx.setVersion('3.9.0');
    expect(pbx.config.visibleSettings().outboundPopup).toBe('never');
  });

  it('continues an agent’s revisions when the same call comes to it again, so the new leg supersedes', () => {
    const { pbx, views, advance } = pbxWithClock();
    const a = pbx.signIn('agent01', 'biztel');
    const b = pbx.signIn('agent02', 'biztel');
    const last = (loginId: string) => views.get(loginId)!.at(-1)!;
    const { callId } = pbx.incomingCall({ from: '0355550101', agent: 'agent01' });
    pbx.answer(a.token, callId);

    // Consult agent02, cancel, consult again: the second ring is newer than the ended first leg.
    pbx.transfer(a.token, { callId, target: 'agent02', mode: 'consult' });
    const firstRing = last('agent02');
    pbx.cancelTransfer(a.token, callId);
    const canceled = last('agent02');
    expect(canceled).toMatchObject({ state: 'ended', endReason: 'consultCanceled' });
    advance(1000);
    pbx.transfer(a.token, { callId, target: 'agent02', mode: 'consult' });
    const secondRing = last('agent02');
    expect(secondRing).toMatchObject({ state: 'ringing', startedAt: firstRing.startedAt + 1000 });
    expect(secondRing.rev).toBeGreaterThan(canceled.rev);

    // agent02 takes it and transfers it back: agent01's new leg is newer than its ended one.
    pbx.answer(b.token, callId);
    pbx.completeTransfer(a.token, callId);
    const transferred = last('agent01');
    expect(transferred).toMatchObject({ state: 'ended', endReason: 'transferred' });
    advance(1000);
    pbx.transfer(b.token, { callId, target: 'agent01', mode: 'blind' });
    const back = last('agent01');
    expect(back).toMatchObject({ state: 'ringing', placedByAgent: false, from: '0355550101' });
    expect(back.rev).toBeGreaterThan(transferred.rev);

    // The snapshot (sign-in, resync) has the new leg too, and every view each agent got was newer than the one before.
    expect(pbx.resume(a.token, 0).session.calls).toEqual([back]);
    for (const loginId of ['agent01', 'agent02']) {
      const revs = views.get(loginId)!.filter((c) => c.callId === callId).map((c) => c.rev);
      expect(revs).toEqual([...revs].sort((x, y) => x - y));
      expect(new Set(revs).size).toBe(revs.length);
    }
  });

  it('reports a status picked during a call as pending, applies it when the call ends, and forgets it after', () => {
    const { pbx, events } = pbxWithClock();
    const { token } = pbx.signIn('agent01', 'biztel');
    const agentViews = () => events.flatMap((e) => (e.type === 'agent' ? [e.agent] : []));
    const { callId } = pbx.incomingCall({ from: '0355550101', agent: 'agent01' });
    pbx.answer(token, callId);
    pbx.setStatus(token, 'break');
    expect(agentViews().at(-1)).toMatchObject({ statusId: 'talking', pendingStatusId: 'break' });
    pbx.setStatus(token, 'custom-training'); // changed its mind: the last pick counts
    expect(agentViews().at(-1)).toMatchObject({ statusId: 'talking', pendingStatusId: 'custom-training' });
    expect(pbx.resume(token, 0).session.agent.pendingStatusId).toBe('custom-training'); // snapshots too
    pbx.remoteHangup(callId);
    expect(agentViews().at(-1)).toMatchObject({ statusId: 'custom-training', pendingStatusId: null });
    // The next call returns to that status; nothing is pending any more.
    const next = pbx.incomingCall({ from: '0355550101', agent: 'agent01' });
    pbx.answer(token, next.callId);
    pbx.remoteHangup(next.callId);
    expect(agentViews().at(-1)).toMatchObject({ statusId: 'custom-training', pendingStatusId: null });
  });

  it('hides the settings an old version lacks', () => {
    const { pbx } = pbxWithClock();
    pbx.setVersion('3.2.19');
    expect(pbx.config.visibleSettings()).toEqual({});
    pbx.setVersion('3.2.20');
    expect(Object.keys(pbx.config.visibleSettings()).sort()).toEqual(['clickToCallDisabled', 'clickToCallImmediate']);
  });

  it('rings every free 受付可 agent of a ring-all queue; the first to answer takes it, the others are answered elsewhere', () => {
    const { pbx, views } = pbxWithClock();
    const a = pbx.signIn('agent01', 'biztel');
    const b = pbx.signIn('agent02', 'biztel');
    const c = pbx.signIn('agent03', 'biztel');
    const { callId } = pbx.incomingCall({ from: '0355550101', queue: 'support', ringAll: true });
    for (const agent of ['agent01', 'agent02', 'agent03']) expect(views.get(agent)?.at(-1)).toMatchObject({ callId, state: 'ringing' });
    expect(pbx.simCalls()).toEqual([expect.objectContaining({ callId, state: 'ringing' })]);
    expect(pbx.simCalls()[0]?.agent).toBeUndefined(); // nobody holds it until someone answers
    pbx.decline(c.token, callId); // one declines: the others still ring
    expect(pbx.simCalls()[0]).toMatchObject({ state: 'ringing' });
    expect(views.get('agent03')?.at(-1)).toMatchObject({ state: 'ended', endReason: 'declined' });
    expect(views.get('agent01')?.at(-1)).toMatchObject({ state: 'ringing' });
    pbx.answer(b.token, callId);
    expect(views.get('agent02')?.at(-1)).toMatchObject({ state: 'connected' });
    expect(views.get('agent01')?.at(-1)).toMatchObject({ state: 'ended', endReason: 'answeredElsewhere' });
    expect(pbx.simCalls()).toEqual([expect.objectContaining({ callId, state: 'connected', agent: 'agent02' })]);
    expect(() => pbx.answer(a.token, callId)).toThrow(/not ringing/);
  });

  it('rings one agent of a plain queue, and ends a ring-all call only when the last ring ends', () => {
    const { pbx, views } = pbxWithClock();
    pbx.signIn('agent01', 'biztel');
    pbx.signIn('agent02', 'biztel');
    pbx.incomingCall({ from: '0355550101', queue: 'support' });
    expect([...views.keys()].filter((agent) => views.get(agent)?.some((v) => v.state === 'ringing'))).toHaveLength(1);
    pbx.reset();
    views.clear();
    const a = pbx.signIn('agent01', 'biztel');
    const b = pbx.signIn('agent02', 'biztel');
    const { callId } = pbx.incomingCall({ from: '0355550101', queue: 'support', ringAll: true });
    pbx.decline(a.token, callId);
    expect(pbx.simCalls()[0]?.state).not.toBe('ended');
    pbx.decline(b.token, callId);
    expect(pbx.simCalls()[0]?.state).toBe('ended');
  });

  it('restarts like a crash: sessions lost without a word, live calls failed at that moment, ended ones kept, transports dropped', () => {
    const { pbx, events, ended, restarts, now, advance } = pbxWithClock();
    const a = pbx.signIn('agent01', 'biztel');
    const b = pbx.signIn('agent02', 'biztel');
    const done = pbx.incomingCall({ from: '0355550101', agent: 'agent01' });
    pbx.answer(a.token, done.callId);
    pbx.remoteHangup(done.callId);
    const talking = pbx.incomingCall({ from: '0355550101', agent: 'agent01' });
    pbx.answer(a.token, talking.callId);
    const answeredAt = now();
    const ringing = pbx.incomingCall({ from: '0312345678', agent: 'agent02' });
    advance(4_000);
    const sent = events.length;
    const cutAt = now();

    pbx.restart();
    expect(restarts()).toBe(1);
    expect(events).toHaveLength(sent); // a crashed server tells nobody anything
    expect(ended).toEqual([]);
    for (const token of [a.token, b.token]) {
      expect(() => pbx.resume(token, 0)).toThrow(expect.objectContaining({ code: 'SESSION_EXPIRED' }));
      expect(() => pbx.setStatus(token, 'break')).toThrow(expect.objectContaining({ code: 'SESSION_EXPIRED' }));
    }
    expect(pbx.simCalls().map((c) => [c.callId, c.state])).toEqual([done, talking, ringing].map((c) => [c.callId, 'ended']));
    expect(pbx.agents.all().map((x) => [x.session, x.statusId])).toEqual(pbx.agents.all().map(() => [null, 'ready']));

    // The agents sign in again: the snapshot still knows the calls, the cut ones failed at the restart.
    advance(30_000);
    const again = pbx.signIn('agent01', 'biztel');
    expect(again.calls).toEqual([
      expect.objectContaining({ callId: done.callId, state: 'ended', endReason: 'completed' }),
      expect.objectContaining({ callId: talking.callId, state: 'ended', endReason: 'failed', connectedAt: answeredAt, endedAt: cutAt }),
    ]);
    expect(pbx.signIn('agent02', 'biztel').calls).toEqual([expect.objectContaining({ callId: ringing.callId, endReason: 'failed', connectedAt: null, endedAt: cutAt })]);
    expect(again.agent.statusId).toBe('ready');
  });

  it('never gives a call id twice: ids keep rising across restart and reset', () => {
    const { pbx } = pbxWithClock();
    pbx.signIn('agent01', 'biztel');
    const ids = [pbx.incomingCall({ from: null, agent: 'agent01' }).callId];
    pbx.restart();
    pbx.signIn('agent01', 'biztel');
    ids.push(pbx.incomingCall({ from: null, agent: 'agent01' }).callId);
    pbx.reset();
    pbx.signIn('agent01', 'biztel');
    ids.push(pbx.incomingCall({ from: null, agent: 'agent01' }).callId);
    for (const id of ids) expect(id).toMatch(/^\d{20}$/);
    const numbers = ids.map((id) => BigInt(id));
    expect(numbers).toEqual([...numbers].sort((x, y) => (x < y ? -1 : 1)));
    expect(new Set(ids).size).toBe(3);
  });
});
