import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BiztelLink } from './link';
import { agentWhere, callIn, callWhere, nextEvent, startHarness, type Harness } from './sim-harness.test-support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
afterEach(() => {
  h.closeLinks();
  h.sim.pbx.reset();
});

async function connectedInbound(link: BiztelLink, agent = 'agent01'): Promise<string> {
  const ringing = nextEvent(link, callIn('ringing'));
  const { callId } = h.sim.pbx.incomingCall({ from: '03-5555-0101', agent });
  await ringing;
  const answered = await link.command('answer', { callId });
  if (!answered.ok) throw new Error(answered.error.message);
  return callId;
}

describe('outbound calls', () => {
  it('dials with the chosen caller ID; the far end answers; the agent hangs up', async () => {
    const { link } = await h.signIn();
    const dialed = await link.command('dial', { number: '0312340000', callerId: '050-1111-2222' });
    expect(dialed.ok && dialed.data).toMatchObject({ direction: 'outbound', placedByAgent: true, state: 'dialing', from: '050-1111-2222', to: '0312340000' });
    const callId = dialed.ok ? dialed.data.callId : '';
    expect(h.sim.pbx.simCalls()[0]).toMatchObject({ callId, state: 'dialing', direction: 'outbound', from: '050-1111-2222', to: '0312340000', agent: 'agent01' });
    const connected = nextEvent(link, callIn('connected'));
    h.sim.pbx.remoteAnswer(callId);
    expect((await connected).connectedAt).not.toBeNull();
    const ended = nextEvent(link, callIn('ended'));
    expect((await link.command('hangup', { callId })).ok).toBe(true);
    expect((await ended).endReason).toBe('completed');
  });

  it.each([
    ['busy', 'busy'],
    ['noAnswer', 'noAnswer'],
    ['invalid', 'invalidNumber'],
    ['answer', null],
  ] as const)('ends per the far end outcome %s', async (outcome, reason) => {
    const { link } = await h.signIn();
    h.sim.pbx.setOutcome('03-1234-9999', outcome);
    const next = nextEvent(link, callWhere((c) => c.state === 'ended' || c.state === 'connected'));
    await link.command('dial', { number: '0312349999' });
    const call = await next;
    if (reason) expect(call).toMatchObject({ state: 'ended', endReason: reason, connectedAt: null });
    else expect(call.state).toBe('connected');
  });

  it('cancels a call still ringing out with hang up', async () => {
    const { link } = await h.signIn();
    const dialed = await link.command('dial', { number: '0312340000' });
    const ended = nextEvent(link, callIn('ended'));
    await link.command('hangup', { callId: dialed.ok ? dialed.data.callId : '' });
    expect((await ended).endReason).toBe('canceled');
  });

  it('refuses what cannot be dialled, a second call, and an unknown caller ID', async () => {
    const { link } = await h.signIn();
    expect(await link.command('dial', { number: 'hello' })).toMatchObject({ ok: false, error: { code: 'INVALID_NUMBER' } });
    expect(await link.command('dial', { number: '2999' })).toMatchObject({ ok: false, error: { code: 'INVALID_NUMBER' } });
    expect(await link.command('dial', { number: '2001' })).toMatchObject({ ok: false, error: { code: 'INVALID_NUMBER' } });
    expect(await link.command('dial', { number: '0312340000', callerId: '0120-000-000' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    await link.command('dial', { number: '0312340000' });
    expect(await link.command('dial', { number: '0312340001' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('places internal calls between two agents (call type internal)', async () => {
    const a = await h.signIn('agent01');
    const b = await h.signIn('agent02');
    const ringing = nextEvent(b.link, callIn('ringing'));
    const dialed = await a.link.command('dial', { number: '2002' });
    expect(dialed.ok && dialed.data).toMatchObject({ direction: 'internal', from: '2001', to: '2002', peerName: 'エージェント02' });
    const ring = await ringing;
    expect(ring).toMatchObject({ direction: 'internal', placedByAgent: false, from: '2001' });
    const aConnected = nextEvent(a.link, callIn('connected'));
    await b.link.command('answer', { callId: ring.callId });
    await aConnected;
    const bEnded = nextEvent(b.link, callIn('ended'));
    await a.link.command('hangup', { callId: ring.callId });
    expect((await bEnded).endReason).toBe('completed');
  });

  it('gets busy calling an agent who is signed out', async () => {
    const { link } = await h.signIn();
    const ended = nextEvent(link, callIn('ended'));
    await link.command('dial', { number: '2003' });
    expect((await ended).endReason).toBe('busy');
  });
});

describe('during a call', () => {
  it('holds and resumes; refuses to hold a held call', async () => {
    const { link } = await h.signIn();
    const callId = await connectedInbound(link);
    expect(await link.command('hold', { callId })).toMatchObject({ ok: true, data: { state: 'held' } });
    expect(await link.command('hold', { callId })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await link.command('unhold', { callId })).toMatchObject({ ok: true, data: { state: 'connected' } });
    expect(await link.command('unhold', { callId })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('parks with a park number and unparks; a parked call cannot be hung up', async () => {
    const { link } = await h.signIn();
    const callId = await connectedInbound(link);
    const parked = await link.command('park', { callId });
    expect(parked.ok && parked.data.state).toBe('parked');
    expect(parked.ok && parked.data.parkNumber).toMatch(/^7\d\d$/);
    expect(h.sim.pbx.simCalls()[0]?.state).toBe('parked');
    expect(await link.command('hangup', { callId })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await link.command('unpark', { callId })).toMatchObject({ ok: true, data: { state: 'connected', parkNumber: null } });
  });

  it('sends keypad tones while connected, not while held', async () => {
    const { link } = await h.signIn();
    const callId = await connectedInbound(link);
    expect((await link.command('dtmf', { callId, digits: '1' })).ok).toBe(true);
    expect((await link.command('dtmf', { callId, digits: '#' })).ok).toBe(true);
    expect(h.sim.pbx.simCalls()[0]?.dtmf).toBe('1#');
    await link.command('hold', { callId });
    expect(await link.command('dtmf', { callId, digits: '2' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('refuses commands on a call that is not the agent’s', async () => {
    const a = await h.signIn('agent01');
    const b = await h.signIn('agent02');
    const callId = await connectedInbound(a.link);
    expect(await b.link.command('hangup', { callId })).toMatchObject({ ok: false, error: { code: 'NO_SUCH_CALL' } });
  });
});

describe('transfers', () => {
  const screen = { recordId: '0035555000001AA', recordName: '山田 太郎', objectType: 'Contact' };

  it('blind-transfers to an agent by login ID, with the open record (screen transfer)', async () => {
    const a = await h.signIn('agent01');
    const b = await h.signIn('agent02');
    const callId = await connectedInbound(a.link);
    const ringing = nextEvent(b.link, callIn('ringing'));
    const aEnded = nextEvent(a.link, callIn('ended'));
    expect((await a.link.command('transfer', { callId, target: 'agent02', mode: 'blind', screen })).ok).toBe(true);
    expect((await aEnded).endReason).toBe('transferred');
    const ring = await ringing;
    expect(ring).toMatchObject({ callId, direction: 'inbound', from: '03-5555-0101', screenTransfer: { ...screen, fromAgent: 'agent01' } });
    await b.link.command('answer', { callId });
    expect(h.sim.pbx.simCalls()[0]).toMatchObject({ state: 'connected', agent: 'agent02' });
  });

  it('consults an agent by extension, then completes: the target keeps the caller', async () => {
    const a = await h.signIn('agent01');
    const b = await h.signIn('agent02');
    const callId = await connectedInbound(a.link);
    const ringing = nextEvent(b.link, callIn('ringing'));
    const consulting = await a.link.command('transfer', { callId, target: '2002', mode: 'consult', screen });
    expect(consulting.ok && consulting.data.consult).toMatchObject({ target: '2002', state: 'dialing' });
    expect(h.sim.pbx.simCalls()[0]?.state).toBe('held'); // the caller waits
    expect(await a.link.command('completeTransfer', { callId })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const ring = await ringing;
    expect(ring.peerName).toBe('エージェント01');
    const consultUp = nextEvent(a.link, callWhere((c) => c.consult?.state === 'connected'));
    await b.link.command('answer', { callId });
    await consultUp;
    const aEnded = nextEvent(a.link, callIn('ended'));
    const bUpdated = nextEvent(b.link, callWhere((c) => c.state === 'connected' && c.peerName === undefined));
    expect((await a.link.command('completeTransfer', { callId })).ok).toBe(true);
    expect((await aEnded).endReason).toBe('transferred');
    await bUpdated;
    expect(h.sim.pbx.simCalls()[0]).toMatchObject({ state: 'connected', agent: 'agent02' });
  });

  it('cancels a consult and goes back to the caller; the consulted agent is not left with the call', async () => {
    const a = await h.signIn('agent01');
    const b = await h.signIn('agent02');
    const callId = await connectedInbound(a.link);
    const ringing = nextEvent(b.link, callIn('ringing'));
    await a.link.command('transfer', { callId, target: 'agent02', mode: 'consult' });
    await ringing;
    const bEnded = nextEvent(b.link, callIn('ended'));
    const back = await a.link.command('cancelTransfer', { callId });
    expect(back.ok && back.data).toMatchObject({ state: 'connected', consult: null });
    expect((await bEnded).endReason).toBe('consultCanceled');
  });

  it('reports a consult the target declines, so the agent can cancel', async () => {
    const a = await h.signIn('agent01');
    const b = await h.signIn('agent02');
    const callId = await connectedInbound(a.link);
    const ringing = nextEvent(b.link, callIn('ringing'));
    await a.link.command('transfer', { callId, target: 'agent02', mode: 'consult' });
    await ringing;
    const failed = nextEvent(a.link, callWhere((c) => c.consult?.state === 'failed'));
    await b.link.command('decline', { callId });
    expect((await failed).consult).toMatchObject({ state: 'failed', failure: 'declined' });
  });

  it('transfers to outside numbers, blind and consult, per the far end outcome', async () => {
    const { link } = await h.signIn();
    let callId = await connectedInbound(link);
    h.sim.pbx.setOutcome('09000001111', 'answer'); // a blind transfer hands the call over once the number answers
    const ended = nextEvent(link, callIn('ended'));
    expect((await link.command('transfer', { callId, target: '090-0000-1111', mode: 'blind' })).ok).toBe(true);
    expect((await ended).endReason).toBe('transferred');
    expect(h.sim.pbx.simCalls()[0]).toMatchObject({ state: 'connected' });
    expect(h.sim.pbx.simCalls()[0]?.agent).toBeUndefined();

    h.sim.pbx.setOutcome('09000002222', 'busy');
    h.sim.pbx.remoteHangup(callId);
    callId = await connectedInbound(link);
    const failed = nextEvent(link, callWhere((c) => c.consult?.state === 'failed'));
    await link.command('transfer', { callId, target: '09000002222', mode: 'consult' });
    expect((await failed).consult?.failure).toBe('busy');
  });

  it('refuses transfers to oneself, to an unavailable agent and to nonsense', async () => {
    const a = await h.signIn('agent01');
    const callId = await connectedInbound(a.link);
    expect(await a.link.command('transfer', { callId, target: 'agent01', mode: 'blind' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await a.link.command('transfer', { callId, target: 'agent04', mode: 'blind' })).toMatchObject({ ok: false, error: { code: 'TARGET_UNAVAILABLE' } });
    expect(await a.link.command('transfer', { callId, target: '2999', mode: 'blind' })).toMatchObject({ ok: false, error: { code: 'INVALID_NUMBER' } });
    expect(await a.link.command('transfer', { callId, target: 'somebody', mode: 'consult' })).toMatchObject({ ok: false, error: { code: 'INVALID_NUMBER' } });
  });
});

describe('agent status, caller ID and presence', () => {
  it('shows system statuses during a call and returns to the chosen status after', async () => {
    const { link } = await h.signIn();
    const ringingStatus = nextEvent(link, agentWhere((a) => a.statusId === 'ringing'));
    const callId = await connectedInbound(link);
    await ringingStatus;
    expect(h.sim.pbx.agents.get('agent01')?.statusId).toBe('talking');
    // Applies after the call: the server says so at once, so the panel can tell the agent.
    const pending = nextEvent(link, agentWhere((a) => a.pendingStatusId === 'break'));
    await link.command('setStatus', { statusId: 'break' });
    expect(await pending).toMatchObject({ statusId: 'talking', pendingStatusId: 'break' });
    const after = nextEvent(link, agentWhere((a) => a.statusId === 'break'));
    h.sim.pbx.remoteHangup(callId);
    expect(await after).toMatchObject({ statusId: 'break', pendingStatusId: null });
  });

  it('applies a status picked during a call instead of after-call work', async () => {
    const { link } = await h.signIn();
    h.sim.pbx.setAfterCallWork(true);
    const callId = await connectedInbound(link);
    await link.command('setStatus', { statusId: 'away' });
    const after = nextEvent(link, agentWhere((a) => a.pendingStatusId === null));
    h.sim.pbx.remoteHangup(callId);
    expect(await after).toMatchObject({ statusId: 'away' });
  });

  it('goes to 後作業 after a call when the server has after-call work on', async () => {
    const { link } = await h.signIn();
    h.sim.pbx.setAfterCallWork(true);
    const callId = await connectedInbound(link);
    const acw = nextEvent(link, agentWhere((a) => a.statusId === 'acw'));
    h.sim.pbx.remoteHangup(callId);
    await acw;
  });

  it('uses 発信通話 for an outbound call', async () => {
    const { link } = await h.signIn();
    const outbound = nextEvent(link, agentWhere((a) => a.statusId === 'outbound'));
    await link.command('dial', { number: '0312340000' });
    await outbound;
  });

  it('remembers the caller ID for the agent, across sign-ins', async () => {
    const first = await h.signIn();
    expect((await first.link.command('setCallerId', { number: '050-1111-2222' })).ok).toBe(true);
    expect(await first.link.command('setCallerId', { number: '03-0000-0000' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const again = await h.signIn();
    expect(again.session.agent.callerId).toBe('050-1111-2222');
    const dialed = await again.link.command('dial', { number: '0312340000' });
    expect(dialed.ok && dialed.data.from).toBe('050-1111-2222');
  });

  it('refuses the ★ functions while the desktop softphone is not running, but not status or caller ID', async () => {
    const { link } = await h.signIn();
    const ringing = nextEvent(link, callIn('ringing'));
    const { callId } = h.sim.pbx.incomingCall({ from: '0312345678', agent: 'agent01' });
    await ringing;
    const gone = nextEvent(link, agentWhere((a) => !a.phoneRegistered));
    h.sim.pbx.setDesktopSoftphone('agent01', false);
    await gone;
    expect(await link.command('answer', { callId })).toMatchObject({ ok: false, error: { code: 'PHONE_NOT_REGISTERED' } });
    h.sim.pbx.remoteHangup(callId);
    expect(await link.command('dial', { number: '0312340000' })).toMatchObject({ ok: false, error: { code: 'PHONE_NOT_REGISTERED' } });
    expect((await link.command('setStatus', { statusId: 'away' })).ok).toBe(true);
    expect((await link.command('setCallerId', { number: '050-1111-2222' })).ok).toBe(true);
  });

  it('refuses to sign out during a call', async () => {
    const { link } = await h.signIn();
    await connectedInbound(link);
    expect(await link.signOut()).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('signs out, after which commands say NOT_SIGNED_IN', async () => {
    const { link } = await h.signIn();
    expect((await link.signOut()).ok).toBe(true);
    expect(await link.command('setStatus', { statusId: 'away' })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });
});
