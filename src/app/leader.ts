/**
 * The leader panel: the one panel of this agent that holds the BIZTEL link. Link events flow into the
 * store, the pop policy and the call log from here only, so a call pops once and is logged once
 * whatever the number of Salesforce tabs.
 */
import type { AgentEvent, CommandRequest, CommandResponse, Hello, Session } from '../protocol';
import type { BiztelLink, CommandResult, Diagnostic, LinkOptions, LinkStatus } from '../biztel/link';
import { capabilitiesFor, parseVersion } from '../domain/version';
import type { CtiHost } from '../salesforce/types';
import { CallEffects } from './call-effects';
import { CallLogger, type LoggerOptions } from './call-logger';
import type { OutboxStore } from './outbox';
import type { Popper } from './pop-router';
import type { CallChange, CallCommand, CommandPort, ContextRecord } from './port';
import { SalesforceSessionWatch, type SessionWatchOptions } from './salesforce-session';
import { probeServer, type ServerProbe } from './server-probe';
import { pruneCalls } from './shared-state';
import { liveCalls, updateCall, type PanelStore, type StartupFailure } from './store';

export interface LeaderDeps {
  store: PanelStore;
  host: CtiHost;
  serverUrl: string;
  createLink: (serverUrl: string, options: Pick<LinkOptions, 'knownCallIds'>) => BiztelLink;
  outbox: OutboxStore;
  popper: Popper;
  /** A session to resume: from the previous leader tab, or from before this tab reloaded. */
  resume: { token: string; lastSeq: number } | null;
  connectTimeoutMs?: number;
  logger?: LoggerOptions;
  salesforceSession?: SessionWatchOptions;
  /** Payloads the link refused (counted and shown: diagnostics.ts). */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
  /** §7.2 ③: asks the server's HTTP endpoint whether anything answers there (server-probe.ts). */
  probeServer?: (serverUrl: string) => Promise<ServerProbe>;
  now?: () => number;
}

export class LeaderCore implements CommandPort {
  readonly link: BiztelLink;
  readonly logger: CallLogger;
  private readonly effects: CallEffects;
  private readonly watch: SalesforceSessionWatch;
  private readonly offs: (() => void)[] = [];
  private signOutWhenCallsEnd = false;
  private readonly now: () => number;

  constructor(private readonly deps: LeaderDeps) {
    this.now = deps.now ?? Date.now;
    this.link = deps.createLink(deps.serverUrl, { knownCallIds: () => liveCalls(deps.store.getState()).map((e) => e.call.callId) });
    if (deps.resume) this.link.adopt(deps.resume);
    this.watch = new SalesforceSessionWatch(deps.host, (expired) => this.onSalesforceSession(expired), deps.salesforceSession);
    this.logger = new CallLogger(deps.store, () => deps.host, deps.outbox, {
      ...deps.logger,
      onSalesforceError: (error) => this.watch.report(error),
    });
    this.effects = new CallEffects(deps.store, deps.popper, this.logger, (error) => this.watch.report(error));
    deps.store.setState({ durableLogs: deps.outbox.durable });
  }

  private get store(): PanelStore {
    return this.deps.store;
  }

  /** Connects (resuming the session when there is one) and picks up unconfirmed call logs. */
  async start(): Promise<void> {
    const { link } = this;
    this.offs.push(
      link.on('status', ({ status, error }) => this.onLinkStatus(status, error ?? null)),
      link.on('hello', (hello) => this.onHello(hello)),
      link.on('diagnostic', (diagnostic) => this.deps.onDiagnostic?.(diagnostic)),
      link.on('session', (session) => this.onSession(session)),
      link.on('event', (event) => this.onEvent(event)),
      link.on('sessionEnded', ({ reason }) => {
        const state = this.store.getState();
        // Signed out for the Salesforce session: keep that reason, it says what to do.
        const kept = state.signedOutReason === 'salesforceSession' ? 'salesforceSession' : reason === 'signedOut' ? null : reason;
        this.store.setState({ session: null, signedOutReason: kept });
      }),
      this.store.subscribe((state, prev) => {
        if (state.calls !== prev.calls) {
          const pruned = pruneCalls(state.calls, state.activeCallId);
          if (pruned !== state.calls) this.store.setState({ calls: pruned });
        }
      }),
    );
    void this.logger.restore();
    await this.connect();
  }

  private connect(): Promise<void> {
    const { link, deps } = this;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (this.store.getState().phase === 'starting') {
          this.fail({ kind: 'serverUnreachable', url: deps.serverUrl, detail: this.store.getState().linkError ?? 'timeout' });
        }
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

  private fail(failure: StartupFailure): void {
    if (failure.kind !== 'serverUnreachable') {
      this.store.setState({ phase: 'failed', failure });
      return;
    }
    // The socket keeps retrying and fails again each time: keep what the probe found, probe once.
    const shown = this.store.getState().failure;
    const probe = shown?.kind === 'serverUnreachable' && shown.url === failure.url ? shown.probe : undefined;
    this.store.setState({ phase: 'failed', failure: probe ? { ...failure, probe } : failure });
    if (this.probedUrl !== failure.url) void this.probe(failure.url);
  }

  private probedUrl: string | null = null;

  /** Says whether the server answers HTTP at all (§7.2 ③ in detail: server-probe.ts). */
  private async probe(url: string): Promise<void> {
    this.probedUrl = url;
    const probe = await (this.deps.probeServer ?? probeServer)(url);
    const failure = this.store.getState().failure;
    if (this.stopped || failure?.kind !== 'serverUnreachable' || failure.url !== url) return; // recovered meanwhile
    this.store.setState({ failure: { ...failure, probe } });
  }

  private onLinkStatus(status: LinkStatus, error: string | null): void {
    this.store.setState({ linkStatus: status, linkError: error });
    const state = this.store.getState();
    if (status === 'failed' && state.phase === 'starting') {
      if (error === 'protocol') this.fail({ kind: 'protocolMismatch', url: this.deps.serverUrl });
      else this.fail({ kind: 'serverUnreachable', url: this.deps.serverUrl, detail: error ?? '' });
    }
  }

  private onHello(hello: Hello): void {
    const version = parseVersion(hello.serverVersion);
    const caps = version ? capabilitiesFor(version) : null;
    const state = this.store.getState();
    this.store.setState({ hello, caps, clockOffsetMs: hello.serverTime - this.now() });
    if (!caps?.supported) {
      this.fail({ kind: 'unsupportedVersion', version: hello.serverVersion });
      return;
    }
    this.probedUrl = null; // a later failure is a new one: probe again then
    // The server answered: any connection failure shown so far is over.
    const serverFailure = state.failure?.kind === 'serverUnreachable' || state.failure?.kind === 'unsupportedVersion' || state.failure?.kind === 'protocolMismatch';
    if (state.phase === 'starting' || serverFailure) this.store.setState({ phase: 'ready', failure: null });
  }

  private onSession(session: Session): void {
    this.store.setState({
      session: { agent: session.agent, statuses: session.statuses, callerIds: session.callerIds, settings: session.settings },
      signedOutReason: null,
    });
    for (const call of session.calls) this.effects.onCall(call, false);
    // A call this panel shows as live that the server no longer has (it restarted and lost it): end
    // it here rather than leave a ghost; its log records the talk time up to now.
    const known = new Set(session.calls.map((c) => c.callId));
    for (const entry of liveCalls(this.store.getState())) {
      if (known.has(entry.call.callId)) continue;
      const endedAt = this.now() + this.store.getState().clockOffsetMs; // the PBX's clock
      this.effects.onCall({ ...entry.call, rev: entry.call.rev + 1, state: 'ended', endReason: 'failed', endedAt, consult: null, parkNumber: null }, false);
    }
  }

  private onEvent(event: AgentEvent): void {
    const session = this.store.getState().session;
    switch (event.type) {
      case 'call':
        this.effects.onCall(event.call, true);
        if (this.signOutWhenCallsEnd && liveCalls(this.store.getState()).length === 0) void this.signOutForSalesforce();
        break;
      case 'agent':
        if (session) this.store.setState({ session: { ...session, agent: event.agent } });
        break;
      case 'settings':
        if (session) this.store.setState({ session: { ...session, settings: event.settings } });
        break;
    }
  }

  /** §9: sign out of BIZTEL (after the call in progress, if any), keep the logs until Salesforce is back. */
  private onSalesforceSession(expired: boolean): void {
    this.store.setState({ salesforceSession: expired ? 'expired' : 'ok' });
    if (!expired) {
      this.signOutWhenCallsEnd = false;
      this.logger.resume();
      return;
    }
    this.logger.pause();
    if (liveCalls(this.store.getState()).length > 0) this.signOutWhenCallsEnd = true;
    else void this.signOutForSalesforce();
  }

  private async signOutForSalesforce(): Promise<void> {
    this.signOutWhenCallsEnd = false;
    if (!this.link.signedIn) {
      this.store.setState({ signedOutReason: 'salesforceSession' });
      return;
    }
    const result = await this.link.signOut();
    if (result.ok) this.store.setState({ session: null, signedOutReason: 'salesforceSession' });
    else this.signOutWhenCallsEnd = true; // e.g. a call started meanwhile: after it
  }

  resumeInfo(): { token: string; lastSeq: number } | null {
    return this.link.resumeInfo();
  }

  // ---- CommandPort ----

  signIn(loginId: string, password: string): Promise<CommandResult<unknown>> {
    return this.link.signIn(loginId, password);
  }

  async signOut(): Promise<CommandResult<unknown>> {
    const result = await this.link.signOut();
    if (result.ok) this.store.setState({ session: null, signedOutReason: null });
    return result;
  }

  command<C extends CallCommand>(name: C, request: CommandRequest<C>): Promise<CommandResult<CommandResponse<C>>> {
    return this.link.command(name, request);
  }

  updateCall(callId: string, change: CallChange): void {
    updateCall(this.store, callId, () => ({
      ...(change.notes !== undefined ? { notes: change.notes.slice(0, 32_000) } : {}),
      ...(change.chosenRecordId !== undefined ? { chosenRecordId: change.chosenRecordId } : {}),
      ...(change.disposition !== undefined ? { disposition: change.disposition.slice(0, 255) } : {}),
    }));
    // Typing (notes, the call result) is one write when the agent pauses, not one per key.
    this.logger.changed(callId, change.notes !== undefined || change.disposition !== undefined);
  }

  expectPlacedCall(context: ContextRecord): void {
    this.effects.expectPlacedCall(context);
  }

  checkSalesforce(): Promise<boolean> {
    return this.watch.probe();
  }

  /** A follower's Salesforce call failed in a way that may be the session. */
  reportSalesforceError(error: unknown): void {
    this.watch.report(error);
  }

  private stopped = false;

  stop(): void {
    this.stopped = true;
    for (const off of this.offs.splice(0)) off();
    this.watch.stop();
    this.logger.stop();
    this.link.close();
  }
}
