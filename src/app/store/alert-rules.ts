/**
 * When the panel says a problem and when it stops saying it. Each alert carries its cause (state.ts);
 * the store's actions call these rules when they change that cause, so an alert never outlives it
 * and nothing has to watch the store and write back into it.
 */
import type { SharedState } from './shared-schema';
import type { Alert, AlertCause } from './state';

/** Alerts shown at once; older ones go first. */
export const MAX_ALERTS = 5;

/** A call the panel no longer has, or that has ended: what went wrong with it is over. */
const callOver = (shared: SharedState, callId: string): boolean => {
  const entry = shared.calls[callId];
  return entry === undefined || entry.call.state === 'ended';
};

const hasLiveCall = (shared: SharedState): boolean => Object.values(shared.calls).some((entry) => entry.call.state !== 'ended');

/**
 * The problem is already said by a notice of its own, so the alert would say it twice: the
 * signed-out notice (why the agent was signed out, a Salesforce session that timed out) and the
 * phone notice.
 */
function saidElsewhere(alert: Pick<Alert, 'key' | 'cause'>, shared: SharedState): boolean {
  const reason = shared.signedOutReason;
  if (reason !== null) {
    if (alert.key === `signedOut.${reason}`) return true;
    if (alert.key === 'error.SESSION_EXPIRED' || alert.key === 'error.NOT_SIGNED_IN') return true;
    if (reason === 'salesforceSession' && alert.cause.kind === 'salesforce') return true;
  }
  return alert.cause.kind === 'phone' && shared.session?.agent.phoneRegistered === false;
}

/** The shared state went from `prev` to `next`: is what the alert is about over? */
function over(cause: AlertCause, prev: SharedState, next: SharedState): boolean {
  const signedIn = prev.session === null && next.session !== null;
  const signedOut = prev.session !== null && next.session === null;
  switch (cause.kind) {
    case 'link':
      return next.link.status === 'ready' && prev.link.status !== 'ready';
    case 'salesforce':
      return prev.salesforceSession === 'expired' && next.salesforceSession === 'ok';
    case 'phone':
      return signedOut || (next.session?.agent.phoneRegistered === true && prev.session?.agent.phoneRegistered !== true);
    case 'signIn':
      return signedIn;
    case 'clickToCall':
      return signedIn || signedOut || (next.link.status === 'ready' && prev.link.status !== 'ready') || (hasLiveCall(prev) && !hasLiveCall(next));
    case 'agent':
      return signedOut;
    case 'call':
      return signedOut || callOver(next, cause.callId);
    case 'field':
      if (cause.field === 'signIn') return signedIn;
      return signedOut || (cause.callId !== undefined && callOver(next, cause.callId));
  }
}

/** The alerts still true after the shared state changed from `prev` to `next` (the same array when all are). */
export function settleAlerts(alerts: Alert[], prev: SharedState, next: SharedState): Alert[] {
  if (alerts.length === 0 || prev === next) return alerts;
  const kept = alerts.filter((alert) => !over(alert.cause, prev, next) && !saidElsewhere(alert, next));
  return kept.length === alerts.length ? alerts : kept;
}

const sameField = (a: AlertCause, b: AlertCause): boolean => a.kind === 'field' && b.kind === 'field' && a.field === b.field;

/**
 * The alerts with `next` shown: once. The same message replaces the earlier one, and a field has one
 * alert at a time (a second bad transfer target replaces what was said of the first).
 */
export function withAlert(alerts: Alert[], next: Alert, shared: SharedState): Alert[] {
  if (saidElsewhere(next, shared)) return alerts;
  const kept = alerts.filter((a) => a.key !== next.key && !sameField(a.cause, next.cause));
  return [...kept.slice(-(MAX_ALERTS - 1)), next];
}

/** A pattern of causes: every property it names must match (a field alert matches whatever its call). */
export type CausePattern = { [K in AlertCause['kind']]: Partial<Extract<AlertCause, { kind: K }>> & { kind: K } }[AlertCause['kind']];

function causeMatches(cause: AlertCause, pattern: CausePattern): boolean {
  return Object.entries(pattern).every(([key, value]) => (cause as Record<string, unknown>)[key] === value);
}

/** The alerts without those whose cause matches `pattern` (the same array when none does). */
export function withoutCause(alerts: Alert[], pattern: CausePattern): Alert[] {
  const kept = alerts.filter((a) => !causeMatches(a.cause, pattern));
  return kept.length === alerts.length ? alerts : kept;
}
