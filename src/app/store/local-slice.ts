/** The local part's named writes: what belongs to this tab alone. */
import type { Lang } from '../../domain/call-log';
import { withAlert, withoutCause, type CausePattern } from './alert-rules';
import { NO_DIAGNOSTICS, type DiagnosticsState } from './diagnostics-state';
import type { Alert, Draft, LocalState } from './state';
import type { SliceCreator } from './slice';

/** Closed calls remembered, so a closed call does not come back (more than the calls a panel keeps). */
const MAX_DISMISSED = 50;

export interface LocalActions {
  roleChanged: (role: LocalState['role']) => void;
  /**
   * Shows an alert about its cause: once (the same message, or another about the same field,
   * replaces the earlier one), and not when a notice already says it (alert-rules.ts).
   */
  alertShown: (alert: Omit<Alert, 'id'>) => void;
  alertDismissed: (id: number) => void;
  alertsCleared: () => void;
  /** What the alerts matching `pattern` were about is over (a Salesforce call worked again…). */
  alertsResolved: (pattern: CausePattern) => void;
  commandPending: (name: string, pending: boolean) => void;
  /** The dial pad's text, and the record it belongs to while the digits are still those clicked. */
  dialDraftChanged: (draft: string, context: LocalState['dialDraftContext']) => void;
  /** The agent typed into a call in this tab (a follower; the leader writes the call itself). */
  drafted: (callId: string, draft: Draft) => void;
  /** The leader's state carries the typing now (this tab became leader and wrote it). */
  draftsSettled: (callId: string) => void;
  callDismissed: (callId: string) => void;
  languageChosen: (lang: Lang | null) => void;
  directoryLoaded: (directory: Record<string, string>) => void;
  diagnosticsCounted: (diagnostics: DiagnosticsState) => void;
  /** This panel cannot go on showing the truth (it asks the agent to reload). */
  faulted: (reason: string) => void;
}

export const INITIAL_LOCAL = (langOverride: Lang | null): LocalState => ({
  role: 'alone',
  alerts: [],
  pending: {},
  dialDraft: '',
  dialDraftContext: null,
  drafts: {},
  dismissed: [],
  langOverride,
  directory: {},
  diagnostics: NO_DIAGNOSTICS,
  fault: null,
});

let alertCounter = 0;

export const createLocalSlice: SliceCreator<LocalActions> = (set) => {
  // A write that changes nothing (typing in a field with no alert about it) leaves the state as it
  // is, so no subscriber wakes: these run on every keystroke.
  const local = (change: (local: LocalState) => Partial<LocalState>) =>
    set((s) => {
      const next = change(s.local);
      const same = (Object.keys(next) as (keyof LocalState)[]).every((key) => Object.is(next[key], s.local[key]));
      return same ? s : { local: { ...s.local, ...next } };
    });
  return {
    roleChanged: (role) => local(() => ({ role })),
    alertShown: (alert) => {
      alertCounter += 1;
      const next = { ...alert, id: alertCounter };
      set((s) => ({ local: { ...s.local, alerts: withAlert(s.local.alerts, next, s.shared) } }));
    },
    alertDismissed: (id) => local((l) => ({ alerts: l.alerts.filter((a) => a.id !== id) })),
    alertsCleared: () => local(() => ({ alerts: [] })),
    alertsResolved: (pattern) => local((l) => ({ alerts: withoutCause(l.alerts, pattern) })),
    commandPending: (name, pending) => local((l) => ({ pending: { ...l.pending, [name]: pending } })),
    // A new number in the dial pad: what was said about the one before is over.
    dialDraftChanged: (dialDraft, dialDraftContext) =>
      local((l) => ({ dialDraft, dialDraftContext, alerts: l.dialDraft === dialDraft ? l.alerts : withoutCause(l.alerts, { kind: 'field', field: 'dialNumber' }) })),
    drafted: (callId, draft) => local((l) => ({ drafts: { ...l.drafts, [callId]: { ...l.drafts[callId], ...draft } } })),
    draftsSettled: (callId) => local((l) => ({ drafts: Object.fromEntries(Object.entries(l.drafts).filter(([id]) => id !== callId)) })),
    callDismissed: (callId) => local((l) => ({ dismissed: [...l.dismissed.filter((id) => id !== callId), callId].slice(-MAX_DISMISSED) })),
    languageChosen: (langOverride) => local(() => ({ langOverride })),
    directoryLoaded: (directory) => local(() => ({ directory })),
    diagnosticsCounted: (diagnostics) => local(() => ({ diagnostics })),
    faulted: (reason) => local(() => ({ fault: reason.slice(0, 300) })),
  };
};
