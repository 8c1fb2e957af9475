/** The local part's named writes: what belongs to this tab alone. */
import type { Lang } from '../../domain/call-log';
import { NO_DIAGNOSTICS, type DiagnosticsState } from './diagnostics-state';
import type { Alert, Draft, LocalState } from './state';
import type { SliceCreator } from './slice';

/** Alerts shown at once; older ones go first. */
const MAX_ALERTS = 5;
/** Closed calls remembered, so a closed call does not come back (more than the calls a panel keeps). */
const MAX_DISMISSED = 50;

export interface LocalActions {
  roleChanged: (role: LocalState['role']) => void;
  /** Shows an alert; the same message again replaces the earlier one instead of stacking. */
  alertShown: (alert: Omit<Alert, 'id'>) => void;
  alertDismissed: (id: number) => void;
  alertsCleared: () => void;
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
  const local = (change: (local: LocalState) => Partial<LocalState>) => set((s) => ({ local: { ...s.local, ...change(s.local) } }));
  return {
    roleChanged: (role) => local(() => ({ role })),
    alertShown: (alert) => {
      alertCounter += 1;
      const next = { ...alert, id: alertCounter };
      local((l) => ({ alerts: [...l.alerts.filter((a) => a.key !== alert.key).slice(-(MAX_ALERTS - 1)), next] }));
    },
    alertDismissed: (id) => local((l) => ({ alerts: l.alerts.filter((a) => a.id !== id) })),
    alertsCleared: () => local(() => ({ alerts: [] })),
    commandPending: (name, pending) => local((l) => ({ pending: { ...l.pending, [name]: pending } })),
    dialDraftChanged: (dialDraft, dialDraftContext) => local(() => ({ dialDraft, dialDraftContext })),
    drafted: (callId, draft) => local((l) => ({ drafts: { ...l.drafts, [callId]: { ...l.drafts[callId], ...draft } } })),
    draftsSettled: (callId) => local((l) => ({ drafts: Object.fromEntries(Object.entries(l.drafts).filter(([id]) => id !== callId)) })),
    callDismissed: (callId) => local((l) => ({ dismissed: [...l.dismissed.filter((id) => id !== callId), callId].slice(-MAX_DISMISSED) })),
    languageChosen: (langOverride) => local(() => ({ langOverride })),
    directoryLoaded: (directory) => local(() => ({ directory })),
    diagnosticsCounted: (diagnostics) => local(() => ({ diagnostics })),
    faulted: (reason) => local(() => ({ fault: reason.slice(0, 300) })),
  };
};
