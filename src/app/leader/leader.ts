/**
 * The leader panel: the one panel of this agent that holds the BIZTEL link. Link events flow into the
 * store, the pop policy and the call log from here only, so a call pops once and is logged once
 * whatever the number of Salesforce tabs.
 */
import { fetchRecentCalls } from '../../biztel/http';
import type { BiztelLink, CommandResult, Diagnostic, LinkOptions, LinkStatus } from '../../biztel/link';
import { TASK_LIMITS } from '../../domain/task-field-limits';
import type { AgentEvent, CommandRequest, CommandResponse, Hello, RecentCall, Session } from '../../protocol';
import type { CtiHost } from '../../salesforce/types';
import type { LoggerOptions, OutboxStore } from '../call-log';
import type { Machinery, Popper, SessionWatchOptions } from '../calls';
import { afterPaint } from '../platform';
import { liveCalls, type ContextRecord, type PanelStore, type ServerFailure, type ServerProbe } from '../store';
import type { ResumeInfo, TabGroup } from '../tabs';
import { helloArrived, linkOptions } from './link-setup';
import type { CallChange, CallCommand, CommandPort } from './port';

export interface LeaderDeps {
  store: PanelStore;
  host: CtiHost;
  serverUrl: string;
  /** The Salesforce user: the call-log outbox is theirs. */
  userId: string;
  createLink: (serverUrl: string, options: Pick<LinkOptions, 'knownCallIds'>) => BiztelLink;
  /**
   * A link this panel opened while the agent's panels elected their leader (made with `linkOptions`,
   * with no session): the leader takes it over as it is, connected or still connecting.
   */
  link?: BiztelLink;
  /** The agent's panels: pops go to the tab in use. Null when this panel works alone. */
  group: TabGroup | null;
  /** Tests: pops elsewhere than through the group. */
  popper?: Popper;
  /** Tests: open the outbox elsewhere than the browser's IndexedDB. */
  openOutbox?: (userId: string) => Promise<OutboxStore>;
  /** A session to resume: handed over by the previous leader, or from before this tab reloaded. */
  resume: ResumeInfo | null;
  connectTimeoutMs?: number;
  logger?: LoggerOptions;
  salesforceSession?: SessionWatchOptions;
  /** Payloads the link refused (counted and shown: platform/diagnostics.ts). */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
  /** Asks the server's HTTP endpoint whether anything answers there (startup/server-probe.ts). */
  probeServer?: (serverUrl: string) => Promise<ServerProbe>;
  now?: () => number;
}

export class LeaderCore implements CommandPort {
  readonly link: BiztelLink;
  /** The call handling, loaded once the server answered (calls/machinery.ts); null until then. */
  private machinery: Machinery | null = null;
  private loading: Promise<Machinery> | null = null;
  private readonly offs: (() => void)[] = [];
  private signOutWhenCallsEnd = false;
  private probedUrl: string | null = null;
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly deps: LeaderDeps) {
    this.now = deps.now ?? Date.now;
    this.link = deps.link ?? deps.createLink(deps.serverUrl, linkOptions(deps.store));
  }

  private get actions() {
    return this.deps.store.getState();
  }

  /**
   * The call handling, loaded once (its own chunk). It is what makes sense of a session and its
   * calls, so the link resumes or signs in only once it is here; nothing of a call is handled before.
   */
  load(): Promise<Machinery> {
    this.loading ??= import('../calls/machinery').then(async ({ createMachinery }) => {
      const { deps } = this;
      const machinery = await createMachinery({
        store: deps.store,
        host: deps.host,
        userId: deps.userId,
        group: deps.group,
        ...(deps.popper ? { popper: deps.popper } : {}),
        onSalesforceSession: (expired) => this.onSalesforceSession(expired),
        ...(deps.logger ? { logger: deps.logger } : {}),
        ...(deps.salesforceSession ? { salesforceSession: deps.salesforceSession } : {}),
        ...(deps.openOutbox ? { openOutbox: deps.openOutbox } : {}),
      });
      if (this.stopped) machinery.stop();
      else {
        this.machinery = machinery;
        void machinery.logger.restore(); // unconfirmed call logs (a reload, a crash, another tab)
      }
      return machinery;
    });
    return this.loading;
  }

  /**
   * Connects, resuming the session when there is one. With a session or calls to carry on, the call
   * handling comes first; otherwise after the server's hello (the sign-in screen does not wait for it).
   */
  async start(): Promise<void> {
    const { link } = this;
    this.offs.push(
      link.on('status', ({ status, error }) => this.onLinkStatus(status, error ?? null)),
      link.on('hello', (hello) => this.onHello(hello)),
      link.on('diagnostic', (diagnostic) => this.deps.onDiagnostic?.(diagnostic)),
      link.on('session', (session) => this.onSession(session)),
      link.on('event', (event) => this.onEvent(event)),
      link.on('sessionEnded', ({ reason, endedAt }) => {
        // The session is gone with the calls still up here (a server restart, a session taken elsewhere):
        // they end at the moment the link dropped and are logged now, not at some later sign-in.
        if (reason !== 'signedOut') this.machinery?.effects.endLive((endedAt ?? this.now()) + this.actions.shared.clockOffsetMs);
        // Signed out for the Salesforce session: keep that reason, it says what to do.
        const kept = this.actions.shared.signedOutReason === 'salesforceSession' ? 'salesforceSession' : reason === 'signedOut' ? null : reason;
        this.actions.signedOut(kept);
      }),
    );
    // A link opened while the election ran may have news already.
    if (link.status !== 'idle') this.onLinkStatus(link.status, link.error);
    if (link.hello) this.onHello(link.hello);
    if (this.deps.resume || Object.keys(this.actions.shared.calls).length > 0) {
      await this.load();
      if (this.deps.resume && !this.stopped) this.link.adopt(this.deps.resume);
    }
    await this.connect();
    // The call handling is not needed to show the sign-in screen: it loads once that is painted.
    void afterPaint().then(() => {
      if (!this.stopped) void this.load();
    });
  }

  /** Resolves once the server said hello, or once it is plainly unreachable (it keeps retrying). */
  private connect(): Promise<void> {
    const { link, deps } = this;
    if (link.hello) {
      link.connect(); // already connected: nothing to do
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (this.actions.shared.hello === null) this.fail({ kind: 'serverUnreachable', url: deps.serverUrl, detail: this.actions.shared.link.error ?? 'timeout' });
        resolve();
      }, deps.connectTimeoutMs ?? 10_000);
      const off = link.on('hello', () => {
        clearTimeout(timer);
        off();
        resolve();
      });
      link.connect();
    });
  }

  private fail(failure: ServerFailure): void {
    this.actions.serverFailed(failure);
    if (failure.kind === 'serverUnreachable' && this.probedUrl !== failure.url) void this.probe(failure.url);
  }

  /** Says whether the server answers HTTP at all (the unreachable-server diagnosis in detail). */
  private async probe(url: string): Promise<void> {
    this.probedUrl = url;
    // The diagnosis (and the HTTP client) load only when a server cannot be reached.
    const probe = await (this.deps.probeServer ?? (await import('../startup/server-probe')).probeServer)(url);
    if (!this.stopped) this.actions.serverProbed(url, probe);
  }

  private onLinkStatus(status: LinkStatus, error: string | null): void {
    this.actions.linkChanged(status, error);
    if (status === 'failed' && this.actions.shared.hello === null) {
      if (error === 'protocol') this.fail({ kind: 'protocolMismatch', url: this.deps.serverUrl });
      else this.fail({ kind: 'serverUnreachable', url: this.deps.serverUrl, detail: error ?? '' });
    }
  }

  private onHello(hello: Hello): void {
    this.probedUrl = null; // a later failure is a new one: probe again then
    helloArrived(this.deps.store, hello, this.now());
  }

  private onSession(session: Session): void {
    const { effects } = this.loaded();
    this.actions.signedIn({ agent: session.agent, statuses: session.statuses, callerIds: session.callerIds, settings: session.settings });
    for (const call of session.calls) effects.onCall(call, false);
    // A call this panel shows as live that the server no longer has: end it here rather than leave a
    // ghost (its log records the talk time up to now, the best the panel knows).
    const known = new Set(session.calls.map((c) => c.callId));
    if (liveCalls(this.actions).some((entry) => !known.has(entry.call.callId))) {
      const unknownLive = new Set(liveCalls(this.actions).filter((e) => !known.has(e.call.callId)).map((e) => e.call.callId));
      effects.endLive(this.now() + this.actions.shared.clockOffsetMs, unknownLive);
    }
  }

  /** The call handling; a session or a call event only comes after it has loaded (signIn, start). */
  private loaded(): Machinery {
    if (!this.machinery) throw new Error('a session arrived before the call handling was loaded');
    return this.machinery;
  }

  private onEvent(event: AgentEvent): void {
    switch (event.type) {
      case 'call':
        this.loaded().effects.onCall(event.call, true);
        if (this.signOutWhenCallsEnd && liveCalls(this.actions).length === 0) void this.signOutForSalesforce();
        break;
      case 'agent':
        this.actions.agentChanged(event.agent);
        break;
      case 'settings':
        this.actions.settingsChanged(event.settings);
        break;
    }
  }

  /** Salesforce's session ended: sign out of BIZTEL (after the call in progress, if any); keep the logs until it is back. */
  private onSalesforceSession(expired: boolean): void {
    this.actions.salesforceSessionChanged(expired);
    if (!expired) {
      this.signOutWhenCallsEnd = false;
      this.machinery?.logger.resume();
      return;
    }
    this.machinery?.logger.pause();
    if (liveCalls(this.actions).length > 0) this.signOutWhenCallsEnd = true;
    else void this.signOutForSalesforce();
  }

  private async signOutForSalesforce(): Promise<void> {
    this.signOutWhenCallsEnd = false;
    if (!this.link.signedIn) {
      this.actions.signedOut('salesforceSession');
      return;
    }
    const result = await this.link.signOut();
    if (result.ok) this.actions.signedOut('salesforceSession');
    else this.signOutWhenCallsEnd = true; // e.g. a call started meanwhile: after it
  }

  resumeInfo(): ResumeInfo | null {
    return this.link.resumeInfo();
  }

  // ---- what the agent does, in this panel or sent by a follower ----

  async signIn(loginId: string, password: string): Promise<CommandResult<unknown>> {
    await this.load();
    return this.link.signIn(loginId, password);
  }

  async signOut(): Promise<CommandResult<unknown>> {
    const result = await this.link.signOut();
    if (result.ok) this.actions.signedOut(null);
    return result;
  }

  command<C extends CallCommand>(name: C, request: CommandRequest<C>): Promise<CommandResult<CommandResponse<C>>> {
    return this.link.command(name, request);
  }

  updateCall(callId: string, change: CallChange): void {
    const entry = this.actions.shared.calls[callId];
    // The agent's pick among records sharing the number: offered first the next time it calls.
    if (entry && change.chosenRecordId !== undefined) this.machinery?.records.remember(entry.call, change.chosenRecordId);
    this.actions.callUpdated(callId, () => ({
      logFillOnly: false, // the agent's own change: what they see and typed here is the call's log now
      ...(change.notes !== undefined ? { notes: change.notes.slice(0, TASK_LIMITS.Description) } : {}),
      ...(change.chosenRecordId !== undefined ? { chosenRecordId: change.chosenRecordId } : {}),
      ...(change.disposition !== undefined ? { disposition: change.disposition.slice(0, TASK_LIMITS.CallDisposition) } : {}),
    }));
    // Typing (notes, the call result) is one write when the agent pauses, not one per key.
    this.machinery?.logger.changed(callId, change.notes !== undefined || change.disposition !== undefined);
  }

  expectPlacedCall(context: ContextRecord | null): void {
    this.machinery?.effects.expectPlacedCall(context);
  }

  async checkSalesforce(): Promise<boolean> {
    return (await this.load()).watch.probe();
  }

  async recentCalls(signal?: AbortSignal): Promise<RecentCall[]> {
    const resume = this.link.resumeInfo();
    if (!resume) return [];
    return fetchRecentCalls(this.deps.serverUrl, resume.token, signal);
  }

  stop(): void {
    this.stopped = true;
    for (const off of this.offs.splice(0)) off();
    this.machinery?.stop();
    this.link.close();
  }
}
