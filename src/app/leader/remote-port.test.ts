import { describe, expect, it, vi } from 'vitest';
import type { CommandResult } from '../../biztel/link';
import { makeCall } from '../../protocol/fixtures';
import { delivered as settled, tabsForEachTest } from '../testing/tabs.test-support';
import type { CallChange, CommandPort } from './port';
import { serveFollowers } from './follower-port';
import { RemotePort } from './remote-port';

const tabs = tabsForEachTest();

/** The leader's port as a follower's requests reach it: what it was asked. */
function leaderPort(answer: CommandResult<unknown> = { ok: true, data: makeCall({ state: 'connected' }) }) {
  const asked: unknown[] = [];
  const port: CommandPort = {
    signOut: () => Promise.resolve({ ok: true, data: {} }),
    command: (name, request) => {
      asked.push({ name, request });
      return Promise.resolve(answer as never);
    },
    updateCall: (callId: string, change: CallChange) => asked.push({ callId, change }),
    expectPlacedCall: (context) => asked.push({ context }),
    checkSalesforce: () => Promise.resolve(true),
    recentCalls: () => Promise.resolve([{ callId: '1', direction: 'inbound', number: '0355550101', startedAt: 1, durationSeconds: 3, endReason: 'completed' }]),
  };
  return { port, asked };
}

async function pair(answer?: CommandResult<unknown>) {
  const [leader, follower] = await tabs.leaderAndFollower();
  const { port, asked } = leaderPort(answer);
  serveFollowers(leader, () => port);
  return { leader, follower, remote: new RemotePort(follower), asked };
}


describe('a follower’s commands through the leader', () => {
  it('carries a command there and its checked answer back', async () => {
    const { remote, asked } = await pair();
    const result = await settled(remote.command('answer', { callId: 'BZ1' }));
    expect(result).toMatchObject({ ok: true, data: { callId: makeCall().callId, state: 'connected' } });
    expect(asked).toEqual([{ name: 'answer', request: { callId: 'BZ1' } }]);
  });

  it('refuses a command of the wrong shape at the leader, before it reaches the link', async () => {
    const { follower, asked } = await pair();
    const raw = await settled(follower.request('leader', 'port', { op: 'command', name: 'dial', request: { number: 42 } }, 1000));
    expect(raw).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const noSuchOp = await settled(follower.request('leader', 'port', { op: 'signIn', loginId: 'a', password: 'b' }, 1000));
    expect(noSuchOp).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } }); // the password never crosses
    expect(asked).toEqual([]);
  });

  it('checks the length of what the agent typed, at the leader', async () => {
    const { follower, remote, asked } = await pair();
    remote.updateCall('BZ1', { disposition: 'Resolved' });
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toEqual([{ callId: 'BZ1', change: { disposition: 'Resolved' } }]);
    const tooLong = await settled(follower.request('leader', 'port', { op: 'updateCall', callId: 'BZ1', disposition: 'x'.repeat(256) }, 1000));
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('answers an answer it does not understand as BAD_RESPONSE, and an unknown error code as such too', async () => {
    const bad = await pair({ ok: true, data: { not: 'a call' } });
    expect(await settled(bad.remote.command('answer', { callId: 'BZ1' }))).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE' } });
    tabs.closeAll();
    const odd = await pair({ ok: false, error: { code: 'SOMETHING_NEW' as never, message: 'new server' } });
    expect(await settled(odd.remote.command('answer', { callId: 'BZ1' }))).toEqual({ ok: false, error: { code: 'BAD_RESPONSE', message: 'new server' } });
  });

  it('brings the recent calls as data: the session token stays with the leader', async () => {
    const { remote } = await pair();
    expect(await settled(remote.recentCalls())).toEqual([expect.objectContaining({ callId: '1', number: '0355550101' })]);
    expect(JSON.stringify(tabs.hub.posted)).not.toMatch(/token/i);
  });

  it('says plainly that nobody holds the link when no leader is known, and when the leader does not answer', async () => {
    const alone = tabs.panel('alone', { channel: 'other' });
    expect(await new RemotePort(alone).command('answer', { callId: 'BZ1' })).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    const { remote, leader } = await pair();
    leader.handle('port', () => new Promise(() => {})); // it never answers
    const pending = remote.command('answer', { callId: 'BZ1' });
    await vi.advanceTimersByTimeAsync(12_000);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
  });
});
