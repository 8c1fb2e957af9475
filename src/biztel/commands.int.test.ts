import { describe, expect, it } from 'vitest';
import { callIn, callWhere, connectedInbound, nextEvent, simHarness } from './sim-harness.test-support';

const h = simHarness();

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
    const callId = await connectedInbound(h, link);
    expect(await link.command('hold', { callId })).toMatchObject({ ok: true, data: { state: 'held' } });
    expect(await link.command('hold', { callId })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await link.command('unhold', { callId })).toMatchObject({ ok: true, data: { state: 'connected' } });
    expect(await link.command('unhold', { callId })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('parks with a park number and unparks; a parked call cannot be hung up', async () => {
    const { link } = await h.signIn();
    const callId = await connectedInbound(h, link);
    const parked = await link.command('park', { callId });
    expect(parked.ok && parked.data.state).toBe('parked');
    expect(parked.ok && parked.data.parkNumber).toMatch(/^7\d\d$/);
    expect(h.sim.pbx.simCalls()[0]?.state).toBe('parked');
    expect(await link.command('hangup', { callId })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await link.command('unpark', { callId })).toMatchObject({ ok: true, data: { state: 'connected', parkNumber: null } });
  });

  it('sends keypad tones while connected, not while held', async () => {
    const { link } = await h.signIn();
    const callId = await connectedInbound(h, link);
    expect((await link.command('dtmf', { callId, digits: '1' })).ok).toBe(true);
    expect((await link.command('dtmf', { callId, digits: '#' })).ok).toBe(true);
    expect(h.sim.pbx.simCalls()[0]?.dtmf).toBe('1#');
    await link.command('hold', { callId });
    expect(await link.command('dtmf', { callId, digits: '2' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('refuses what the call’s state does not allow: answer or decline a call that is up, unpark one not parked, finish a consult that is not there', async () => {
    const { link } = await h.signIn();
    const callId = await connectedInbound(h, link);
    for (const name of ['answer', 'decline', 'unpark', 'completeTransfer', 'cancelTransfer'] as const) {
      expect(await link.command(name, { callId }), name).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    }
    expect(h.sim.pbx.simCalls()[0]?.state).toBe('connected'); // nothing happened to the call
    expect(await link.command('answer', { callId: 'no-such-call' })).toMatchObject({ ok: false, error: { code: 'NO_SUCH_CALL' } });
  });

  it('refuses commands on a call that is not the agent’s', async () => {
    const a = await h.signIn('agent01');
    const b = await h.signIn('agent02');
    const callId = await connectedInbound(h, a.link);
    expect(await b.link.command('hangup', { callId })).toMatchObject({ ok: false, error: { code: 'NO_SUCH_CALL' } });
  });
});

describe('transfers', () => {
  const screen = { recordId: '0035555000001AA', recordName: '山田 太郎', objectType: 'Contact' };

  it('blind-transfers to an agent by login ID, with the open record (screen transfer)', async () => {
    const a = await h.signIn('agent01');
    const b = await h.signIn('agent02');
    const callId = await connectedInbound(h, a.link);
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
    const callId = await connectedInbound(h, a.link);
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
    const callId = await connectedInbound(h, a.link);
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
    const callId = await connectedInbound(h, a.link);
    const ringing = nextEvent(b.link, callIn('ringing'));
    await a.link.command('transfer', { callId, target: 'agent02', mode: 'consult' });
    await ringing;
    const failed = nextEvent(a.link, callWhere((c) => c.consult?.state === 'failed'));
    await b.link.command('decline', { callId });
    expect((await failed).consult).toMatchObject({ state: 'failed', failure: 'declined' });
  });

  it('transfers to outside numbers, blind and consult, per the far end outcome', async () => {
    const { link } = await h.signIn();
    let callId = await connectedInbound(h, link);
    h.sim.pbx.setOutcome('09000001111', 'answer'); // a blind transfer hands the call over once the number answers
    const ended = nextEvent(link, callIn('ended'));
    expect((await link.command('transfer', { callId, target: '090-0000-1111', mode: 'blind' })).ok).toBe(true);
    expect((await ended).endReason).toBe('transferred');
    expect(h.sim.pbx.simCalls()[0]).toMatchObject({ state: 'ended' }); // handed over: no agent is on it any more
    expect(h.sim.pbx.simCalls()[0]?.agent).toBeUndefined();

    h.sim.pbx.setOutcome('09000002222', 'busy');
    callId = await connectedInbound(h, link);
    const failed = nextEvent(link, callWhere((c) => c.consult?.state === 'failed'));
    await link.command('transfer', { callId, target: '09000002222', mode: 'consult' });
    expect((await failed).consult?.failure).toBe('busy');
  });

  it('refuses transfers to oneself, to an unavailable agent and to nonsense', async () => {
    const a = await h.signIn('agent01');
    const callId = await connectedInbound(h, a.link);
    expect(await a.link.command('transfer', { callId, target: 'agent01', mode: 'blind' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await a.link.command('transfer', { callId, target: 'agent04', mode: 'blind' })).toMatchObject({ ok: false, error: { code: 'TARGET_UNAVAILABLE' } });
    expect(await a.link.command('transfer', { callId, target: '2999', mode: 'blind' })).toMatchObject({ ok: false, error: { code: 'INVALID_NUMBER' } });
    expect(await a.link.command('transfer', { callId, target: 'somebody', mode: 'consult' })).toMatchObject({ ok: false, error: { code: 'INVALID_NUMBER' } });
  });
});
