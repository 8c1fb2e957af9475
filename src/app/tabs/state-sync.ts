/**
 * Sharing the leader's state with the other panels of the agent, and mirroring it in a follower.
 * The leader posts the shared state after every change (coalesced) and on request; a follower
 * validates it and takes it over, except the notes the agent is typing in this tab right now.
 */
import * as z from 'zod/mini';
import { SHARED_KEYS, pickShared, sharedStateSchema, type SharedState } from '../shared-state';
import type { PanelStore } from '../store';
import type { TabChannel } from './channel';

export function shareState(store: PanelStore, channel: TabChannel, resume: () => SharedState['resume']): () => void {
  let seq = 0;
  let queued = false;
  const post = () => {
    queued = false;
    seq += 1;
    channel.post({ type: 'state', from: channel.panelId, seq, state: pickShared(store.getState(), resume()) });
  };
  const schedule = () => {
    if (queued) return;
    queued = true;
    setTimeout(post, 0);
  };
  const offStore = store.subscribe((state, prev) => {
    if (SHARED_KEYS.some((key) => state[key] !== prev[key])) schedule();
  });
  const offChannel = channel.on((message) => {
    if (message.type === 'sync') schedule();
  });
  post();
  return () => {
    offStore();
    offChannel();
  };
}

/** The fields an agent types into, which a follower shows as typed until the leader echoes them. */
export type Typed = Partial<Record<'notes' | 'disposition', string>>;

export class StateReplica {
  private lastSeq = new Map<string, number>();
  private resumeInfo: SharedState['resume'] = null;
  /** What the agent typed here (notes, the call's result) that the leader has not echoed back yet. */
  private readonly typing = new Map<string, Typed>();
  leaderId: string | null = null;
  private active = true;
  private readonly off: () => void;

  constructor(
    private readonly store: PanelStore,
    private readonly channel: TabChannel,
    private readonly onInvalid: (reason: string) => void,
  ) {
    this.off = channel.on((message) => {
      if (message.type === 'leader') this.setLeader(message.from);
      if (message.type !== 'state' || !this.active) return;
      if ((this.lastSeq.get(message.from) ?? 0) >= message.seq) return;
      this.lastSeq.set(message.from, message.seq);
      this.setLeader(message.from);
      this.apply(message.state);
    });
  }

  private setLeader(id: string): void {
    if (this.leaderId !== id) {
      this.leaderId = id;
      this.lastSeq = new Map([[id, this.lastSeq.get(id) ?? 0]]);
    }
  }

  private apply(raw: unknown): void {
    const parsed = sharedStateSchema.safeParse(raw);
    if (!parsed.success) {
      this.onInvalid(z.prettifyError(parsed.error).slice(0, 300));
      return;
    }
    const shared = raw as SharedState;
    this.resumeInfo = shared.resume;
    const calls = { ...shared.calls };
    for (const [callId, typed] of this.typing) {
      const entry = calls[callId];
      if (!entry) {
        this.typing.delete(callId);
        continue;
      }
      const waiting = (Object.keys(typed) as (keyof Typed)[]).filter((field) => entry[field] !== typed[field]);
      if (waiting.length === 0) this.typing.delete(callId);
      else calls[callId] = { ...entry, ...typed };
    }
    const next: Partial<SharedState> = {};
    for (const key of SHARED_KEYS) (next as Record<string, unknown>)[key] = shared[key];
    this.store.setState({ ...next, calls });
  }

  /** The agent typed in this tab: show it here until the leader has it, so an older echo cannot undo keystrokes. */
  typed(callId: string, change: Typed): void {
    this.typing.set(callId, { ...this.typing.get(callId), ...change });
  }

  /** Asks the leader for its state (on start, and after a leader change). */
  sync(): void {
    this.channel.post({ type: 'sync', from: this.channel.panelId });
  }

  resume(): SharedState['resume'] {
    return this.resumeInfo;
  }

  setActive(active: boolean): void {
    this.active = active;
    if (active) this.sync();
  }

  close(): void {
    this.off();
  }
}
