import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AgentEvent, Call, Session } from '../protocol';
import { startSimulator, type RunningSimulator } from '../simulator/server';
import { BiztelLink } from './link';

let sim: RunningSimulator;
const links: BiztelLink[] = [];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, timing: { recordingDelayMs: 20, outcomeDelayMs: 20 } });
});
afterAll(() => sim.close());
afterEach(() => {
  for (const link of links.splice(0)) link.close();
  sim.pbx.reset();
});

function until<T>(link: BiztelLink, pick: (e: AgentEvent) => T | undefined, timeoutMs = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('timed out waiting for an event'));
    }, timeoutMs);
    const off = link.on('event', (event) => {
      const value = pick(event);
      if (value !== undefined) {
        clearTimeout(timer);
        off();
        resolve(value);
      }
    });
  });
}

const callIn = (state: Call['state']) => (e: AgentEvent) => (e.type === 'call' && e.call.state === state ? e.call : undefined);

async function connected(): Promise<BiztelLink> {
  const link = new BiztelLink(sim.url, { ackTimeoutMs: 2000 });
  links.push(link);
  const ready = new Promise<void>((resolve) => link.on('hello', () => resolve()));
  link.connect();
  await ready;
  return link;
}

async function signedIn(loginId = 'agent01'): Promise<{ link: BiztelLink; session: Session }> {
  const link = await connected();
  const result = await link.signIn(loginId, 'biztel');
  if (!result.ok) throw new Error(result.error.message);
  return { link, session: result.data };
}

describe('BIZTEL link against the simulator', () => {
  it('connects and learns the server version before sign-in', async () => {
    const link = await connected();
    expect(link.status).toBe('ready');
    expect(link.hello?.serverVersion).toBe('3.9.0');
    expect(link.hello?.product).toBe('BIZTEL');
  });

  it('signs in with the seed agent and gets the statuses, caller IDs and settings', async () => {
    const { session } = await signedIn();
    expect(session.agent).toMatchObject({ loginId: 'agent01', extension: '2001', statusId: 'ready', phoneRegistered: true });
    expect(session.statuses.map((s) => s.name)).toEqual(
      expect.arrayContaining(['受付可', '後作業', '休憩中', '離席中', 'ログオフ', '着信中', '通話中', '発信通話']),
    );
    expect(session.statuses.find((s) => s.name === '通話中')?.selectable).toBe(false);
    expect(session.callerIds[0]?.number).toBe('03-1234-5678');
    expect(session.settings).toEqual({
      inboundPopup: 'ring',
      outboundPopup: 'never',
      anonymousPopup: false,
      clickToCallDisabled: false,
      clickToCallImmediate: false,
    });
  });

  it('refuses bad credentials with AUTH_FAILED and stays signed out', async () => {
    const link = await connected();
    const result = await link.signIn('agent01', 'wrong');
    expect(result).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect(link.signedIn).toBe(false);
    const unknown = await link.signIn('nobody', 'biztel');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
  });

  it('rings, answers and ends an inbound call with timestamps and a recording', async () => {
    const { link } = await signedIn();
    const ringing = until(link, callIn('ringing'));
    const { callId } = sim.pbx.incomingCall({ from: '03-5555-0101', agent: 'agent01' });
    const ring = await ringing;
    expect(ring).toMatchObject({ callId, direction: 'inbound', from: '03-5555-0101', to: '03-1234-5678', placedByAgent: false });

    const answered = await link.command('answer', { callId });
    expect(answered.ok && answered.data.state).toBe('connected');

    const ended = until(link, callIn('ended'));
    sim.pbx.remoteHangup(callId);
    const end = await ended;
    expect(end.endReason).toBe('completed');
    expect(end.connectedAt).not.toBeNull();
    expect(end.endedAt! >= end.connectedAt!).toBe(true);

    const recorded = await until(link, (e) => (e.type === 'call' && e.call.recordingUrl ? e.call : undefined));
    expect(recorded.recordingUrl).toMatch(new RegExp(`/recordings/${callId}\\.wav$`));
    const wav = await fetch(recorded.recordingUrl!);
    expect(wav.headers.get('content-type')).toBe('audio/wav');
  });

  it('reports an anonymous caller as from: null', async () => {
    const { link } = await signedIn();
    const ringing = until(link, callIn('ringing'));
    sim.pbx.incomingCall({ from: null, agent: 'agent01' });
    expect((await ringing).from).toBeNull();
  });

  it('declines a ringing call; the call ends as declined', async () => {
    const { link } = await signedIn();
    const ringing = until(link, callIn('ringing'));
    const { callId } = sim.pbx.incomingCall({ from: '0312345678', agent: 'agent01' });
    await ringing;
    const ended = until(link, callIn('ended'));
    expect((await link.command('decline', { callId })).ok).toBe(true);
    expect((await ended).endReason).toBe('declined');
  });

  it('changes the agent status, and refuses system statuses', async () => {
    const { link } = await signedIn();
    const changed = until(link, (e) => (e.type === 'agent' ? e.agent : undefined));
    expect((await link.command('setStatus', { statusId: 'break' })).ok).toBe(true);
    expect((await changed).statusId).toBe('break');
    const refused = await link.command('setStatus', { statusId: 'talking' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_SELECTABLE' } });
  });

  it('validates commands at the server: a malformed request is BAD_REQUEST', async () => {
    const { link } = await signedIn();
    const result = await link.command('answer', { callId: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('refuses a command at once while the link is down, and never replays it', async () => {
    const { link } = await signedIn();
    sim.pbx.incomingCall({ from: '0312345678', agent: 'agent01' });
    const reconnecting = new Promise<void>((resolve) => link.on('status', (s) => s.status === 'reconnecting' && resolve()));
    sim.pbx.setVersion('3.9.0'); // a restart: every transport drops
    await reconnecting;
    const call = sim.pbx.simCalls()[0]!;
    const result = await link.command('answer', { callId: call.callId });
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    const session = new Promise<Session>((resolve) => link.on('session', resolve));
    await session; // resumed
    await new Promise((r) => setTimeout(r, 100));
    expect(sim.pbx.simCalls()[0]?.state).toBe('ringing');
  });

  it('resumes after a transport drop and learns of a call that ended while it was away', async () => {
    const { link } = await signedIn();
    const ringing = until(link, callIn('ringing'));
    const { callId } = sim.pbx.incomingCall({ from: '0312345678', agent: 'agent01' });
    await ringing;
    await link.command('answer', { callId });
    const seen: Call[] = [];
    link.on('event', (e) => e.type === 'call' && seen.push(e.call));
    const resumed = new Promise<Session>((resolve) => link.on('session', resolve));
    sim.pbx.setVersion('3.9.0');
    sim.pbx.remoteHangup(callId); // while the transport is down
    const session = await resumed;
    const all = [...seen, ...session.calls];
    expect(all.some((c) => c.callId === callId && c.state === 'ended')).toBe(true);
  });

  it('ends the older session when the same agent signs in elsewhere', async () => {
    const first = await signedIn('agent02');
    const ended = new Promise((resolve) => first.link.on('sessionEnded', resolve));
    await signedIn('agent02');
    expect(await ended).toEqual({ reason: 'signedInElsewhere' });
    expect(first.link.signedIn).toBe(false);
  });

  it('drops invalid server payloads with a diagnostic and keeps working', async () => {
    const { link } = await signedIn();
    const diagnostics: string[] = [];
    link.on('diagnostic', (d) => diagnostics.push(d.source));
    const events: AgentEvent[] = [];
    link.on('event', (e) => events.push(e));
    sim.sendRaw('agentEvent', { type: 'call', seq: 1, call: { callId: 42 } });
    sim.sendRaw('agentEvent', 'garbage');
    sim.sendRaw('hello', { product: 'OTHER' });
    sim.sendRaw('sessionEnded', { reason: 'because' });
    await new Promise((r) => setTimeout(r, 100));
    expect(diagnostics).toEqual(['agentEvent', 'agentEvent', 'hello', 'sessionEnded']);
    expect(events).toEqual([]);
    expect(link.signedIn).toBe(true);
    const ringing = until(link, callIn('ringing'));
    sim.pbx.incomingCall({ from: '0312345678', agent: 'agent01' });
    expect((await ringing).from).toBe('0312345678');
  });
});
