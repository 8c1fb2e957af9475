/**
 * Which call the panel shows: the newest call that rings or is up; an ended call stays until the
 * agent closes it or another call comes. Each tab decides for itself from the shared calls.
 */
import type { CallEntry, PanelStore } from './store';

const live = (e: CallEntry) => e.call.state !== 'ended';

export function pickActiveCall(previous: Record<string, CallEntry>, next: Record<string, CallEntry>, current: string | null): string | null {
  let chosen = current;
  const newlyLive = Object.values(next)
    .filter((e) => live(e) && !(previous[e.call.callId] && live(previous[e.call.callId]!)))
    .sort((a, b) => b.call.startedAt - a.call.startedAt)[0];
  if (newlyLive) chosen = newlyLive.call.callId;
  if (chosen !== null && !next[chosen]) chosen = null;
  if (chosen === null || !live(next[chosen]!)) {
    const newestLive = Object.values(next).filter(live).sort((a, b) => b.call.startedAt - a.call.startedAt)[0];
    if (newestLive) chosen = newestLive.call.callId;
  }
  return chosen;
}

export function trackActiveCall(store: PanelStore): () => void {
  return store.subscribe((state, prev) => {
    if (state.calls === prev.calls) return;
    const active = pickActiveCall(prev.calls, state.calls, state.activeCallId);
    if (active !== state.activeCallId) store.setState({ activeCallId: active });
  });
}
