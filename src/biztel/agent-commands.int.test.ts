/** Agent status, caller ID and desktop-softphone presence against the real simulator. */
import { describe, expect, it } from 'vitest';
import { agentWhere, callIn, connectedInbound, nextEvent, simHarness } from './sim-harness.test-support';

const h = simHarness();

describe('agent status, caller ID and presence', () => {
  it('shows system statuses during a call and returns to the chosen status after', async () => {
    const { link } = await h.signIn();
    const ringingStatus = nextEvent(link, agentWhere((a) => a.statusId === 'ringing'));
    const callId = await connectedInbound(h, link);
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
    const callId = await connectedInbound(h, link);
    await link.command('setStatus', { statusId: 'away' });
    const after = nextEvent(link, agentWhere((a) => a.pendingStatusId === null));
    h.sim.pbx.remoteHangup(callId);
    expect(await after).toMatchObject({ statusId: 'away' });
  });

  it('goes to 後作業 after a call when the server has after-call work on', async () => {
    const { link } = await h.signIn();
    h.sim.pbx.setAfterCallWork(true);
    const callId = await connectedInbound(h, link);
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
    await connectedInbound(h, link);
    expect(await link.signOut()).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('signs out, after which commands say NOT_SIGNED_IN', async () => {
    const { link } = await h.signIn();
    expect((await link.signOut()).ok).toBe(true);
    expect(await link.command('setStatus', { statusId: 'away' })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });
});
