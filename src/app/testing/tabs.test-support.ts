/**
 * Test support for the agent's panels: an in-memory tab channel (delivered a turn later, as a
 * BroadcastChannel does, and never back to its sender), a Web Locks manager with the browser's
 * semantics the panel relies on (queueing, ifAvailable, steal), and groups made on them.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { ChannelElection, DEFAULT_TIMING, LockElection, TabGroup, type ChannelTransport, type ElectionTiming, type TabMessage } from '../tabs';

export class TabHub {
  private readonly members = new Map<string, Set<(data: unknown) => void>>();
  /** Every message posted, in order: what a test can read of the channel. */
  readonly posted: { channel: string; message: TabMessage }[] = [];
  /** While false, messages are held (a partition); `heal` delivers them. */
  connected = true;
  private held: (() => void)[] = [];

  transport(name: string): ChannelTransport {
    let listener: ((data: unknown) => void) | null = null;
    const receive = (data: unknown) => listener?.(data);
    const set = this.members.get(name) ?? new Set();
    this.members.set(name, set);
    set.add(receive);
    return {
      post: (message) => {
        this.posted.push({ channel: name, message });
        // A structured clone, as the browser makes: the receiver never shares the sender's objects.
        const copy: unknown = structuredClone(message);
        for (const other of set) {
          if (other === receive) continue;
          const deliver = () => queueMicrotask(() => other(copy));
          if (this.connected) deliver();
          else this.held.push(deliver);
        }
      },
      onMessage: (l) => {
        listener = l;
      },
      close: () => {
        set.delete(receive);
        listener = null;
      },
    };
  }

  /** A page of the same origin that is not a panel: posts anything on the channel. */
  inject(name: string, data: unknown): void {
    for (const member of this.members.get(name) ?? []) queueMicrotask(() => member(data));
  }

  heal(): void {
    this.connected = true;
    for (const deliver of this.held.splice(0)) deliver();
  }
}

interface Waiter {
  grant: () => void;
}

/** Web Locks as the browser grants them: one holder per name, a queue, ifAvailable and steal. */
export class FakeLocks {
  private readonly held = new Map<string, { abort: (error: Error) => void; release: () => void }>();
  private readonly queues = new Map<string, Waiter[]>();

  query(): Promise<LockManagerSnapshot> {
    return Promise.resolve({ held: [], pending: [] });
  }

  request(name: string, options: LockOptions, callback: LockGrantedCallback<unknown>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const run = () => {
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          if (this.held.get(name)?.release === release) this.held.delete(name);
          this.next(name);
        };
        this.held.set(name, { release, abort: (error) => reject(error) });
        Promise.resolve(callback({ name, mode: 'exclusive' })).then(
          (value) => {
            release();
            resolve(value);
          },
          (error: unknown) => {
            release();
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      };
      if (options.steal) {
        const holder = this.held.get(name);
        this.held.delete(name);
        holder?.abort(new DOMException('The lock was stolen', 'AbortError'));
        run();
        return;
      }
      if (!this.held.has(name)) {
        run();
        return;
      }
      if (options.ifAvailable) {
        Promise.resolve(callback(null)).then(resolve, reject);
        return;
      }
      const waiter: Waiter = { grant: run };
      const queue = this.queues.get(name) ?? [];
      queue.push(waiter);
      this.queues.set(name, queue);
      options.signal?.addEventListener('abort', () => {
        const q = this.queues.get(name) ?? [];
        const index = q.indexOf(waiter);
        if (index >= 0) q.splice(index, 1);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  }

  private next(name: string): void {
    if (this.held.has(name)) return;
    this.queues.get(name)?.shift()?.grant();
  }
}

export const TEST_TIMING: ElectionTiming = { ...DEFAULT_TIMING, beatMs: 100, leaderTimeoutMs: 350, claimMs: 30 };

/** A panel's group on the hub, with Web Locks (`locks`) or the channel election (none). */
export function groupOn(hub: TabHub, panelId: string, options: { locks?: FakeLocks; channel?: string; timing?: ElectionTiming } = {}): TabGroup {
  const channel = options.channel ?? 'group';
  const { locks } = options;
  return new TabGroup({
    transport: hub.transport(channel),
    panelId,
    election: (events, timing) => (locks ? new LockElection(locks as unknown as LockManager, `${channel}:leader`, events) : new ChannelElection(panelId, timing, events)),
    timing: options.timing ?? TEST_TIMING,
  });
}

/**
 * A test file's panels on a fresh hub for each test, on a fake clock: `panel` starts one, `leaderAndFollower`
 * starts two with the first elected; every group is closed after the test.
 */
export function tabsForEachTest() {
  let hub = new TabHub();
  const open: TabGroup[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    hub = new TabHub();
  });
  afterEach(() => {
    for (const group of open.splice(0)) group.close();
    vi.useRealTimers();
  });
  const tabs = {
    get hub() {
      return hub;
    },
    /** A started panel's group. */
    panel(id: string, options: Parameters<typeof groupOn>[2] = {}): TabGroup {
      const group = groupOn(hub, id, options);
      open.push(group);
      group.start();
      return group;
    },
    /** Two panels: the first elected leader, the second following it. */
    async leaderAndFollower(leaderId = 'leader', followerId = 'follower'): Promise<[TabGroup, TabGroup]> {
      const leader = tabs.panel(leaderId);
      await vi.advanceTimersByTimeAsync(TEST_TIMING.claimMs + 10);
      const follower = tabs.panel(followerId);
      await vi.advanceTimersByTimeAsync(TEST_TIMING.beatMs);
      return [leader, follower];
    },
    closeAll(): void {
      for (const group of open.splice(0)) group.close();
    },
  };
  return tabs;
}

/** Lets the fake clock deliver the channel's messages, then gives `work`'s outcome. */
export async function delivered<T>(work: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(0);
  return work;
}
