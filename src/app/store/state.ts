/**
 * The shape of the panel's one store, in three parts, each with its own writer:
 * - `frame`: this Salesforce tab's start-up (Open CTI, the call center, the user), written by start-up;
 * - `shared`: the BIZTEL side, written by the leader panel only (a follower receives it whole);
 * - `local`: what belongs to this tab alone (alerts, the dial pad, typing not yet confirmed, …).
 */
import type { Lang } from '../../domain/call-log';
import type { HostKind } from '../../salesforce/types';
import type { DiagnosticsState } from './diagnostics-state';
import type { MessageKey } from '../i18n';
import type { ContextRecord, ServerFailure, SharedState } from './shared-schema';

/** Start-up failures on the Salesforce side of this tab. */
export type FrameFailure =
  | { kind: 'openCtiUnavailable'; detail: string }
  | { kind: 'apexAccess'; detail: string }
  /** getUserInfo failed as an expired Salesforce session does: waiting for it, not a profile problem. */
  | { kind: 'salesforceSession'; detail: string }
  | { kind: 'serverUrlMissing' }
  | { kind: 'serverUrlInvalid'; url: string }
  | { kind: 'serverUrlInsecure'; url: string };

export type StartupFailure = FrameFailure | ServerFailure;

export interface FrameState {
  /** bare: opened outside Salesforce and the mock page. started: the Salesforce side is up. */
  status: 'starting' | 'bare' | 'started';
  failure: FrameFailure | null;
  hostKind: HostKind | null;
  serverUrl: string | null;
  /** The call center item "BIZTEL Popup mode" (read for servers before 3.3.0). */
  legacyPopupMode: string | null;
  /** The Salesforce user's language. */
  salesforceLang: Lang;
  /** A sandbox whose name starts with "c" (a known Salesforce issue breaks the server URL), or null. */
  riskySandbox: string | null;
  /** The host name that shows the org uses enhanced domains (servers before 3.4.20 lack them), or null. */
  enhancedDomainHost: string | null;
  /**
   * Whether this tab's storage survives a reload. Where the browser blocks it, a reload cannot resume
   * the BIZTEL session, and the panel cannot tell a reload from a first start: it says so at sign-in.
   */
  keepsSession: boolean;
}

/** The fields the agent types into that an alert can be about. */
export type AlertField = 'signIn' | 'dialNumber' | 'transferTarget';

/**
 * What an alert is about. The alert goes as soon as that is over (alert-rules.ts), so what the panel
 * says stays true without the agent closing it:
 * - `link`: the BIZTEL server is not connected: over when the link is ready again;
 * - `salesforce`: a Salesforce call failed: over when that call works again or the Salesforce session is back;
 * - `field`: what the agent typed: over when the agent edits that field (or its call ends, or sign-out);
 * - `call`: a command on a call failed: over when the call ends or goes;
 * - `phone`: the agent's phone is not running: over when it is (the phone notice says it meanwhile);
 * - `signIn`: signing in failed or is needed: over once signed in;
 * - `agent`: the signed-in agent's work (status, click-to-call): over at sign-out.
 */
export type AlertCause =
  | { kind: 'link' }
  | { kind: 'salesforce'; what: 'clickToDial' | 'directory' | 'session' }
  | { kind: 'field'; field: AlertField; callId?: string }
  | { kind: 'call'; callId: string }
  | { kind: 'phone' }
  | { kind: 'signIn' }
  /** Click-to-call came while it could not dial (a call in progress, the link down): over when that passes. */
  | { kind: 'clickToCall' }
  | { kind: 'agent' };

export interface Alert {
  id: number;
  key: MessageKey;
  params?: Record<string, string | number>;
  detail?: string;
  tone: 'error' | 'warning' | 'info';
  cause: AlertCause;
}

/** The fields of a call the agent types into. */
export const DRAFT_FIELDS = ['notes', 'disposition'] as const;
/** What the agent typed into a call in this tab that the leader has not echoed back yet. */
export type Draft = Partial<Record<(typeof DRAFT_FIELDS)[number], string>>;

export interface LocalState {
  /** This panel's part among the agent's panels: the leader holds the BIZTEL link. */
  role: 'alone' | 'leader' | 'follower';
  alerts: Alert[];
  /** Commands waiting for their acknowledgement, by name. */
  pending: Record<string, boolean>;
  /** The number in the dial pad, and the record it came from (click-to-call) with the digits clicked. */
  dialDraft: string;
  dialDraftContext: (NonNullable<ContextRecord> & { digits: string }) | null;
  /** A follower's typing, shown here until the leader's state carries it. */
  drafts: Record<string, Draft>;
  /** Ended calls the agent closed (newest last, bounded). */
  dismissed: string[];
  /** The agent's choice of language in this browser; null follows Salesforce. */
  langOverride: Lang | null;
  /** Directory numbers: national digits → the name registered in Salesforce. */
  directory: Record<string, string>;
  /** Input this panel refused (diagnostics.ts). */
  diagnostics: DiagnosticsState;
  /** Something arrived that this panel cannot show truthfully (the leader's state unreadable): reload. */
  fault: string | null;
}

export interface PanelData {
  frame: FrameState;
  shared: SharedState;
  local: LocalState;
}

export type { SharedState };
