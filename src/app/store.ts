/**
 * The panel's one store (zustand, vanilla so the wiring outside React can use it). The link and the
 * Salesforce host write to it through the app layer; React reads it through selectors.
 */
import { createStore } from 'zustand/vanilla';
import type { Agent, AgentStatus, Call, CallerIdOption, Hello, SystemSettings } from '../protocol';
import type { LinkStatus } from '../biztel/link';
import type { Lang } from '../domain/call-log';
import type { NoPopReason } from '../domain/pop-policy';
import type { Capabilities } from '../domain/version';
import type { FoundRecord, HostKind } from '../salesforce/types';
import { NO_DIAGNOSTICS, type DiagnosticsState } from './diagnostics';
import type { MessageKey } from './i18n';
import type { ServerProbe } from './server-probe';

export type StartupFailure =
  | { kind: 'openCtiUnavailable'; detail: string }
  | { kind: 'apexAccess'; detail: string }
  /** getUserInfo failed as an expired Salesforce session does (§9): waiting for it, not ②. */
  | { kind: 'salesforceSession'; detail: string }
  | { kind: 'serverUrlMissing' }
  | { kind: 'serverUrlInvalid'; url: string }
  | { kind: 'serverUrlInsecure'; url: string }
  /** probe: what the server's HTTP endpoint said, once asked (server-probe.ts). */
  | { kind: 'serverUnreachable'; url: string; detail: string; probe?: ServerProbe }
  | { kind: 'unsupportedVersion'; version: string }
  | { kind: 'protocolMismatch'; url: string };

/**
 * Why a call did not pop: a policy reason, or what happened in Salesforce. (The manual's "signed in"
 * check needs no reason: a panel only hears of calls while its agent is signed in.)
 */
export type NoPop = NoPopReason | 'noMatch' | 'salesforceError';

/** refused: Salesforce refused the Task as it is (kept, shown, retried slowly: call-logger.ts). */
export type LogStatus = 'none' | 'saving' | 'saved' | 'retrying' | 'refused';

export interface CallEntry {
  call: Call;
  /** What the number search found (pop or link). */
  records: FoundRecord[];
  searched: boolean;
  popped: boolean;
  noPop: NoPop | null;
  /** The record the agent picked among several matches. */
  chosenRecordId: string | null;
  /** A record given by context: the click-to-call record, or the screen-transferred one. */
  contextRecord: { recordId: string; name: string | null } | null;
  notes: string;
  /** The call's result as the agent typed it (Task CallDisposition); '' leaves the automatic one. */
  disposition: string;
  /** Talk time on this agent's earlier legs of the call (it came back: transferred back, consulted again). */
  earlierTalkSeconds: number;
  log: { status: LogStatus; taskId: string | null; error: string | null; attempts: number };
}

export interface Alert {
  id: number;
  key: MessageKey;
  params?: Record<string, string | number>;
  detail?: string;
  tone: 'error' | 'warning' | 'info';
}

export interface AgentSession {
  agent: Agent;
  statuses: AgentStatus[];
  callerIds: CallerIdOption[];
  settings: SystemSettings;
}

export interface PanelState {
  /** The Salesforce user's language, and the agent's choice in the panel (language.ts; panelLang()). */
  salesforceLang: Lang;
  langOverride: Lang | null;
  phase: 'starting' | 'bare' | 'failed' | 'ready';
  failure: StartupFailure | null;
  hostKind: HostKind | null;
  serverUrl: string | null;
  /** The call center item "BIZTEL Popup mode" (read for servers before 3.3.0). */
  legacyPopupMode: string | null;
  linkStatus: LinkStatus;
  linkError: string | null;
  hello: Hello | null;
  /** serverTime − local time, so call timers agree with the PBX's timestamps. */
  clockOffsetMs: number;
  caps: Capabilities | null;
  session: AgentSession | null;
  signedOutReason: 'signedInElsewhere' | 'expired' | 'removed' | 'salesforceSession' | null;
  calls: Record<string, CallEntry>;
  /** The call the panel shows: the newest live call, else the last ended one until dismissed. */
  activeCallId: string | null;
  alerts: Alert[];
  /** Commands waiting for their acknowledgement, by name. */
  pending: Record<string, boolean>;
  /**
   * The number in the dial pad, and the Salesforce record it came from (click-to-call) with the
   * national digits that were clicked: the record belongs to that number only.
   */
  dialDraft: string;
  dialDraftContext: { recordId: string; name: string | null; digits: string } | null;
  /** Directory numbers (§8): national digits → the name registered in Salesforce. */
  directory: Record<string, string>;
  /** Call logs waiting for Salesforce to confirm them, and whether they survive a reload. */
  pendingLogs: number;
  /** Call logs Salesforce refused as they are, with its reason: kept and retried slowly, shown plainly. */
  refusedLogs: { callId: string; subject: string; reason: string }[];
  durableLogs: boolean;
  /** The Salesforce session (§9): expired means signed out of BIZTEL and logs kept until it is back. */
  salesforceSession: 'ok' | 'expired';
  /** This panel's part among the user's panels: the leader holds the BIZTEL link. */
  role: 'leader' | 'follower' | 'alone';
  /** A sandbox whose name starts with "c" (§7.2: a known Salesforce issue), or null. */
  riskySandbox: string | null;
  /** The Salesforce host name that shows the org uses enhanced domains (servers before 3.4.20 lack them), or null. */
  enhancedDomainHost: string | null;
  /** Input this panel refused (diagnostics.ts). */
  diagnostics: DiagnosticsState;
}

export const initialState = (salesforceLang: Lang, langOverride: Lang | null = null): PanelState => ({
  salesforceLang,
  langOverride,
  phase: 'starting',
  failure: null,
  hostKind: null,
  serverUrl: null,
  legacyPopupMode: null,
  linkStatus: 'idle',
  linkError: null,
  hello: null,
  clockOffsetMs: 0,
  caps: null,
  session: null,
  signedOutReason: null,
  calls: {},
  activeCallId: null,
  alerts: [],
  pending: {},
  dialDraft: '',
  dialDraftContext: null,
  directory: {},
  pendingLogs: 0,
  refusedLogs: [],
  durableLogs: false,
  salesforceSession: 'ok',
  role: 'alone',
  riskySandbox: null,
  enhancedDomainHost: null,
  diagnostics: NO_DIAGNOSTICS,
});

export type PanelStore = ReturnType<typeof createPanelStore>;

export const createPanelStore = (lang: Lang, langOverride: Lang | null = null) => createStore<PanelState>()(() => initialState(lang, langOverride));

let alertCounter = 0;
export function pushAlert(store: PanelStore, alert: Omit<Alert, 'id'>): void {
  alertCounter += 1;
  const next = { ...alert, id: alertCounter };
  // The same message twice in a row is one alert, not a stack of them.
  store.setState((s) => ({ alerts: [...s.alerts.filter((a) => a.key !== alert.key).slice(-4), next] }));
}

export function updateCall(store: PanelStore, callId: string, change: (entry: CallEntry) => Partial<CallEntry>): void {
  store.setState((s) => {
    const entry = s.calls[callId];
    if (!entry) return s;
    return { calls: { ...s.calls, [callId]: { ...entry, ...change(entry) } } };
  });
}

/** The language the panel speaks: the agent's choice, else the Salesforce user's. */
export const panelLang = (s: PanelState): Lang => s.langOverride ?? s.salesforceLang;

export const liveCalls = (s: PanelState): CallEntry[] => Object.values(s.calls).filter((e) => e.call.state !== 'ended');
