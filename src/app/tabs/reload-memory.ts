/**
 * What a leader tab needs after a reload mid-call: the BIZTEL session to resume and the calls'
 * agent-side state (notes, the related record, what already popped). Kept in this tab's
 * sessionStorage (memory when the browser blocks it); never the password.
 */
import * as z from 'zod/mini';
import { readSession, writeSession } from '../safe-storage';
import { sharedStateSchema } from '../shared-state';
import type { CallEntry, PanelStore } from '../store';

const memorySchema = z.object({
  resume: sharedStateSchema.shape.resume,
  calls: sharedStateSchema.shape.calls,
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

export function rememberForReload(store: PanelStore, key: string, resume: () => ReloadMemory['resume']): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    const calls = Object.fromEntries(Object.entries(store.getState().calls).filter(([, e]) => worthKeeping(e)));
    writeSession(key, JSON.stringify({ resume: resume(), calls }));
  };
  const off = store.subscribe((state, prev) => {
    if (state.calls === prev.calls && state.session === prev.session) return;
    clearTimeout(timer);
    timer = setTimeout(write, 200);
  });
  write();
  return () => {
    clearTimeout(timer);
    off();
  };
}
