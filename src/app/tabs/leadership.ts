/**
 * One leader among the panels of one user: it alone holds the BIZTEL link. Web Locks when the browser
 * allows them (released by the browser when the tab goes); otherwise, when third-party storage is
 * blocked and locks are denied to the framed panel, an election over the tab channel: the leader
 * sends heartbeats; when they stop, the lowest panel id that claims the next term wins.
 */
import type { TabChannel } from './channel';

export interface Leadership {
  readonly isLeader: boolean;
  readonly mechanism: 'locks' | 'channel';
  onChange(listener: (isLeader: boolean) => void): () => void;
  /** Give leadership up (the tab is going away). */
  stop(): void;
}

export interface LeadershipTiming {
  heartbeatMs: number;
  /** No heartbeat for this long: the leader is gone. */
  leaderTimeoutMs: number;
  /** How long a claim waits for a lower claimant before taking office. */
  claimMs: number;
}

/**
 * claimMs is on every cold start of a panel whose browser denies it Web Locks (the agent waits for it
 * before the sign-in screen). A living leader answers a claim at once and two panels claiming
 * together hear each other within milliseconds over the BroadcastChannel, so 150 ms is ample.
 */
export const DEFAULT_LEADERSHIP_TIMING: LeadershipTiming = { heartbeatMs: 1000, leaderTimeoutMs: 3500, claimMs: 150 };

abstract class Base implements Leadership {
  private readonly listeners = new Set<(isLeader: boolean) => void>();
  protected leader = false;
  abstract readonly mechanism: 'locks' | 'channel';
  get isLeader(): boolean {
    return this.leader;
  }
  onChange(listener: (isLeader: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  protected set(isLeader: boolean): void {
    if (this.leader === isLeader) return;
    this.leader = isLeader;
    for (const listener of [...this.listeners]) listener(isLeader);
  }
  abstract stop(): void;
}

class LockLeadership extends Base {
  readonly mechanism = 'locks' as const;
  private release: (() => void) | null = null;
  private readonly abort = new AbortController();

  constructor(locks: LockManager, name: string) {
    super();
    locks
      .request(name, { mode: 'exclusive', signal: this.abort.signal }, () => {
        this.set(true);
        return new Promise<void>((resolve) => {
          this.release = resolve;
        });
      })
      .catch(() => {}); // aborted on stop
  }

  stop(): void {
    this.abort.abort();
    this.release?.();
    this.set(false);
  }
}

class ChannelLeadership extends Base {
  readonly mechanism = 'channel' as const;
  private term = 0;
  private lastHeartbeat = 0;
  private claiming: { term: number; lowest: string; timer: ReturnType<typeof setTimeout> } | null = null;
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private readonly off: () => void;

  constructor(
    private readonly channel: TabChannel,
    private readonly timing: LeadershipTiming,
    private readonly now: () => number,
  ) {
    super();
    this.off = channel.on((message) => {
      switch (message.type) {
        case 'leader':
          this.heardLeader(message.from, message.term);
          break;
        case 'claim':
          this.heardClaim(message.from, message.term);
          break;
        case 'resign':
          this.lastHeartbeat = 0;
          this.maybeClaim();
          break;
        default:
          break;
      }
    });
    this.timers.push(
      setInterval(() => {
        if (this.leader) channel.post({ type: 'leader', from: channel.panelId, term: this.term });
        else this.maybeClaim();
      }, timing.heartbeatMs),
    );
    // Claim at once: a living leader answers any claim at once, so this wins only when nobody leads,
    // and the first panel of an agent starts without waiting for a heartbeat timeout.
    setTimeout(() => this.maybeClaim(), 0);
  }

  private heardLeader(from: string, term: number): void {
    this.lastHeartbeat = this.now();
    this.term = Math.max(this.term, term);
    if (this.claiming) {
      clearTimeout(this.claiming.timer);
      this.claiming = null;
    }
    // Two leaders (a partition healed): the lower id keeps office.
    if (this.leader && from < this.channel.panelId) this.set(false);
  }

  private heardClaim(from: string, term: number): void {
    if (this.leader) {
      this.channel.post({ type: 'leader', from: this.channel.panelId, term: this.term }); // still here
      return;
    }
    if (this.claiming && term === this.claiming.term && from < this.claiming.lowest) this.claiming.lowest = from;
    this.term = Math.max(this.term, term - 1);
  }

  private maybeClaim(): void {
    if (this.leader || this.claiming) return;
    if (this.now() - this.lastHeartbeat < this.timing.leaderTimeoutMs) return;
    const term = this.term + 1;
    const self = this.channel.panelId;
    this.claiming = {
      term,
      lowest: self,
      timer: setTimeout(() => {
        const won = this.claiming?.lowest === self;
        this.claiming = null;
        if (won && this.now() - this.lastHeartbeat >= this.timing.leaderTimeoutMs) {
          this.term = term;
          this.set(true);
          this.channel.post({ type: 'leader', from: self, term });
        } else {
          this.lastHeartbeat = this.now(); // someone else takes it; wait for their heartbeat
        }
      }, this.timing.claimMs),
    };
    this.channel.post({ type: 'claim', from: self, term });
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    if (this.claiming) clearTimeout(this.claiming.timer);
    if (this.leader) this.channel.post({ type: 'resign', from: this.channel.panelId });
    this.off();
    this.set(false);
  }
}

/** Uses Web Locks when this frame may; falls back to the channel election. */
export async function electLeader(
  channel: TabChannel,
  lockName: string,
  timing: LeadershipTiming = DEFAULT_LEADERSHIP_TIMING,
  now: () => number = Date.now,
): Promise<Leadership> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks && (await locksAllowed(locks))) return new LockLeadership(locks, lockName);
  return new ChannelLeadership(channel, timing, now);
}

/** Browsers deny locks to frames without storage access (third-party storage blocked). */
async function locksAllowed(locks: LockManager): Promise<boolean> {
  try {
    await locks.query();
    return true;
  } catch {
    return false;
  }
}
