import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from './server';
import { callEvent, rawClient, type RawClient } from './raw-client.test-support';

let sim: RunningSimulator;
const clients: RawClient[] = [];
const streams: AbortController[] = [];

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
  for (const stream of streams.splice(0)) stream.abort();
  sim.pbx.reset();
  sim.socketLog.clear();
});

interface Sse {
  event: string;
  id?: string;
  data: unknown;
}

/** Reads `/control/stream` into a list of events; `until` waits for one that matches. */
async function openStream(headers: Record<string, string> = {}) {
  const abort = new AbortController();
  streams.push(abort);
  const response = await fetch(new URL('/control/stream', sim.url), { headers, signal: abort.signal });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: Sse[] = [];
  const waiters = new Set<() => void>();
  void (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(block.split('\n').filter((l) => !l.startsWith(':') && l.includes(': ')).map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)]));
          if (fields.event) events.push({ event: fields.event, id: fields.id, data: JSON.parse(fields.data ?? 'null') as unknown });
          for (const wake of [...waiters]) wake();
        }
      }
    } catch {
      /* aborted */
    }
  })();
  const until = (match: (e: Sse) => boolean) =>
    new Promise<Sse>((resolve) => {
      const check = () => {
        const found = events.find(match);
        if (!found) return;
        waiters.delete(check);
        resolve(found);
      };
      waiters.add(check);
      check();
    });
  return { events, until };
}

const post = (path: string, body: unknown) =>
  fetch(new URL(`/control/${path}`, sim.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the control stream', () => {
  it('pushes the state when it changes and every socket event, secrets taken out', async () => {
    const stream = await openStream();
    const first = await stream.until((e) => e.event === 'state');
    expect(first.data).toMatchObject({ version: '3.9.0', calls: [] });

    const client = await rawClient(sim.url);
    clients.push(client);
    await client.command('signIn', { loginId: 'agent01', password: 'biztel' });
    const signIn = await stream.until((e) => e.event === 'socket' && (e.data as { event: string }).event === 'signIn');
    expect(signIn.data).toMatchObject({ direction: 'in', agent: 'agent01', payload: { loginId: 'agent01', password: '[redacted]' } });
    const ack = await stream.until((e) => e.event === 'socket' && (e.data as { event: string }).event === 'ack:signIn');
    expect(ack.data).toMatchObject({ direction: 'out', agent: 'agent01', payload: { ok: true, data: { token: '[redacted]' } } });
    expect(JSON.stringify(stream.events)).not.toContain('biztel"');

    const { callId } = (await (await post('incoming-call', { from: '03-5555-0101', agent: 'agent01' })).json()) as { callId: string };
    await client.event(callEvent(callId, 'ringing'));
    await stream.until((e) => e.event === 'state' && (e.data as { calls: { callId: string; state: string }[] }).calls.some((c) => c.callId === callId && c.state === 'ringing'));
    const ring = await stream.until((e) => e.event === 'socket' && JSON.stringify(e.data).includes(callId));
    expect(ring.data).toMatchObject({ direction: 'out', agent: 'agent01', event: 'agentEvent', payload: { type: 'call', call: { callId, state: 'ringing' } } });
    // A change from the control API alone (no socket event) is pushed too.
    await post('after-call-work', { enabled: true });
    await stream.until((e) => e.event === 'state' && (e.data as { afterCallWork: boolean }).afterCallWork);
  });

  it('gives a stream that comes back only what it missed (Last-Event-ID), and says when a reset cleared the log', async () => {
    const client = await rawClient(sim.url);
    clients.push(client);
    await client.command('signIn', { loginId: 'agent02', password: 'biztel' });
    const all = sim.socketLog.entries();
    const middle = all[Math.floor(all.length / 2)]!;
    const again = await openStream({ 'last-event-id': String(middle.id) });
    await again.until((e) => e.event === 'socket' && e.id === String(all.at(-1)!.id));
    expect(again.events.filter((e) => e.event === 'socket').map((e) => Number(e.id))).toEqual(all.filter((e) => e.id > middle.id).map((e) => e.id));

    await post('reset', {});
    await again.until((e) => e.event === 'cleared');
    expect(sim.socketLog.entries()).toEqual([]);
  });

  it('starts a page over whose last id this simulator never gave (an earlier simulator process)', async () => {
    const client = await rawClient(sim.url);
    clients.push(client);
    await client.command('signIn', { loginId: 'agent02', password: 'biztel' });
    const all = sim.socketLog.entries();
    const fromEarlier = await openStream({ 'last-event-id': String(sim.socketLog.lastId + 1000) });
    await fromEarlier.until((e) => e.event === 'socket' && e.id === String(all.at(-1)!.id));
    const cleared = fromEarlier.events.findIndex((e) => e.event === 'cleared');
    expect(cleared).toBeGreaterThanOrEqual(0);
    // Cleared first, then the whole log of this process.
    expect(fromEarlier.events.slice(cleared + 1).filter((e) => e.event === 'socket').map((e) => Number(e.id))).toEqual(all.map((e) => e.id));
  });

  it('the simulator log has the state, every call with its legs and the socket events', async () => {
    const client = await rawClient(sim.url);
    clients.push(client);
    await client.command('signIn', { loginId: 'agent03', password: 'biztel' });
    const { callId } = (await (await post('incoming-call', { from: null, agent: 'agent03' })).json()) as { callId: string };
    await client.event(callEvent(callId, 'ringing'));
    const report = (await (await fetch(new URL('/control/log', sim.url))).json()) as Record<string, unknown>;
    expect(report).toMatchObject({
      state: { version: '3.9.0' },
      calls: [{ callId, state: 'ringing', from: null, legs: [{ agent: 'agent03', state: 'ringing', role: 'main' }] }],
    });
    expect((report.socketEvents as { event: string }[]).map((e) => e.event)).toEqual(expect.arrayContaining(['connect', 'hello', 'signIn', 'ack:signIn', 'agentEvent']));
  });
});
