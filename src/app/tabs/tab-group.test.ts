import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INITIAL_SHARED, type SharedState } from '../store';
import { FakeLocks, TEST_TIMING, tabsForEachTest } from '../testing/tabs.test-support';
import type { GroupStatus, TabGroup } from './tab-group';

const tabs = tabsForEachTest();
const panel = (id: string, options?: { locks?: FakeLocks }) => tabs.panel(id, options);

const statuses = (...groups: TabGroup[]): GroupStatus[] => groups.map((g) => g.status);
const leaders = (...groups: TabGroup[]) => groups.filter((g) => g.status === 'leader').map((g) => g.panelId);


describe.each([
  ['the channel election (Web Locks denied)', (): { locks?: FakeLocks } => ({})],
  ['Web Locks', (): { locks?: FakeLocks } => ({ locks: new FakeLocks() })],
])('one leader among the agent’s panels: %s', (_name, options) => {
  let opts: { locks?: FakeLocks };
  beforeEach(() => {
    opts = options();
  });

  it('lets the first panel lead, and the later ones follow it', async () => {
    const a = panel('a', opts);
    await vi.advanceTimersByTimeAsync(TEST_TIMING.claimMs + 10);
    expect(a.status).toBe('leader');
    const b = panel('b', opts);
    const c = panel('0-lowest', opts);
    await vi.advanceTimersByTimeAsync(TEST_TIMING.beatMs * 3);
    expect(statuses(a, b, c)).toEqual(['leader', 'follower', 'follower']);
    expect([b.leaderId, c.leaderId]).toEqual(['a', 'a']);
  });

  it('hands leadership on when the leader’s tab closes, within a heartbeat', async () => {
    const a = panel('a', opts);
    await vi.advanceTimersByTimeAsync(TEST_TIMING.claimMs + 10);
    const b = panel('b', opts);
    const c = panel('c', opts);
    await vi.advanceTimersByTimeAsync(TEST_TIMING.beatMs);
    a.close();
    await vi.advanceTimersByTimeAsync(TEST_TIMING.claimMs + TEST_TIMING.beatMs);
    expect(leaders(b, c)).toHaveLength(1);
    const leader = leaders(b, c)[0];
    expect([b.leaderId, c.leaderId]).toEqual([leader, leader]);
  });

  it('lets a follower take the leadership at once (to sign in itself); the old leader follows', async () => {
    const a = panel('a', opts);
    await vi.advanceTimersByTimeAsync(TEST_TIMING.claimMs + 10);
    const b = panel('b', opts);
    await vi.advanceTimersByTimeAsync(TEST_TIMING.beatMs);
    await b.takeLead();
    await vi.advanceTimersByTimeAsync(TEST_TIMING.beatMs);
    expect(statuses(a, b)).toEqual(['follower', 'leader']);
    expect(a.leaderId).toBe('b');
    await vi.advanceTimersByTimeAsync(TEST_TIMING.leaderTimeoutMs * 3);
    expect(statuses(a, b)).toEqual(['follower', 'leader']); // and it stays so
  });
});

describe('the channel election without locks', () => {
  it('replaces a leader that went silent (its tab crashed) after the heartbeat timeout, not before', async () => {
    panel('a');
    await vi.advanceTimersByTimeAsync(TEST_TIMING.claimMs + 10);
    const b = panel('b');
    await vi.advanceTimersByTimeAsync(TEST_TIMING.beatMs);
    tabs.hub.connected = false; // a's messages no longer arrive: as if its tab died
    await vi.advanceTimersByTimeAsync(TEST_TIMING.leaderTimeoutMs - TEST_TIMING.beatMs);
    expect(b.status).toBe('follower');
    await vi.advanceTimersByTimeAsync(TEST_TIMING.beatMs * 2 + TEST_TIMING.claimMs);
    expect(b.status).toBe('leader');
  });

  it('ends with one leader when two panels claim together, and after a partition heals', async () => {
    const a = panel('a');
    const b = panel('b');
    await vi.advanceTimersByTimeAsync(TEST_TIMING.claimMs + TEST_TIMING.beatMs);
    expect(leaders(a, b)).toEqual(['a']);
    tabs.hub.connected = false;
    await vi.advanceTimersByTimeAsync(TEST_TIMING.leaderTimeoutMs * 2);
    expect(leaders(a, b)).toEqual(['a', 'b']); // each alone thinks it leads
    tabs.hub.heal();
    await vi.advanceTimersByTimeAsync(TEST_TIMING.beatMs * 2);
    expect(leaders(a, b)).toHaveLength(1);
  });
});

describe('the leader’s state, and who may send it', () => {
  const state = (pending: number): SharedState => ({ ...INITIAL_SHARED, logs: { pending, refused: [], durable: true } });

  async function pair() {
    const a = panel('a');
    await vi.advanceTimersByTimeAsync(TEST_TIMING.claimMs + 10);
    const b = panel('b');
    const heard: SharedState[] = [];
    const refused: string[] = [];
    const unreadable: string[] = [];
    b.on('state', (s) => heard.push(s));
    b.on('refused', (r) => refused.push(r));
    b.on('unreadable', (r) => unreadable.push(r));
    await vi.advanceTimersByTimeAsync(TEST_TIMING.beatMs);
    return { a, b, heard, refused, unreadable };
  }

  it('sends the state to a newcomer and after each change, coalesced, parsed by the follower', async () => {
    const { a, heard } = await pair();
    a.publish(state(1));
    a.publish(state(2)); // same turn: one message
    await vi.advanceTimersByTimeAsync(0);
    expect(heard.map((s) => s.logs.pending)).toEqual([2]);
    const c = panel('c');
    const late: SharedState[] = [];
    c.on('state', (s) => late.push(s));
    await vi.advanceTimersByTimeAsync(TEST_TIMING.beatMs);
    expect(late.map((s) => s.logs.pending)).toEqual([2]);
  });

  it('refuses state from a panel that does not lead, and says when the leader’s state cannot be read', async () => {
    const { heard, refused, unreadable } = await pair();
    tabs.hub.inject('group', { type: 'state', from: 'intruder', term: 99, seq: 1, state: state(7) });
    tabs.hub.inject('group', { type: 'state', from: 'a', term: 1, seq: 50, state: { ...state(3), calls: 'not calls' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(heard).toEqual([]);
    expect(refused).toEqual([expect.stringContaining('does not lead')]);
    expect(unreadable).toHaveLength(1);
  });

  it('takes a session handover from the leader only, and drops malformed messages with a reason', async () => {
    const { b, refused } = await pair();
    const handovers: unknown[] = [];
    b.on('handover', (h) => handovers.push(h));
    tabs.hub.inject('group', { type: 'handover', from: 'intruder', to: null, resume: { token: 'x'.repeat(20), lastSeq: 1 } });
    tabs.hub.inject('group', { type: 'beat', from: 'a', leader: 'yes' });
    tabs.hub.inject('group', { type: 'handover', from: 'a', to: null, resume: { token: 't'.repeat(20), lastSeq: 4 } });
    await vi.advanceTimersByTimeAsync(0);
    expect(handovers).toEqual([{ token: 't'.repeat(20), lastSeq: 4 }]);
    expect(refused).toHaveLength(2);
  });

  it('never puts a session token in a state message', async () => {
    const { a } = await pair();
    a.publish(state(1));
    a.handOver({ token: 'secret-token-0123456789', lastSeq: 3 });
    await vi.advanceTimersByTimeAsync(0);
    const states = tabs.hub.posted.filter((p) => p.message.type === 'state');
    expect(states.length).toBeGreaterThan(0);
    expect(JSON.stringify(states)).not.toContain('secret-token');
  });
});

describe('requests between panels', () => {
  it('answers a member of the group, refuses a page that never beat, and times out when nobody answers', async () => {
    const a = panel('a');
    await vi.advanceTimersByTimeAsync(TEST_TIMING.claimMs + 10);
    const b = panel('b');
    await vi.advanceTimersByTimeAsync(TEST_TIMING.beatMs);
    a.handle('echo', (args, from) => Promise.resolve({ args, from }));
    await expect(b.request('a', 'echo', { n: 1 }, 1000)).resolves.toEqual({ args: { n: 1 }, from: 'b' });
    await expect(b.request('a', 'missing', {}, 1000)).rejects.toThrow(/No handler/);

    const replies: unknown[] = [];
    const stranger = tabs.hub.transport('group');
    stranger.onMessage((data) => replies.push(data));
    stranger.post({ type: 'request', from: 'stranger', to: 'a', requestId: 'r1', method: 'echo', args: {} });
    await vi.advanceTimersByTimeAsync(0);
    expect(replies).toContainEqual(expect.objectContaining({ type: 'reply', to: 'stranger', ok: false }));

    const slow = b.request('nobody', 'echo', {}, 500);
    const outcome = expect(slow).rejects.toThrow(/no answer/);
    await vi.advanceTimersByTimeAsync(500);
    await outcome;
  });
});

describe('where the agent is', () => {
  it('picks the visible panel, then the one used last; itself when no other is better; forgets silent ones', async () => {
    const a = panel('a');
    await vi.advanceTimersByTimeAsync(TEST_TIMING.claimMs + 10);
    const b = panel('b');
    const c = panel('c');
    a.setPresence(false, 100);
    b.setPresence(true, 50);
    c.setPresence(true, 90);
    await vi.advanceTimersByTimeAsync(0);
    expect(a.bestPanel()).toBe('c');
    c.setPresence(false, 200);
    await vi.advanceTimersByTimeAsync(0);
    expect(a.bestPanel()).toBe('b');
    b.close();
    c.close();
    await vi.advanceTimersByTimeAsync(0);
    expect(a.bestPanel()).toBe('a');
  });
});
