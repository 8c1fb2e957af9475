/** The panel's store: its state, its named writes and the values derived from it. */
export { createPanelStore, type PanelActions, type PanelState, type PanelStore } from './store';
export type { Alert, AlertCause, AlertField, Draft, FrameFailure, FrameState, LocalState, PanelData, StartupFailure } from './state';
export { DRAFT_FIELDS } from './state';
export * from './shared-schema';
export * from './selectors';
export { pruneCalls } from './prune';
export type { CausePattern } from './alert-rules';
export { NO_DIAGNOSTICS, type DiagnosticKind, type DiagnosticsState } from './diagnostics-state';
