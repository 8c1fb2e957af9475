/**
 * What a misbehaving (or newer) BIZTEL server may send, against the real link: an odd call costs the
 * fields the panel cannot use, never the call, the agent's other calls or the sign-in; an event whose
 * payload cannot be read still takes its place in the sequence; the server's lists are bounded.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { describe, expect, it } from 'vitest';
import { makeCall } from '../protocol/fixtures';
import type { AgentEvent, Call } from '../protocol';
import { BiztelLink } from './link';
import type { Diagnostic } from './link-types';
import { callIn, nextEvent, simHarness } from './sim-harness.test-support';

const h = simHarness({ recordingDelayMs: 20 });

const SIP = `sip:${'x'.repeat(60)}@pbx.example.com;transport=tls`;

describe('an odd call from the server', () => {
  it('rings with its caller ID cut to fit, ends without a recording link that is not http(s), and is counted', async () => {
    const { link } = await h.signIn('agent01');
    const diagnostics: Diagnostic[] = [];
    link.on('diagnostic', (d) => diagnostics.push(d));
    h.sim.pbx.nextCallQuirks({ from: SIP, recordingUrl: 'rtsp://pbx.example.com/rec/1', extra: { futureField: { nested: true } } });
    const ringing = nextEvent(link, callIn('ringing'));
    const { callId } = h.sim.pbx.incomingCall({ from: '03-5555-0101', agent: 'agent01' });
    const rang = await ringing;
    expect(rang.callId).toBe(callId);
    expect(rang.from).toBe(SIP.slice(0, 40));
    expect(rang).not.toHaveProperty('futureField'); // unknown fields are ignored
    expect((await link.command('answer', { callId })).ok).toBe(true); // its answer is read tolerantly too
    const ended = nextEvent(link, (e) => (e.type === 'call' && e.call.state === 'ended' && e.call.recordingUrl === null && e.call.endReason ? e.call : undefined));
    expect((await link.command('hangup', { callId })).ok).toBe(true);
    expect((await ended).callId).toBe(callId);
    expect(diagnostics.some((d) => /from/.test(d.message))).toBe(true);
    // The next, ordinary call is untouched.
    const next = nextEvent(link, callIn('ringing'));
    h.sim.pbx.incomingCall({ from: '03-5555-0101', agent: 'agent01' });
    expect((await next).from).toBe('03-5555-0101');
  });

  it('keeps a recording link only on the BIZTEL server’s own host, and only as long as Salesforce’s URL field', async () => {
    const { link } = await h.signIn('agent01');
    const recordings: (string | null)[] = [];
    link.on('event', (e) => e.type === 'call' && e.call.state === 'ended' && recordings.push(e.call.recordingUrl));
    for (const recordingUrl of ['https://elsewhere.example.com/monitor_link/1', `${h.sim.url}monitor_link/${'9'.repeat(300)}`]) {
      h.sim.pbx.nextCallQuirks({ recordingUrl });
      const ringing = nextEvent(link, callIn('ringing'));
      const { callId } = h.sim.pbx.incomingCall({ from: '03-5555-0101', agent: 'agent01' });
      await ringing;
      await link.command('answer', { callId });
      await link.command('hangup', { callId });
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(recordings.filter((r) => r !== null)).toEqual([]);
  });

  it('signs in while the server lists an odd call, and shows it', async () => {
    const first = await h.signIn('agent01');
    h.sim.pbx.nextCallQuirks({ from: SIP });
    const ringing = nextEvent(first.link, callIn('ringing'));
    const { callId } = h.sim.pbx.incomingCall({ from: '03-5555-0101', agent: 'agent01' });
    await ringing;
    const again = await h.signIn('agent01'); // a second sign-in gets the snapshot with the odd call in it
    expect(again.session.calls.map((c) => [c.callId, c.from])).toEqual([[callId, SIP.slice(0, 40)]]);
  });
});

/** A server that says exactly what the test scripts, to a link signed in on it. */
async function scriptedServer(script: (emit: (event: string, payload: unknown) => void) => void) {
  const http = createServer();
  const io = new Server(http, { cors: { origin: true } });
  io.on('connection', (socket) => {
    socket.emit('hello', { product: 'BIZTEL', protocol: 1, serverVersion: '3.9.0', scheduledUpgrade: null, serverTime: Date.now() });
    socket.on('signIn', (_request: unknown, ack: (answer: unknown) => void) => {
      const statuses = [{ id: 'ready', name: '受付可', kind: 'ready', selectable: true }, { id: 1, name: 'broken' }];
      ack({ ok: true, data: { token: 't'.repeat(20), agent: { loginId: 'agent01', name: 'A', extension: '2001', statusId: 'ready', phoneRegistered: true, callerId: null }, statuses, callerIds: Array.from({ length: 500 }, (_, i) => ({ number: `03${String(i).padStart(8, '0')}` })), settings: {}, calls: [], seq: 0 } });
      setTimeout(() => script((event, payload) => socket.emit(event, payload)), 20);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const link = new BiztelLink(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`, { ackTimeoutMs: 1000 });
  const hello = new Promise<void>((resolve) => link.on('hello', () => resolve()));
  link.connect();
  await hello;
  return {
    link,
    close: async () => {
      link.close();
      await io.close();
    },
  };
}

describe('the sequence and the lists', () => {
  it('an event whose payload cannot be read still takes its place: the next one is applied without a resync', async () => {
    const good: Call = makeCall({ callId: '17900000000000000042' });
    const { link, close } = await scriptedServer((emit) => {
      emit('agentEvent', { type: 'call', seq: 1, call: { callId: 42 } });
      emit('agentEvent', { type: 'call', seq: 2, call: good });
    });
    try {
      const resumes: unknown[] = [];
      link.on('status', (s) => s.status === 'reconnecting' && resumes.push(s));
      const events: AgentEvent[] = [];
      const received = new Promise<void>((resolve) => link.on('event', (e) => events.push(e) && resolve()));
      const signedIn = await link.signIn('agent01', 'x');
      expect(signedIn.ok).toBe(true);
      // The lists are read item by item and bounded: the broken status is left out, 200 caller IDs kept.
      if (signedIn.ok) {
        expect(signedIn.data.statuses.map((s) => s.id)).toEqual(['ready']);
        expect(signedIn.data.callerIds).toHaveLength(200);
      }
      await received;
      expect(events.map((e) => e.seq)).toEqual([2]);
      expect(resumes).toEqual([]);
      expect(link.resumeInfo()?.lastSeq).toBe(2);
    } finally {
      await close();
    }
  });
});
