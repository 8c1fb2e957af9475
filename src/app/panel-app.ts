/**
 * The panel's wiring: start-up (Open CTI, call center settings, the user, the BIZTEL server) and
 * the flow BIZTEL link → store → policies → Salesforce host. React never sees sockets or `sforce`.
 */
import type { AgentEvent, Hello, Session } from '../protocol';
import type { BiztelLink, LinkStatus } from '../biztel/link';
import { capabilitiesFor, parseVersion } from '../domain/version';
import type { LaunchParams } from '../salesforce/launch';
import { HostError, type CtiHost, type HostKind, type NavigationInfo } from '../salesforce/types';
import { PanelActions } from './actions';
import { CallEffects } from './call-effects';
import { CallLogger, type LoggerOptions } from './call-logger';
import { clickToDialAvailable, handleClickToDial } from './click-to-dial';
import { loadDirectory } from './directory';
import { watchPresence } from './presence';
import { APEX_CLASS, APEX_METHODS, CALL_CENTER_ITEMS } from './config';
import { toLang } from './i18n';
import { checkServerUrl } from './server-url';
import { pushAlert, type PanelStore, type StartupFailure } from './store';

export interface PanelDeps {
  store: PanelStore;
  launch: LaunchParams;
  connectHost: (kind: HostKind) => Promise<CtiHost>;
  createLink: (serverUrl: string) => BiztelLink;
  /** How long to wait for the BIZTEL server before showing §7.2 ③ (it keeps retrying). */
  connectTimeoutMs?: number;
  logger?: LoggerOptions;
  now?: () => number;
}

export class PanelApp {
  host: CtiHost | null = null;
  link: BiztelLink | null = null;
  /** The record the agent has open in Salesforce (for screen transfer and click-to-call context). */
  navigation: NavigationInfo | null = null;
  readonly actions: PanelActions;
  readonly logger: CallLogger;
  private readonly effects: CallEffects;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly now: () => number;

  constructor(private readonly deps: PanelDeps) {
    this.now = deps.now ?? Date.now;
    this.logger = new CallLogger(deps.store, () => this.host, deps.logger);
    this.effects = new CallEffects(deps.store, () => this.host, this.logger);
    this.actions = new PanelActions(deps.store, () => this.link, () => this);
  }

  /** The next call the agent places belongs to this record (click-to-call), or to none. */
  expectPlacedCall(context: { recordId: string; name: string | null } | null): void {
    this.effects.expectPlacedCall(context);
  }

  get store(): PanelStore {
    return this.deps.store;
  }

  private fail(failure: StartupFailure): void {
    this.store.setState({ phase: 'failed', failure });
  }

  async start(): Promise<void> {
    const { launch } = this.deps;
    if (launch.kind === null) {
      this.store.setState({ phase: 'bare' });
      return;
    }
    this.store.setState({ hostKind: launch.kind });
    let host: CtiHost;
    try {
      host = await this.deps.connectHost(launch.kind);
    } catch (error) {
      this.fail({ kind: 'openCtiUnavailable', detail: message(error) });
      return;
    }
    this.host = host;
    try {
      await this.initialise(host);
    } finally {
      // Without this Salesforce switches to the standby URL; the panel is up even when it shows an error.
      host.notifyInitializationComplete();
    }
  }

  private async initialise(host: CtiHost): Promise<void> {
    let settings: Record<string, string>;
    try {
      settings = await host.getCallCenterSettings();
    } catch (error) {
      this.fail({ kind: 'openCtiUnavailable', detail: message(error) });
      return;
    }
    try {
      const info = JSON.parse(await host.runApex(APEX_CLASS, APEX_METHODS.getUserInfo, {})) as { language?: unknown };
      this.store.setState({ lang: toLang(typeof info.language === 'string' ? info.language : null) });
    } catch (error) {
      this.fail({ kind: 'apexAccess', detail: message(error) });
      return;
    }
    this.store.setState({ legacyPopupMode: settings[CALL_CENTER_ITEMS.popupMode] ?? null });
    const checked = checkServerUrl(settings[CALL_CENTER_ITEMS.serverUrl]);
    if (!checked.ok) {
      this.fail(checked.failure);
      return;
    }
    this.store.setState({ serverUrl: checked.url });
    this.watchSalesforce(host);
    await this.connect(checked.url);
  }

  private watchSalesforce(host: CtiHost): void {
    host.onNavigationChange((info) => {
      this.navigation = info;
    });
    host.onClickToDial(
      (request) => void handleClickToDial(this.store, this.actions, request, () => void host.setPanelVisible(true).catch(() => {})),
      (reason) => pushAlert(this.store, { key: 'clickToCall.invalid', params: { number: '?' }, detail: reason, tone: 'error' }),
    );
    this.unsubscribe.push(watchPresence(this.store, host));
    host.getNavigation().then(
      (info) => {
        this.navigation ??= info;
      },
      () => {},
    );
  }

  private connect(serverUrl: string): Promise<void> {
    const link = this.deps.createLink(serverUrl);
    this.link = link;
    this.unsubscribe.push(
      link.on('status', ({ status, error }) => this.onLinkStatus(status, error ?? null)),
      link.on('hello', (hello) => this.onHello(hello)),
      link.on('session', (session) => this.onSession(session)),
      link.on('event', (event) => this.onEvent(event)),
      link.on('sessionEnded', ({ reason }) => {
        this.store.setState({ session: null, signedOutReason: reason === 'signedOut' ? null : reason });
        void this.host?.setClickToDial(false).catch(() => {});
      }),
    );
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (this.store.getState().phase === 'starting') {
          this.fail({ kind: 'serverUnreachable', url: serverUrl, detail: this.store.getState().linkError ?? 'timeout' });
        }
        resolve();
      }, this.deps.connectTimeoutMs ?? 10_000);
      const off = link.on('hello', () => {
        clearTimeout(timer);
        off();
        resolve();
      });
      link.connect();
    });
  }

  private onLinkStatus(status: LinkStatus, error: string | null): void {
    this.store.setState({ linkStatus: status, linkError: error });
    this.afterChange();
    const state = this.store.getState();
    if (status === 'failed' && state.phase === 'starting' && state.serverUrl) {
      if (error === 'protocol') this.fail({ kind: 'protocolMismatch', url: state.serverUrl });
      else this.fail({ kind: 'serverUnreachable', url: state.serverUrl, detail: error ?? '' });
    }
  }

  private onHello(hello: Hello): void {
    const version = parseVersion(hello.serverVersion);
    const caps = version ? capabilitiesFor(version) : null;
    const state = this.store.getState();
    const versionChanged = state.hello?.serverVersion !== hello.serverVersion;
    this.store.setState({ hello, caps, clockOffsetMs: hello.serverTime - this.now() });
    if (versionChanged) void this.refreshDirectory();
    if (!caps?.supported) {
      this.fail({ kind: 'unsupportedVersion', version: hello.serverVersion });
      return;
    }
    // The server answered: any connection failure shown so far is over.
    if (state.phase === 'starting' || state.failure?.kind === 'serverUnreachable' || state.failure?.kind === 'unsupportedVersion') {
      this.store.setState({ phase: 'ready', failure: null });
    }
  }

  /** Directory names exist from 3.9.0; a failure to load them only costs the names. */
  private async refreshDirectory(): Promise<void> {
    const host = this.host;
    if (!host || !this.store.getState().caps?.directoryNames) {
      this.store.setState({ directory: {} });
      return;
    }
    try {
      this.store.setState({ directory: await loadDirectory(host) });
    } catch (error) {
      pushAlert(this.store, { key: 'error.salesforce', params: { detail: message(error) }, tone: 'warning' });
    }
  }

  private onSession(session: Session): void {
    this.store.setState({
      session: { agent: session.agent, statuses: session.statuses, callerIds: session.callerIds, settings: session.settings },
      signedOutReason: null,
    });
    for (const call of session.calls) this.effects.onCall(call, false);
    this.afterChange();
    void this.refreshDirectory(); // an admin's new directory numbers show from the next sign-in
  }

  private onEvent(event: AgentEvent): void {
    const session = this.store.getState().session;
    switch (event.type) {
      case 'call':
        this.effects.onCall(event.call, true);
        break;
      case 'agent':
        if (session) this.store.setState({ session: { ...session, agent: event.agent } });
        break;
      case 'settings':
        if (session) this.store.setState({ session: { ...session, settings: event.settings } });
        break;
    }
    this.afterChange();
  }

  /** Keeps Salesforce's click-to-dial in step with whether the agent can place a call now. */
  private clickToDialEnabled: boolean | null = null;
  private afterChange(): void {
    const enabled = clickToDialAvailable(this.store.getState());
    if (enabled === this.clickToDialEnabled || !this.host) return;
    this.clickToDialEnabled = enabled;
    this.host.setClickToDial(enabled).catch((error: unknown) => {
      this.clickToDialEnabled = null;
      pushAlert(this.store, { key: 'error.salesforce', params: { detail: message(error) }, tone: 'warning' });
    });
  }

  stop(): void {
    for (const off of this.unsubscribe.splice(0)) off();
    this.logger.stop();
    this.link?.close();
  }
}

export function message(error: unknown): string {
  if (error instanceof HostError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
