/**
 * What a leader tab needs after a reload mid-call: the BIZTEL session to resume and the calls'
 * agent-side state (notes, the related record, what already popped). Kept in this tab's
 * sessionStorage (memory when the browser blocks it); never the password.
 *
 * Written at once when the session or a call comes or goes (a reload right after must find it), and
 * for typing at most `maxWaitMs` after the first keystroke of a burst. `forget` writes what is pending
 * before it stops, so a reload loses nothing that was on screen.
 */
import * as z from 'zod/mini';
import { readSession, writeSession } from '../platform';
import { callEntrySchema, type CallEntry, type PanelState, type PanelStore } from '../store';
import { resumeSchema, type ResumeInfo } from './messages';

const memorySchema = z.object({
  resume: z.nullable(resumeSchema),
  calls: z.record(z.string().check(z.maxLength(100)), callEntrySchema),
});
export type ReloadMemory = z.infer<typeof memorySchema>;

export const reloadKey = (userId: string) => `biztel.leader.${userId}`;

export function recallAfterReload(key: string): ReloadMemory | null {
  const text = readSession(key);
  if (!text) return null;
  try {
    const parsed = memorySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Calls worth remembering: up, or with a Task Salesforce has not confirmed. */
const worthKeeping = (entry: CallEntry) => entry.call.state !== 'ended' || entry.log.status !== 'saved';

/** A change that a reload just after must not miss: signed in or out, a call came, changed state or went. */
function structural(state: PanelState, prev: PanelState): boolean {
  if ((state.shared.session === null) !== (prev.shared.session === null)) return true;
  const now = state.shared.calls;
  const before = prev.shared.calls;
  const ids = new Set([...Object.keys(now), ...Object.keys(before)]);
  for (const id of ids) if (now[id]?.call.state !== before[id]?.call.state || now[id]?.log.status !== before[id]?.log.status) return true;
  return false;
}

export interface MemoryTiming {
  debounceMs: number;
  maxWaitMs: number;
}

export function rememberForReload(store: PanelStore, key: string, resume: () => ResumeInfo | null, timing: MemoryTiming = { debounceMs: 200, maxWaitMs: 1000 }): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPendingAt: number | null = null;
  const write = () => {
    clearTimeout(timer);
    timer = undefined;
    firstPendingAt = null;
    const calls = Object.fromEntries(Object.entries(store.getState().shared.calls).filter(([, e]) => worthKeeping(e)));
    writeSession(key, JSON.stringify({ resume: resume(), calls } satisfies ReloadMemory));
  };
  const off = store.subscribe((state, prev) => {
    if (state.shared.calls === prev.shared.calls && state.shared.session === prev.shared.session) return;
    if (structural(state, prev)) {
      write();
      return;
    }
    const now = Date.now();
    firstPendingAt ??= now;
    clearTimeout(timer);
    timer = setTimeout(write, Math.max(0, Math.min(timing.debounceMs, firstPendingAt + timing.maxWaitMs - now)));
  });
  write();
  return () => {
    off();
    if (timer !== undefined) write();
  };
}
