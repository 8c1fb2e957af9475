import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { describe, expect, it } from 'vitest';
import type { AgentEvent, Call, Session } from '../protocol';
import { BiztelLink } from './link';
import { callIn, nextEvent, simHarness } from './sim-harness.test-support';

const h = simHarness();

const until = <T>(link: BiztelLink, pick: (e: AgentEvent) => T | undefined) => nextEvent(link, pick);
const connected = () => h.connect();
const signedIn = (loginId = 'agent01') => h.signIn(loginId);

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
    const { callId } = h.sim.pbx.incomingCall({ from: '03-5555-0101', agent: 'agent01' });
    const ring = await ringing;
    expect(ring).toMatchObject({ callId, direction: 'inbound', from: '03-5555-0101', to: '03-1234-5678', placedByAgent: false });

    const answered = await link.command('answer', { callId });
    expect(answered.ok && answered.data.state).toBe('connected');

    const ended = until(link, callIn('ended'));
    h.sim.pbx.remoteHangup(callId);
    const end = await ended;
    expect(end.endReason).toBe('completed');
    expect(end.connectedAt).not.toBeNull();
    expect(end.endedAt! >= end.connectedAt!).toBe(true);

    const recorded = await until(link, (e) => (e.type === 'call' && e.call.recordingUrl ? e.call : undefined));
    expect(recorded.recordingUrl).toBe(`${h.sim.url}monitor_link/${callId}`);
    const page = await fetch(recorded.recordingUrl!);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('reports an anonymous caller as from: null', async () => {
    const { link } = await signedIn();
    const ringing = until(link, callIn('ringing'));
    h.sim.pbx.incomingCall({ from: null, agent: 'agent01' });
    expect((await ringing).from).toBeNull();
  });

  it('declines a ringing call; the call ends as declined', async () => {
    const { link } = await signedIn();
    const ringing = until(link, callIn('ringing'));
    const { callId } = h.sim.pbx.incomingCall({ from: '0312345678', agent: 'agent01' });
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
    h.sim.pbx.incomingCall({ from: '0312345678', agent: 'agent01' });
    const reconnecting = new Promise<void>((resolve) => link.on('status', (s) => s.status === 'reconnecting' && resolve()));
    h.sim.pbx.setVersion('3.9.0'); // a restart: every transport drops
    await reconnecting;
    const call = h.sim.pbx.simCalls()[0]!;
    const result = await link.command('answer', { callId: call.callId });
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    const session = new Promise<Session>((resolve) => link.on('session', resolve));
    await session; // resumed
    await new Promise((r) => setTimeout(r, 100));
    expect(h.sim.pbx.simCalls()[0]?.state).toBe('ringing');
  });

  it('resumes after a transport drop and learns of a call that ended while it was away', async () => {
    const { link } = await signedIn();
    const ringing = until(link, callIn('ringing'));
    const { callId } = h.sim.pbx.incomingCall({ from: '0312345678', agent: 'agent01' });
    await ringing;
    await link.command('answer', { callId });
    const seen: Call[] = [];
    link.on('event', (e) => e.type === 'call' && seen.push(e.call));
    const resumed = new Promise<Session>((resolve) => link.on('session', resolve));
    h.sim.pbx.setVersion('3.9.0');
    h.sim.pbx.remoteHangup(callId); // while the transport is down
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
    h.sim.sendRaw('agentEvent', { type: 'call', call: { callId: 42 } }); // no sequence number: cannot be placed
    h.sim.sendRaw('agentEvent', 'garbage');
    h.sim.sendRaw('hello', { product: 'OTHER' });
    h.sim.sendRaw('sessionEnded', { reason: 'because' });
    await new Promise((r) => setTimeout(r, 100));
    expect(diagnostics).toEqual(['agentEvent', 'agentEvent', 'hello', 'sessionEnded']);
    expect(events).toEqual([]);
    expect(link.signedIn).toBe(true);
    const ringing = until(link, callIn('ringing'));
    h.sim.pbx.incomingCall({ from: '0312345678', agent: 'agent01' });
    expect((await ringing).from).toBe('0312345678');
  });

  it('reports a command the server never acknowledges as TIMEOUT', async () => {
    const http = createServer();
    const silent = new Server(http, { cors: { origin: true } });
    silent.on('connection', (socket) => {
      socket.emit('hello', { product: 'BIZTEL', protocol: 1, serverVersion: '3.9.0', scheduledUpgrade: null, serverTime: Date.now() });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const link = new BiztelLink(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`, { ackTimeoutMs: 200 });
    try {
      const hello = new Promise<void>((resolve) => link.on('hello', () => resolve()));
      link.connect();
      await hello;
      expect(await link.signIn('agent01', 'biztel')).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    } finally {
      link.close();
      await silent.close();
    }
  });

  it('refuses a server that speaks another protocol version', async () => {
    const http = createServer();
    const other = new Server(http, { cors: { origin: true } });
    other.on('connection', (socket) => {
      socket.emit('hello', { product: 'BIZTEL', protocol: 99, serverVersion: '3.9.0', scheduledUpgrade: null, serverTime: Date.now() });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const link = new BiztelLink(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
    try {
      const failed = new Promise<string | undefined>((resolve) => link.on('status', (s) => s.status === 'failed' && resolve(s.error)));
      link.connect();
      expect(await failed).toBe('protocol');
    } finally {
      link.close();
      await other.close();
    }
  });
});
