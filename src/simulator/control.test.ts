import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from './server';
import { callEvent, rawClient, type RawClient } from './raw-client.test-support';

let sim: RunningSimulator;
const clients: RawClient[] = [];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, timing: { recordingDelayMs: 20 } });
});
afterAll(() => sim.close());
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
  sim.pbx.reset();
});

async function control(path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const init: RequestInit = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const response = await fetch(new URL(`/control/${path}`, sim.url), init);
  return { status: response.status, json: await response.json() };
}

async function signedIn(loginId: string): Promise<{ client: RawClient; token: string }> {
  const client = await rawClient(sim.url);
  clients.push(client);
  const answer = await client.command('signIn', { loginId, password: 'biztel' });
  if (!answer.ok) throw new Error(answer.error?.message);
  return { client, token: (answer.data as { token: string }).token };
}

const incoming = async (agent: string, from: string | null = '03-5555-0101') => (await control('incoming-call', { from, agent })).json as { callId: string };

describe('restart through the control API', () => {
  it('drops every socket and forgets every session; live calls end as failed; panels that come back sign in again', async () => {
    const a = await signedIn('agent01');
    const b = await signedIn('agent02');
    const talking = await incoming('agent01');
    await a.client.event(callEvent(talking.callId, 'ringing'));
    expect(await a.client.command('answer', { callId: talking.callId })).toMatchObject({ ok: true });
    const ringing = await incoming('agent02');
    await b.client.event(callEvent(ringing.callId, 'ringing'));
    const told: unknown[] = [];
    for (const { client } of [a, b]) client.socket.on('sessionEnded', (e: unknown) => told.push(e));
    const eventsBefore = [a.client.events.length, b.client.events.length];
    const back = [a.client.hello(), b.client.hello()];

    expect(await control('restart', {})).toEqual({ status: 200, json: { ok: true } });
    await Promise.all(back); // each socket dropped and connected again
    for (const { client } of [a, b]) expect(client.drops).toEqual(['transport close']);
    expect([a.client.events.length, b.client.events.length]).toEqual(eventsBefore);
    expect(told).toEqual([]);
    expect(await a.client.command('resume', { token: a.token, lastSeq: 0 })).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
    expect(await b.client.command('setStatus', { statusId: 'break' })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect((await control('calls')).json).toEqual([
      expect.objectContaining({ callId: talking.callId, state: 'ended' }),
      expect.objectContaining({ callId: ringing.callId, state: 'ended' }),
    ]);

    const again = await a.client.command('signIn', { loginId: 'agent01', password: 'biztel' });
    expect(again).toMatchObject({ ok: true, data: { calls: [{ callId: talking.callId, state: 'ended', endReason: 'failed' }] } });
    const next = await incoming('agent01');
    expect(await a.client.event(callEvent(next.callId, 'ringing'))).toMatchObject({ callId: next.callId });
    expect(BigInt(next.callId)).toBeGreaterThan(BigInt(ringing.callId));
  });
});

describe('quirks through the control API', () => {
  const SIP = `sip:+81355550101@${'a'.repeat(975)}.example`;
  const RTSP = `rtsp://media.example/${'r'.repeat(9_979)}`;

  it('arms the next call: its raw caller ID, recording link and extra fields arrive on the socket unchecked', async () => {
    const { client } = await signedIn('agent01');
    expect(SIP).toHaveLength(1_000);
    expect(RTSP).toHaveLength(10_000);
    const quirks = { from: SIP, recordingUrl: RTSP, extra: { vendorFlags: ['x'], priority: 9 } };
    expect((await control('next-call-quirks', quirks)).status).toBe(200);
    expect(((await control('state')).json as { nextCallQuirks: unknown }).nextCallQuirks).toEqual(quirks);

    const odd = await incoming('agent01');
    expect(await client.event(callEvent(odd.callId, 'ringing'))).toMatchObject({ from: SIP, vendorFlags: ['x'], priority: 9, recordingUrl: null });
    expect(await client.command('answer', { callId: odd.callId })).toMatchObject({ ok: true, data: { from: SIP, priority: 9 } });
    await control(`calls/${odd.callId}/remote-hangup`, {});
    const recorded = await client.event((e) => (callEvent(odd.callId, 'ended')(e)?.recordingUrl ? callEvent(odd.callId)(e) : undefined));
    expect(recorded).toMatchObject({ recordingUrl: RTSP, from: SIP, vendorFlags: ['x'] });
    expect(((await control('state')).json as { nextCallQuirks: unknown }).nextCallQuirks).toBeNull();

    const plain = await incoming('agent01');
    const ring = await client.event(callEvent(plain.callId, 'ringing'));
    expect(ring).toMatchObject({ from: '03-5555-0101' });
    expect(Object.keys(ring)).not.toContain('vendorFlags');
  });

  it.each([
    ['a caller ID over 1,000 characters', { from: 'x'.repeat(1_001) }],
    ['a recording link over 10,000 characters', { recordingUrl: 'x'.repeat(10_001) }],
    ['extra that is not an object', { extra: [1] }],
    ['extra that sets a field calls have', { extra: { state: 'connected' } }],
  ])('refuses %s, and arms nothing', async (_what, quirks) => {
    const refused = await control('next-call-quirks', quirks);
    expect(refused).toMatchObject({ status: 400, json: { error: { code: 'BAD_REQUEST' } } });
    expect(((await control('state')).json as { nextCallQuirks: unknown }).nextCallQuirks).toBeNull();
  });
});
