/**
 * The agent's panels as one group: the one owner of the tab channel, the election, the heartbeat that
 * carries each panel's presence, the leader's shared state, the session handover and the requests
 * between panels. Its status changes only through `dispatch`, and its news goes out as events.
 *
 * Secrets stay put: the password never crosses the channel (a follower that must sign in takes the
 * leadership and signs in itself) and the session token crosses only in a handover, never in state.
 */
import { Emitter } from '../../biztel/emitter';
import { issuesText } from '../../protocol';
import { sharedStateSchema, type SharedState } from '../store';
import { DEFAULT_TIMING, type Election, type ElectionEvents, type ElectionTiming } from './election';
import { tabMessageSchema, type ChannelTransport, type ResumeInfo, type TabMessage } from './messages';
import { TabRpc } from './rpc';

export type GroupStatus = 'electing' | 'leader' | 'follower' | 'closed';

export interface GroupEvents {
  status: GroupStatus;
  /** The elected leader's shared state, parsed (followers only). */
  state: SharedState;
  /** The leader handed its BIZTEL session over. */
  handover: ResumeInfo;
  /** A message was refused: its shape, or a sender not allowed to say it. */
  refused: string;
  /** The leader's state could not be read: this panel cannot show the truth until it reloads. */
  unreadable: string;
}

type GroupAction =
  | { type: 'elected' }
  | { type: 'following' }
  | { type: 'message'; data: unknown }
  | { type: 'tick' }
  | { type: 'close' };

interface Member {
  visible: boolean;
  activeAt: number;
  seenAt: number;
}

export interface TabGroupOptions {
  transport: ChannelTransport;
  panelId: string;
  /** Makes the election (locks or the channel fallback) reporting to this group. */
  election: (events: ElectionEvents, timing: ElectionTiming) => Election;
  timing?: ElectionTiming;
  now?: () => number;
}

/** A panel not heard from for this many heartbeats is gone (its tab closed without saying bye). */
const STALE_BEATS = 5;

export class TabGroup {
  readonly panelId: string;
  private current: GroupStatus = 'electing';
  private leader: { id: string; term: number } | null = null;
  private readonly members = new Map<string, Member>();
  private presence = { visible: true, activeAt: 0 };
  private readonly emitter = new Emitter<GroupEvents>();
  private readonly election: Election;
  private readonly timing: ElectionTiming;
  private readonly now: () => number;
  private readonly rpc: TabRpc;
  private readonly transport: ChannelTransport;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  /** The leader's side: the state to share (posted coalesced, and again to each newcomer). */
  private shared: { state: SharedState; seq: number; queued: boolean } | null = null;
  /** The follower's side: the last state sequence applied from the current leader. */
  private appliedSeq = -1;

  constructor(options: TabGroupOptions) {
    this.panelId = options.panelId;
    this.transport = options.transport;
    this.timing = options.timing ?? DEFAULT_TIMING;
    this.now = options.now ?? Date.now;
    this.election = options.election(
      {
        elected: () => this.dispatch({ type: 'elected' }),
        following: () => this.dispatch({ type: 'following' }),
        post: (message) => this.transport.post(message),
        beatNow: () => this.beat(),
      },
      this.timing,
    );
    this.rpc = new TabRpc(this.panelId, (message) => this.transport.post(message), (from) => this.isMember(from));
  }

  get status(): GroupStatus {
    return this.current;
  }

  get leaderId(): string | null {
    return this.current === 'leader' ? this.panelId : (this.leader?.id ?? null);
  }

  on<K extends keyof GroupEvents>(name: K, listener: (value: GroupEvents[K]) => void): () => void {
    return this.emitter.on(name, listener);
  }

  start(): void {
    this.transport.onMessage((data) => this.dispatch({ type: 'message', data }));
    this.heartbeat = setInterval(() => this.dispatch({ type: 'tick' }), this.timing.beatMs);
    this.beat(); // the leader hears of this panel at once, and sends it the state
    this.election.start();
  }

  /** The only way the group's status changes. */
  dispatch(action: GroupAction): void {
    if (this.current === 'closed') return;
    switch (action.type) {
      case 'elected':
        this.leader = { id: this.panelId, term: this.election.term };
        this.setStatus('leader');
        this.beat();
        break;
      case 'following':
        if (this.leader?.id === this.panelId) this.leader = null;
        this.shared = null;
        this.appliedSeq = -1;
        this.setStatus('follower');
        break;
      case 'message':
        this.receive(action.data);
        break;
      case 'tick':
        this.beat();
        this.election.tick();
        this.forgetStale();
        break;
      case 'close':
        this.transport.post({ type: 'bye', from: this.panelId });
        clearInterval(this.heartbeat);
        this.election.stop();
        this.rpc.close();
        this.setStatus('closed');
        this.emitter.clear();
        this.transport.close();
        break;
    }
  }

  private setStatus(status: GroupStatus): void {
    if (status === this.current) return;
    this.current = status;
    this.emitter.emit('status', status);
  }

  private beat(): void {
    this.transport.post({ type: 'beat', from: this.panelId, leader: this.current === 'leader', term: this.election.term, ...this.presence });
  }

  private receive(data: unknown): void {
    const parsed = tabMessageSchema.safeParse(data);
    if (!parsed.success) {
      this.emitter.emit('refused', issuesText(parsed.error).slice(0, 300));
      return;
    }
    const message = parsed.data;
    if (message.from === this.panelId) return;
    this.election.heard(message, this.leader?.id ?? null);
    switch (message.type) {
      case 'beat':
        this.heardBeat(message);
        break;
      case 'bye':
        this.members.delete(message.from);
        if (this.leader?.id === message.from) this.leader = null;
        break;
      case 'state':
        this.heardState(message);
        break;
      case 'handover':
        // Only the leader (or the one that just was) may hand a session over, and only to us or anyone.
        if (message.from !== this.leader?.id || (message.to !== null && message.to !== this.panelId)) {
          this.emitter.emit('refused', `handover from ${message.from.slice(0, 20)}, which does not lead`);
          return;
        }
        this.emitter.emit('handover', message.resume);
        break;
      case 'request':
      case 'reply':
        this.rpc.receive(message, (reason) => this.emitter.emit('refused', reason));
        break;
      case 'claim':
        break;
    }
  }

  private heardBeat(message: Extract<TabMessage, { type: 'beat' }>): void {
    const known = this.members.has(message.from);
    this.members.set(message.from, { visible: message.visible, activeAt: message.activeAt, seenAt: this.now() });
    if (message.leader) {
      const leader = this.leader;
      // The newer term leads; in one term, the lower id (two leaders for a moment after a partition).
      if (this.current !== 'leader' && (!leader || message.term > leader.term || (message.term === leader.term && message.from <= leader.id))) {
        if (leader?.id !== message.from) this.appliedSeq = -1;
        this.leader = { id: message.from, term: message.term };
      }
    } else if (this.leader?.id === message.from) {
      this.leader = null; // it stepped down; the next leader's heartbeat names it
    }
    // A newcomer: it learns who leads (this heartbeat comes before the state it is sent) and gets the state.
    if (!known && this.current === 'leader') {
      this.beat();
      if (this.shared) this.queueState();
    }
  }

  private heardState(message: Extract<TabMessage, { type: 'state' }>): void {
    if (this.current === 'leader') return;
    if (message.from !== this.leader?.id || message.term < this.leader.term) {
      this.emitter.emit('refused', `state from ${message.from.slice(0, 20)}, which does not lead`);
      return;
    }
    if (message.seq <= this.appliedSeq) return;
    const parsed = sharedStateSchema.safeParse(message.state);
    if (!parsed.success) {
      this.emitter.emit('unreadable', issuesText(parsed.error).slice(0, 300));
      return;
    }
    this.appliedSeq = message.seq;
    this.emitter.emit('state', parsed.data);
  }

  private isMember(panelId: string): boolean {
    const member = this.members.get(panelId);
    return member !== undefined && this.now() - member.seenAt <= this.timing.beatMs * STALE_BEATS;
  }

  private forgetStale(): void {
    for (const [id] of this.members) if (!this.isMember(id)) this.members.delete(id);
  }

  // ---- the leader's side ----

  /** Shares the leader's state with the other panels (coalesced: one message per turn of the event loop). */
  publish(state: SharedState): void {
    if (this.current !== 'leader') return;
    if (this.shared) this.shared.state = state;
    else this.shared = { state, seq: 0, queued: false };
    this.queueState();
  }

  private queueState(): void {
    const shared = this.shared;
    if (!shared || shared.queued) return;
    shared.queued = true;
    setTimeout(() => {
      shared.queued = false;
      if (this.shared !== shared || this.current !== 'leader') return;
      shared.seq += 1;
      this.transport.post({ type: 'state', from: this.panelId, term: this.election.term, seq: shared.seq, state: shared.state });
    }, 0);
  }

  /** Gives the BIZTEL session to the next leader: this tab closes, or another panel took over. */
  handOver(resume: ResumeInfo, to: string | null = null): void {
    this.transport.post({ type: 'handover', from: this.panelId, to, resume });
  }

  /** The panel the agent is using: visible first, then the one used last. This panel when none is better. */
  bestPanel(): string {
    let best: [string, { visible: boolean; activeAt: number }] = [this.panelId, this.presence];
    for (const [id, member] of this.members) {
      if (!this.isMember(id)) continue;
      const [, b] = best;
      if ((member.visible && !b.visible) || (member.visible === b.visible && member.activeAt > b.activeAt)) best = [id, member];
    }
    return best[0];
  }

  /** Another panel is gone for good (it did not answer a request). */
  forget(panelId: string): void {
    this.members.delete(panelId);
  }

  // ---- the follower's side ----

  /** Takes the leadership now, whoever holds it (a follower that must sign in does so itself). */
  async takeLead(): Promise<void> {
    if (this.current === 'leader') return;
    await this.election.takeover();
  }

  // ---- every panel ----

  /** Where the agent is: this panel's tab visible, and when the agent last used it. */
  setPresence(visible: boolean, activeAt: number): void {
    const changed = visible !== this.presence.visible || activeAt !== this.presence.activeAt;
    this.presence = { visible, activeAt };
    if (changed) this.beat();
  }

  request(to: string, method: string, args: unknown, timeoutMs: number): Promise<unknown> {
    return this.rpc.request(to, method, args, timeoutMs);
  }

  /** Serves a request method; only panels of the group (heard from lately) are answered. */
  handle(method: string, handler: (args: unknown, from: string) => Promise<unknown>): void {
    this.rpc.handle(method, handler);
  }

  close(): void {
    this.dispatch({ type: 'close' });
  }
}
