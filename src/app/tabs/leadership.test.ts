import { afterEach, describe, expect, it } from 'vitest';
import { openTabChannel, type TabChannel } from './channel';
import { electLeader, type Leadership } from './leadership';

const timing = { heartbeatMs: 40, leaderTimeoutMs: 200, claimMs: 40 };
let name = 0;
const opened: { channel: TabChannel; leadership: Leadership }[] = [];

async function panel(channelName: string, id: string): Promise<Leadership> {
  const channel = openTabChannel(channelName, id, () => {});
  const leadership = await electLeader(channel, 'unused', timing);
  opened.push({ channel, leadership });
  return leadership;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const leaders = (...ls: Leadership[]) => ls.filter((l) => l.isLeader).length;

afterEach(() => {
  for (const { channel, leadership } of opened.splice(0)) {
    leadership.stop();
    channel.close();
  }
});

describe('leadership over the tab channel (when Web Locks are denied)', () => {
  it('uses the channel election where the platform has no Web Locks', async () => {
    expect((await panel(`t${++name}`, 'a')).mechanism).toBe('channel');
  });

  it('lets the first panel lead at once', async () => {
    const a = await panel(`t${++name}`, 'a');
    await wait(100);
    expect(a.isLeader).toBe(true);
  });

  it('keeps one leader when more panels join, whatever their ids', async () => {
    const n = `t${++name}`;
    const b = await panel(n, 'b');
    await wait(100);
    const a = await panel(n, 'a');
    const c = await panel(n, 'c');
    await wait(400);
    expect(b.isLeader).toBe(true);
    expect(leaders(a, b, c)).toBe(1);
  });

  it('elects exactly one leader among panels that start together', async () => {
    const n = `t${++name}`;
    const all = await Promise.all(['d', 'b', 'c', 'a'].map((id) => panel(n, id)));
    await wait(400);
    expect(leaders(...all)).toBe(1);
  });

  it('hands over promptly when the leader resigns (its tab closes)', async () => {
    const n = `t${++name}`;
    const a = await panel(n, 'a');
    await wait(100);
    const b = await panel(n, 'b');
    await wait(100);
    const changes: boolean[] = [];
    b.onChange((isLeader) => changes.push(isLeader));
    a.stop();
    await wait(150);
    expect(b.isLeader).toBe(true);
    expect(changes).toEqual([true]);
  });

  it('takes over when the leader goes silent (a crash), after the heartbeat timeout', async () => {
    const n = `t${++name}`;
    const a = await panel(n, 'a');
    await wait(100);
    const b = await panel(n, 'b');
    await wait(100);
    // A crashed tab: its channel closes without a word.
    const crashed = opened.find((o) => o.leadership === a)!;
    crashed.channel.close();
    await wait(timing.leaderTimeoutMs + timing.heartbeatMs * 2 + timing.claimMs + 50);
    expect(b.isLeader).toBe(true);
  });
});
