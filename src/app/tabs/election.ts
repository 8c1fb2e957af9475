/**
 * Who leads the agent's panels: one mechanism per browser. Web Locks where the framed panel may use
 * them (the browser releases the lock when the tab goes); where third-party storage is blocked and
 * locks are denied, one fallback over the tab channel: the leader's heartbeats keep it in office,
 * and when they stop the lowest panel id that bids for the next term wins.
 */
import type { TabMessage } from './messages';

export interface ElectionTiming {
  /** Every panel's heartbeat (presence, and the leader's proof of life). */
  beatMs: number;
  /** No heartbeat from the leader for this long: it is gone (fallback only). */
  leaderTimeoutMs: number;
  /** How long a bid waits for a lower bidder before taking office (fallback only). */
  claimMs: number;
}

/** claimMs is paid on the cold start of a panel whose browser denies it Web Locks. */
export const DEFAULT_TIMING: ElectionTiming = { beatMs: 1000, leaderTimeoutMs: 3500, claimMs: 150 };

/** What an election reports to its group. */
export interface ElectionEvents {
  /** This panel leads now. */
  elected(): void;
  /** Someone else leads: this panel follows (it may have led until now). */
  following(): void;
  /** Post a bid (fallback only). */
  post(message: Extract<TabMessage, { type: 'claim' }>): void;
  /** Post this panel's heartbeat now: a leader answers a bid at once (fallback only). */
  beatNow(): void;
}

export interface Election {
  readonly mechanism: 'locks' | 'channel';
  start(): void;
  /** Take office now, whoever leads (a follower that must sign in itself). */
  takeover(): Promise<void>;
  /** Heartbeats, bids and goodbyes of the other panels (the fallback listens; locks need none). */
  heard(message: TabMessage, leaderId: string | null): void;
  /** Called on every heartbeat tick. */
  tick(): void;
  /** The term this panel leads in (fallback), for its heartbeats. */
  readonly term: number;
  stop(): void;
}

export class LockElection implements Election {
  readonly mechanism = 'locks' as const;
  /** The highest term heard of; a panel that gets the lock leads in the next one. */
  private highest = 0;
  private currentTerm = 0;
  private release: (() => void) | null = null;
  private abort = new AbortController();
  private stopped = false;

  constructor(
    private readonly locks: LockManager,
    private readonly name: string,
    private readonly events: ElectionEvents,
  ) {}

  start(): void {
    // Ask first whether the lock is free, so a panel that follows knows it at once. (Browsers refuse an
    // abort signal together with ifAvailable or steal: those requests end by themselves.)
    this.locks
      .request(this.name, { ifAvailable: true }, (lock) => {
        if (lock) return this.hold();
        this.events.following();
        this.queue();
        return undefined;
      })
      .catch(() => this.lost(null));
  }

  /** Waits in line for the lock (the leader's tab closes, or it steps down). */
  private queue(): void {
    if (this.stopped) return;
    this.abort = new AbortController();
    const { signal } = this.abort;
    this.locks.request(this.name, { signal }, () => this.hold()).catch(() => this.lost(signal));
  }

  get term(): number {
    return this.currentTerm;
  }

  private hold(): Promise<void> {
    this.currentTerm = this.highest + 1;
    this.highest = this.currentTerm;
    this.events.elected();
    return new Promise<void>((resolve) => {
      this.release = resolve;
    });
  }

  /**
   * A request of ours ended in failure: when we aborted it ourselves (stop, or a takeover replacing the
   * wait) nothing happened; otherwise another panel stole the lock from us, and we follow it.
   */
  private lost(signal: AbortSignal | null): void {
    if (signal?.aborted || this.stopped) return;
    this.release = null;
    this.events.following();
    this.queue();
  }

  async takeover(): Promise<void> {
    this.abort.abort();
    this.abort = new AbortController();
    await new Promise<void>((granted, failed) => {
      this.locks
        .request(this.name, { steal: true }, () => {
          granted();
          return this.hold();
        })
        .catch((error: unknown) => {
          failed(error instanceof Error ? error : new Error(String(error)));
          this.lost(null);
        });
    });
  }

  heard(message: TabMessage): void {
    if (message.type === 'beat' || message.type === 'state' || message.type === 'claim') this.highest = Math.max(this.highest, message.term);
  }

  tick(): void {}

  stop(): void {
    this.stopped = true;
    this.abort.abort();
    this.release?.();
    this.release = null;
  }
}

export class ChannelElection implements Election {
  readonly mechanism = 'channel' as const;
  private currentTerm = 0;
  private leading = false;
  private lastLeaderBeat = Number.NEGATIVE_INFINITY;
  private bid: { term: number; lowest: string; timer: ReturnType<typeof setTimeout> } | null = null;

  constructor(
    private readonly self: string,
    private readonly timing: ElectionTiming,
    private readonly events: ElectionEvents,
    private readonly now: () => number = Date.now,
  ) {}

  get term(): number {
    return this.currentTerm;
  }

  // A living leader answers a bid at once (its group posts a heartbeat), so this wins only when
  // nobody leads, and the first panel of an agent starts without waiting for a heartbeat timeout.
  start(): void {
    this.maybeBid();
  }

  heard(message: TabMessage, leaderId: string | null): void {
    switch (message.type) {
      case 'beat':
        if (message.leader) this.heardLeader(message.from, message.term);
        break;
      case 'claim':
        if (message.takeover && message.term > this.currentTerm) {
          this.heardLeader(message.from, message.term);
          break;
        }
        if (this.leading) {
          this.events.beatNow(); // still here
          break;
        }
        if (this.bid && message.term === this.bid.term && message.from < this.bid.lowest) this.bid.lowest = message.from;
        this.currentTerm = Math.max(this.currentTerm, message.term - 1);
        break;
      case 'bye':
        // The leader left: bid now rather than after its heartbeats time out.
        if (message.from === leaderId) {
          this.lastLeaderBeat = Number.NEGATIVE_INFINITY;
          this.maybeBid();
        }
        break;
      default:
        break;
    }
  }

  private heardLeader(from: string, term: number): void {
    if (this.leading && (term < this.currentTerm || (term === this.currentTerm && from > this.self))) return; // ours is the office
    this.lastLeaderBeat = this.now();
    this.currentTerm = Math.max(this.currentTerm, term);
    this.cancelBid();
    if (this.leading) {
      // Two leaders (a partition healed, or a takeover): the newer term, then the lower id, keeps office.
      this.leading = false;
    }
    this.events.following();
  }

  tick(): void {
    if (!this.leading) this.maybeBid();
  }

  private maybeBid(): void {
    if (this.leading || this.bid) return;
    if (this.now() - this.lastLeaderBeat < this.timing.leaderTimeoutMs) return;
    const term = this.currentTerm + 1;
    this.bid = {
      term,
      lowest: this.self,
      timer: setTimeout(() => {
        const won = this.bid?.lowest === this.self;
        this.bid = null;
        if (won && this.now() - this.lastLeaderBeat >= this.timing.leaderTimeoutMs) this.take(term);
        else this.lastLeaderBeat = this.now(); // someone else takes it; wait for their heartbeat
      }, this.timing.claimMs),
    };
    this.events.post({ type: 'claim', from: this.self, term, takeover: false });
  }

  private take(term: number): void {
    this.currentTerm = term;
    this.leading = true;
    this.events.elected();
  }

  takeover(): Promise<void> {
    this.cancelBid();
    const term = this.currentTerm + 1;
    this.events.post({ type: 'claim', from: this.self, term, takeover: true });
    this.take(term);
    return Promise.resolve();
  }

  private cancelBid(): void {
    if (this.bid) clearTimeout(this.bid.timer);
    this.bid = null;
  }

  stop(): void {
    this.cancelBid();
    this.leading = false;
  }
}

/** Browsers deny locks to frames without storage access (third-party storage blocked). */
export async function locksAllowed(locks: LockManager | undefined): Promise<boolean> {
  if (!locks) return false;
  try {
    await locks.query();
    return true;
  } catch {
    return false;
  }
}
