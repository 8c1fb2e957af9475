/**
 * `window.mockCti`: the mock-CTI page's automation API (a fixed interface that other checks rely on, so change it only on purpose;
 * members marked "extension" are additions). Safe to call from Playwright's `page.evaluate`; times are
 * `Date.now()` milliseconds. Import the types with `import type { MockCti } from 'src/mock/mock-cti'`.
 */
import type { HostMode } from './host/params';
import type { ScreenPop, WireLogEntry } from './host/host-core';
import type { FailureRate, InjectedCode, PendingFailure } from './host/failures';
import type { CallQuirks, Outcome, SimCall, SystemSettings } from './host/sim-client';
import type { SoftphoneLayout } from './org/types';
import type { ScenarioInfo } from './host/scenario-control';
import type { SocketEvent } from './host/sim-stream';
import type { ScenarioReport, StepReport } from './scenarios/runner';
import type { Step } from './scenarios/schema';

export type { CallQuirks, FailureRate, InjectedCode, Outcome, PendingFailure, ScenarioInfo, ScenarioReport, ScreenPop, SimCall, SocketEvent, SoftphoneLayout, Step, StepReport, SystemSettings, WireLogEntry };

export interface MockCti {
  /** Host up, panel framed, Open CTI initialised (the panel called notifyInitializationComplete). */
  ready(): Promise<void>;
  /** Fake org, layout, settings and simulator back to the seed data (listed in the README); logs cleared. */
  reset(): Promise<void>;
  mode: HostMode;
  /** The fake Salesforce user of this page = the BIZTEL agent of the same name. */
  user: string;
  host: {
    /**
     * Every Open CTI call from the panel. Classic ones by Classic's names (never the wire's `NAME_n`)
     * with named arguments, as the text the Classic wire carries.
     */
    calls(): { methodName: string; args: unknown; at: number }[];
    /** Navigations the host performed (record, search, new record, flow, URL); not deferred searches. */
    screenPops(): ScreenPop[];
    /** Tasks in the fake org, each with Id, however written (runApex upsert or saveLog). */
    tasks(): Record<string, unknown>[];
    /** A click on a Phone field; dropped (and logged) while the panel has click-to-dial disabled. */
    clickToDial(input: { number: string | number; recordId?: string }): void;
    /** Opens a record page; fires onNavigationChange (Lightning) / onFocus (Classic). */
    navigate(recordId: string): void;
    /**
     * The next `times` calls of the method answer SERVER_ERROR; `applied`: the work is done first (a
     * lost reply). `runApex:<apex method>` (e.g. `runApex:upsertCallLog`) fails just that Apex method.
     * Extension: `code` answers with another Open CTI error code (GENERIC_ERROR: e.g. no access to the
     * package's Apex class; INVALID_PARAM).
     */
    failNext(methodName: string, times?: number, opts?: { applied?: boolean; code?: InjectedCode }): void;
    /**
     * Each call of the method fails (SERVER_ERROR) with this probability (0 stops it). Extension:
     * `applied` true makes every such failure a lost reply (the work done), a number from 0 to 1 makes
     * that share of them one; absent or false, none.
     */
    failRate(methodName: string, probability: number, opts?: { applied?: boolean | number }): void;
    /** Salesforce session ends: runApex, saveLog, searchAndScreenPop, screenPop, getSoftphoneLayout answer SERVER_ERROR. */
    expireSession(): void;
    /** The agent has logged in to Salesforce again. */
    restoreSession(): void;
    /** "/section/item" → value, merged into the call center; the panel reads them when it starts. */
    setCallCenterSettings(items: Record<string, string>): void;
    /** getSoftphoneLayout's shape; throws TypeError when it is not one. */
    setSoftphoneLayout(layout: unknown): void;
    setDirectoryNumbers(list: { name: string; phone: string }[]): void;
    /** Extension: the page's Open CTI log (messages both ways, dropped messages, host notes). */
    wireLog(): WireLogEntry[];
    /** Extension: injected failures not used yet. */
    pendingFailures(): PendingFailure[];
  };
  server: {
    /**
     * Rings `agent` (default: this page's user), or a 受付可 agent of `queue` (with `ringAll`: every free
     * 受付可 agent, the first to answer takes it); resolves once the ring was sent.
     */
    incomingCall(input: { from: string | null; to?: string; agent?: string; queue?: string; ringAll?: boolean }): Promise<{ callId: string }>;
    /** The outside party answers an outbound call. */
    remoteAnswer(callId: string): Promise<void>;
    /** The outside party hangs up. */
    remoteHangup(callId: string): Promise<void>;
    /** How a number an agent dials or transfers to behaves. */
    setOutcome(number: string, outcome: Outcome): Promise<void>;
    /** The server's system settings, pushed live to panels. */
    setSystemSettings(settings: Partial<SystemSettings>): Promise<void>;
    /** Like a restart on that version: sockets drop, panels reconnect and re-read the version. */
    setVersion(version: string): Promise<void>;
    setScheduledUpgrade(version: string | null): Promise<void>;
    /** Whether the agent's BIZTEL desktop softphone is running (★ functions need it). */
    setDesktopSoftphone(agent: string, running: boolean): Promise<void>;
    /** Extension: agents go to 後作業 (after-call work) after each call they talked on. */
    setAfterCallWork(enabled: boolean): Promise<void>;
    /** Cuts every socket and refuses new ones for `forMs`. */
    dropConnections(forMs: number): Promise<void>;
    /**
     * The BIZTEL server crashes and restarts on the same version: every socket drops, every session is
     * lost (panels that reconnect find it gone: SESSION_EXPIRED) and every live call ends at that
     * moment as `failed`. Agents, version, settings and the calls it knew stay (`calls()` lists the cut
     * ones as ended), and call ids keep rising.
     */
    restart(): Promise<void>;
    /**
     * The next call the simulator creates (inbound, outbound or internal) carries these values
     * unchecked, as a misbehaving or newer BIZTEL server might send them: `from` (up to 1,000
     * characters of anything) in place of its caller ID, `recordingUrl` (any string up to 10,000
     * characters) sent when it ends in place of the recording page's link (answered calls only, as
     * usual), `extra` fields a call does not have, added to it in every event, snapshot and answer.
     * Rejects quirks beyond those bounds; `{}` disarms quirks armed before; `reset()` does too.
     */
    nextCallQuirks(quirks: CallQuirks): Promise<void>;
    /** Every call since the last reset, ended ones included. */
    calls(): Promise<SimCall[]>;
    /**
     * Extension: the page's live BIZTEL log, every socket.io event between the simulator and the
     * agents' panels since the last reset (passwords and session tokens taken out), oldest first.
     */
    socketEvents(): Promise<SocketEvent[]>;
    /** Extension: the simulator's log for a bug report: its state, every call with its legs, its socket events. */
    log(): Promise<Record<string, unknown>>;
  };
  /**
   * Extension: scenario scripts (a JSON list of steps, or `{title, description, steps}`), as the
   * Scenarios tab runs them. One runs at a time; the tab shows its progress either way.
   */
  scenarios: {
    /** The shipped scenarios, titled in this page's language. */
    list(): ScenarioInfo[];
    /**
     * Runs a shipped scenario's id, a script as JSON text, or a script value. Rejects, before doing
     * anything, when the script is not valid (the message lists every problem by step) or one is
     * running; otherwise resolves with the report once it passed, failed or was stopped.
     */
    run(script: unknown): Promise<ScenarioReport>;
    /** Stops the running scenario (its report says stopped). */
    stop(): void;
  };
}

declare global {
  interface Window {
    mockCti?: MockCti;
  }
}
