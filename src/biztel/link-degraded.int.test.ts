/**
 * The "degraded" link state against the real simulator: connected, but over long-polling only (a
 * proxy blocks WebSocket), or answering late, or not caught up after a reconnect. Each must show as
 * degraded with its reason, and go back to ready once the cause is gone.
 */
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../protocol';
import { BiztelLink, type LinkOptions, type LinkStatus } from './link';
import { callIn, nextEvent, simHarness } from './sim-harness.test-support';

const h = simHarness();
afterEach(() => {
  vi.useRealTimers();
});

/** A link of our own (options the harness does not set), connected; its status changes are recorded. */
async function connect(options: LinkOptions = {}): Promise<{ link: BiztelLink; statuses: { status: LinkStatus; error?: string }[] }> {
  const link = h.track(new BiztelLink(h.sim.url, options));
  const statuses: { status: LinkStatus; error?: string }[] = [];
  link.on('status', (s) => statuses.push(s));
  const hello = new Promise<void>((resolve) => link.on('hello', () => resolve()));
  link.connect();
  await hello;
  return { link, statuses };
}

const untilStatus = (link: BiztelLink, test: (s: { status: LinkStatus; error?: string }) => boolean, timeoutMs = 5000) =>
  new Promise<{ status: LinkStatus; error?: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`status still ${link.status}`)), timeoutMs);
    const off = link.on('status', (s) => {
      if (!test(s)) return;
      clearTimeout(timer);
      off();
      resolve(s);
    });
  });

describe('the degraded link state', () => {
  it('is degraded ("polling") when only long-polling gets through, and works all the same', async () => {
    const { link } = await connect({ socketFactory: (url) => io(url, { transports: ['polling'] }) });
    await expect.poll(() => link.status).toBe('degraded');
    const signedIn = await link.signIn('agent01', 'biztel');
    expect(signedIn.ok).toBe(true);
    const ringing = nextEvent(link, callIn('ringing'));
    const { callId } = h.sim.pbx.incomingCall({ from: '03-5555-0101', agent: 'agent01' });
    await ringing;
    expect((await link.command('answer', { callId })).ok).toBe(true);
    expect(link.status).toBe('degraded');
  });

  it('is ready over WebSocket (the same server, the default transports), and still so after its transport re-check', async () => {
    // Fake clock that also runs on its own, so the sockets work; advanced past the link's 3 s re-check.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    const { link, statuses } = await connect();
    expect(link.status).toBe('ready');
    await vi.advanceTimersByTimeAsync(3100);
    expect(link.status).toBe('ready');
    expect(statuses.filter((s) => s.status === 'degraded')).toEqual([]);
  });

  it('is degraded ("timeouts") while the server answers late, and ready again once it answers in time', async () => {
    const { link, statuses } = await connect({ ackTimeoutMs: 300 });
    expect((await link.signIn('agent01', 'biztel')).ok).toBe(true);
    h.sim.pbx.config.answerDelayMs = 600;
    expect(await link.command('setStatus', { statusId: 'break' })).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    expect(link.status).toBe('degraded');
    expect(statuses.at(-1)).toEqual({ status: 'degraded', error: 'timeouts' });
    h.sim.pbx.config.answerDelayMs = 0;
    expect((await link.command('setStatus', { statusId: 'ready' })).ok).toBe(true);
    expect(link.status).toBe('ready');
  });

  it('is degraded ("resync") when catching up after a reconnect fails, refuses commands meanwhile, and retries until it is caught up', async () => {
    const { link } = await connect({ ackTimeoutMs: 300 });
    expect((await link.signIn('agent01', 'biztel')).ok).toBe(true);
    h.sim.pbx.config.answerDelayMs = 600; // the resume after the reconnect will time out
    const degraded = untilStatus(link, (s) => s.status === 'degraded' && (s.error ?? '').split(',').includes('resync'));
    h.sim.pbx.setVersion('3.9.0'); // a restart: the transport drops, the link reconnects and resumes
    await degraded;
    expect(await link.command('setStatus', { statusId: 'break' })).toMatchObject({ ok: false, error: { code: 'OFFLINE', message: expect.stringMatching(/Catching up/) as unknown } });
    // A call comes in while the panel is not caught up; the retry brings it.
    const { callId } = h.sim.pbx.incomingCall({ from: '03-5555-0101', agent: 'agent01' });
    h.sim.pbx.config.answerDelayMs = 0;
    const session = await new Promise<Session>((resolve) => link.on('session', resolve));
    expect(session.calls.map((c) => c.callId)).toContain(callId);
    await expect.poll(() => link.status).toBe('ready');
    expect((await link.command('answer', { callId })).ok).toBe(true);
  });
});
