/** Over a shift the calls map would only grow: it keeps live calls, unconfirmed logs and the last few. */
import type { CallEntry } from './shared-schema';

const KEEP_ENDED_CALLS = 20;

/** The calls worth keeping; `keep` (the call just changed) always stays. The same object when nothing goes. */
export function pruneCalls(calls: Record<string, CallEntry>, keep: string | null, keepEnded = KEEP_ENDED_CALLS): Record<string, CallEntry> {
  const ended = Object.values(calls)
    .filter((e) => e.call.state === 'ended' && (e.log.status === 'none' || e.log.status === 'saved') && e.call.callId !== keep)
    .sort((a, b) => (b.call.endedAt ?? 0) - (a.call.endedAt ?? 0));
  if (ended.length <= keepEnded) return calls;
  const dropped = new Set(ended.slice(keepEnded).map((e) => e.call.callId));
  return Object.fromEntries(Object.entries(calls).filter(([callId]) => !dropped.has(callId)));
}
