/**
 * The shared part's named writes. In the leader they are called by the link, the call effects and the
 * call log; in a follower only `applyShared` writes here, with what the leader sent.
 */
import type { Agent, Hello, SystemSettings } from '../../protocol';
import type { LinkStatus } from '../../biztel/link-machine';
import { settleAlerts } from './alert-rules';
import { pruneCalls } from './prune';
import { INITIAL_SHARED, type AgentSession, type CallEntry, type RefusedLog, type ServerFailure, type ServerProbe, type SharedState, type SignedOutReason } from './shared-schema';
import { DRAFT_FIELDS, type PanelData } from './state';
import type { PanelState } from './store';
import type { SliceCreator } from './slice';

export interface SharedActions {
  linkChanged: (status: LinkStatus, error: string | null) => void;
  /** The server introduced itself; `clockOffsetMs` = its clock − ours. A server failure shown so far is over. */
  helloReceived: (hello: Hello, clockOffsetMs: number, supported: boolean) => void;
  serverFailed: (failure: ServerFailure) => void;
  /** What the server's HTTP endpoint said, for the failure still shown for that URL. */
  serverProbed: (url: string, probe: ServerProbe) => void;
  signedIn: (session: AgentSession) => void;
  agentChanged: (agent: Agent) => void;
  settingsChanged: (settings: SystemSettings) => void;
  signedOut: (reason: SignedOutReason | null) => void;
  /** A call's entry, new or changed (the calls kept are pruned to the live ones and the last few). */
  callChanged: (entry: CallEntry) => void;
  /** Changes part of a call's entry, if the panel still has the call. */
  callUpdated: (callId: string, change: (entry: CallEntry) => Partial<CallEntry>) => void;
  /** A leader that reloaded takes back what its tab knew of the calls (no second pop, notes kept). */
  callsRestored: (calls: Record<string, CallEntry>) => void;
  logsChanged: (pending: number, refused: RefusedLog[], durable: boolean) => void;
  salesforceSessionChanged: (expired: boolean) => void;
  /** A follower takes the leader's state over, whole. */
  applyShared: (shared: SharedState) => void;
  /**
   * Back to knowing nothing of the BIZTEL side: this panel showed its own connection's hello while
   * the agent's panels elected their leader, and another panel leads; its state comes next.
   */
  sharedForgotten: () => void;
}

export const createSharedSlice: SliceCreator<SharedActions> = (rawSet) => {
  // Every change of the shared part also ends the alerts whose cause it ends (the link is back,
  // the agent signed out, the call ended…): in the same write, so no alert outlives its cause.
  const set = (change: (s: PanelState) => Partial<PanelData>) =>
    rawSet((s) => {
      const next = change(s);
      if (!next.shared) return next;
      const local = next.local ?? s.local;
      const alerts = settleAlerts(local.alerts, s.shared, next.shared);
      return alerts === local.alerts ? next : { ...next, local: { ...local, alerts } };
    });
  const shared = (change: (shared: SharedState) => Partial<SharedState>) => set((s) => ({ shared: { ...s.shared, ...change(s.shared) } }));
  const session = (change: (session: AgentSession) => Partial<AgentSession>) =>
    shared((sh) => (sh.session ? { session: { ...sh.session, ...change(sh.session) } } : {}));
  return {
    linkChanged: (status, error) => shared(() => ({ link: { status, error } })),
    helloReceived: (hello, clockOffsetMs, supported) =>
      shared(() => ({ hello, clockOffsetMs, ...(supported ? { serverFailure: null } : { serverFailure: { kind: 'unsupportedVersion', version: hello.serverVersion } }) })),
    serverFailed: (failure) =>
      shared((sh) => {
        // The socket keeps retrying and fails again each time: keep what the probe found for that URL.
        const shown = sh.serverFailure;
        const probe = failure.kind === 'serverUnreachable' && shown?.kind === 'serverUnreachable' && shown.url === failure.url ? shown.probe : undefined;
        return { serverFailure: probe && failure.kind === 'serverUnreachable' ? { ...failure, probe } : failure };
      }),
    serverProbed: (url, probe) =>
      shared((sh) => (sh.serverFailure?.kind === 'serverUnreachable' && sh.serverFailure.url === url ? { serverFailure: { ...sh.serverFailure, probe } } : {})),
    signedIn: (next) => shared(() => ({ session: next, signedOutReason: null })),
    agentChanged: (agent) => session(() => ({ agent })),
    settingsChanged: (settings) => session(() => ({ settings })),
    signedOut: (reason) => shared(() => ({ session: null, signedOutReason: reason })),
    callChanged: (entry) =>
      set((s: PanelData) => ({ shared: { ...s.shared, calls: pruneCalls({ ...s.shared.calls, [entry.call.callId]: entry }, entry.call.callId) } })),
    callUpdated: (callId, change) =>
      shared((sh) => {
        const entry = sh.calls[callId];
        return entry ? { calls: { ...sh.calls, [callId]: { ...entry, ...change(entry) } } } : {};
      }),
    callsRestored: (calls) => shared((sh) => (Object.keys(sh.calls).length === 0 ? { calls } : {})),
    logsChanged: (pending, refused, durable) => shared(() => ({ logs: { pending, refused, durable } })),
    // Salesforce is back: the agent was signed out because of it, and signs in again now; saying
    // the session timed out would no longer be true.
    salesforceSessionChanged: (expired) =>
      shared((sh) => ({ salesforceSession: expired ? 'expired' : 'ok', ...(!expired && sh.signedOutReason === 'salesforceSession' ? { signedOutReason: null } : {}) })),
    sharedForgotten: () => set(() => ({ shared: INITIAL_SHARED })),
    applyShared: (next) =>
      set((s) => {
        // Typing in this tab that the leader now has (or whose call is gone) is no longer a draft.
        const drafts = Object.fromEntries(
          Object.entries(s.local.drafts).filter(([callId, draft]) => {
            const entry = next.calls[callId];
            return entry !== undefined && DRAFT_FIELDS.some((field) => draft[field] !== undefined && draft[field] !== entry[field]);
          }),
        );
        return { shared: next, local: { ...s.local, drafts } };
      }),
  };
};
