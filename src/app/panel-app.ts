/**
 * One panel (every Salesforce tab runs its own): start-up (Open CTI, call center settings, the user,
 * the BIZTEL server URL), its own Salesforce tab (navigation, click-to-call, presence, directory), and
 * its part among the agent's panels: the leader holds the BIZTEL link, the others follow it.
 * React never sees sockets or `sforce`.
 */
import type { BiztelLink, LinkOptions } from '../biztel/link';
import type { LaunchParams } from '../salesforce/launch';
import { enhancedDomainHost } from '../salesforce/enhanced-domains';
import { riskySandbox } from '../salesforce/sandbox';
import { HostError, type CtiHost, type HostKind, type NavigationInfo } from '../salesforce/types';
import { PanelActions } from './actions';
import { trackActiveCall } from './active-call';
import type { LoggerOptions } from './call-logger';
import { clickToDialAvailable, handleClickToDial } from './click-to-dial';
import { APEX_CLASS, APEX_METHODS, CALL_CENTER_ITEMS } from './config';
import { loadDirectory } from './directory';
import { setSalesforceLanguage } from './language';
import { LeaderCore } from './leader';
import { openOutbox, type OutboxStore } from './outbox';
import { PopRouter, servePops } from './pop-router';
import type { CommandPort } from './port';
import { watchPresence } from './presence';
import type { SessionWatchOptions } from './salesforce-session';
import { checkServerUrl } from './server-url';
import { pushAlert, type PanelState, type PanelStore, type StartupFailure } from './store';
import { channelName, newPanelId, openTabChannel, type TabChannel } from './tabs/channel';
import { electLeader, type Leadership, type LeadershipTiming } from './tabs/leadership';
import { recallAfterReload, reloadKey, rememberForReload } from './tabs/reload-memory';
import { RemotePort, servePort } from './tabs/remote-port';
import { TabRpc } from './tabs/rpc';
import { StateReplica, shareState } from './tabs/state-sync';

export interface PanelDeps {
  store: PanelStore;
  launch: LaunchParams;
  connectHost: (kind: HostKind) => Promise<CtiHost>;
  createLink: (serverUrl: string, options: Pick<LinkOptions, 'knownCallIds'>) => BiztelLink;
  /** How long to wait for the BIZTEL server before showing §7.2 ③ (it keeps retrying). */
  connectTimeoutMs?: number;
  logger?: LoggerOptions;
  salesforceSession?: SessionWatchOptions;
  leadership?: LeadershipTiming;
  /** Tests: open the outbox elsewhere than the browser's IndexedDB. */
  openOutbox?: (userId: string) => Promise<OutboxStore>;
  now?: () => number;
}

interface Coordination {
  channel: TabChannel;
  rpc: TabRpc;
  router: PopRouter;
  replica: StateReplica;
  remote: RemotePort;
  leadership: Leadership;
}

export class PanelApp {
  host: CtiHost | null = null;
  /** The record the agent has open in this tab (screen transfer and click-to-call context). */
  navigation: NavigationInfo | null = null;
  readonly panelId = newPanelId();
  readonly actions: PanelActions;
  leader: LeaderCore | null = null;
  private coordination: Coordination | null = null;
  private port: CommandPort | null = null;
  private readonly offs: (() => void)[] = [];
  private activeAt = 0;
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly deps: PanelDeps) {
    this.now = deps.now ?? Date.now;
    this.actions = new PanelActions(deps.store, () => this.port, () => this.navigation);
  }

  get store(): PanelStore {
    return this.deps.store;
  }

  /** The BIZTEL session token for the server's HTTP API (the leader's, or as shared with a follower). */
  sessionToken(): string | null {
    return this.leader?.resumeInfo()?.token ?? this.coordination?.replica.resume()?.token ?? null;
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
    // The page Salesforce framed the panel from, and the panel's own (Visualforce) host.
    const hostnames = [launch.sfdcOrigin ? safeHostname(launch.sfdcOrigin) : null, window.location.hostname];
    this.store.setState({ hostKind: launch.kind, riskySandbox: riskySandbox(hostnames), enhancedDomainHost: enhancedDomainHost(hostnames) });
    let host: CtiHost;
    try {
      host = await this.deps.connectHost(launch.kind);
    } catch (error) {
      this.fail({ kind: 'openCtiUnavailable', detail: message(error) });
      return;
    }
    this.host = host;
    let ready: { userId: string; serverUrl: string } | null = null;
    try {
      ready = await this.initialise(host);
    } finally {
      // Without this Salesforce switches to the standby URL; the panel is up even when it shows an error.
      host.notifyInitializationComplete();
    }
    if (ready) await this.coordinate(host, ready.userId, ready.serverUrl);
  }

  private async initialise(host: CtiHost): Promise<{ userId: string; serverUrl: string } | null> {
    let settings: Record<string, string>;
    try {
      settings = await host.getCallCenterSettings();
    } catch (error) {
      this.fail({ kind: 'openCtiUnavailable', detail: message(error) });
      return null;
    }
    let userId: string;
    try {
      const info = JSON.parse(await host.runApex(APEX_CLASS, APEX_METHODS.getUserInfo, {})) as { userId?: unknown; language?: unknown };
      if (typeof info.userId !== 'string' || info.userId === '') throw new Error('getUserInfo returned no user id');
      userId = info.userId;
      setSalesforceLanguage(this.store, typeof info.language === 'string' ? info.language : null);
    } catch (error) {
      this.fail({ kind: 'apexAccess', detail: message(error) });
      return null;
    }
    this.store.setState({ legacyPopupMode: settings[CALL_CENTER_ITEMS.popupMode] ?? null });
    const checked = checkServerUrl(settings[CALL_CENTER_ITEMS.serverUrl]);
    if (!checked.ok) {
      this.fail(checked.failure);
      return null;
    }
    this.store.setState({ serverUrl: checked.url });
    this.watchSalesforce(host);
    return { userId, serverUrl: checked.url };
  }

  /** This tab's Salesforce: navigation, click-to-call, the utility-bar presence, directory names. */
  private watchSalesforce(host: CtiHost): void {
    host.onNavigationChange((info) => {
      this.navigation = info;
      this.touch(); // the agent is using this tab
    });
    host.getNavigation().then(
      (info) => {
        this.navigation ??= info;
      },
      () => {},
    );
    host.onClickToDial(
      (request) => {
        this.touch();
        void handleClickToDial(this.store, this.actions, request, () => void host.setPanelVisible(true).catch(() => {}));
      },
      (reason) => pushAlert(this.store, { key: 'clickToCall.invalid', params: { number: '?' }, detail: reason, tone: 'error' }),
    );
    this.offs.push(
      watchPresence(this.store, host),
      trackActiveCall(this.store),
      this.store.subscribe((state, prev) => {
        this.syncClickToDial();
        if (state.hello?.serverVersion !== prev.hello?.serverVersion || (state.session !== null && prev.session === null)) {
          void this.refreshDirectory();
        }
      }),
    );
  }

  /** Keeps Salesforce's click-to-dial in step with whether the agent can place a call now. */
  private clickToDialEnabled: boolean | null = null;
  private syncClickToDial(): void {
    const enabled = clickToDialAvailable(this.store.getState());
    if (enabled === this.clickToDialEnabled || !this.host) return;
    this.clickToDialEnabled = enabled;
    this.host.setClickToDial(enabled).catch((error: unknown) => {
      this.clickToDialEnabled = null;
      pushAlert(this.store, { key: 'error.salesforce', params: { detail: message(error) }, tone: 'warning' });
    });
  }

  /** Directory names exist from 3.9.0; a failure to load them only costs the names. */
  private async refreshDirectory(): Promise<void> {
    const host = this.host;
    if (!host || !this.store.getState().caps?.directoryNames) {
      if (Object.keys(this.store.getState().directory).length > 0) this.store.setState({ directory: {} });
      return;
    }
    try {
      this.store.setState({ directory: await loadDirectory(host) });
    } catch (error) {
      pushAlert(this.store, { key: 'error.salesforce', params: { detail: message(error) }, tone: 'warning' });
    }
  }

  // ---- the agent's panels ----

  private async coordinate(host: CtiHost, userId: string, serverUrl: string): Promise<void> {
    const outbox = await (this.deps.openOutbox ?? openOutbox)(userId);
    let channel: TabChannel;
    try {
      channel = openTabChannel(channelName(userId, serverUrl), this.panelId, (reason) =>
        pushAlert(this.store, { key: 'tabs.invalidMessage', detail: reason, tone: 'warning' }),
      );
    } catch {
      // No BroadcastChannel: this panel works alone.
      await this.lead(host, serverUrl, outbox, userId, null);
      return;
    }
    const rpc = new TabRpc(channel);
    const router = new PopRouter(this.panelId, host, rpc, this.now);
    const replica = new StateReplica(this.store, channel, (reason) => pushAlert(this.store, { key: 'tabs.invalidMessage', detail: reason, tone: 'warning' }));
    const remote = new RemotePort(rpc, () => replica.leaderId, (callId, notes) => replica.typed(callId, notes));
    servePops(rpc, host);
    servePort(rpc, () => this.leader);
    this.offs.push(router.listen(channel));
    const leadership = await electLeader(channel, `biztel-cti-leader:${userId}`, this.deps.leadership, this.now);
    if (this.stopped) {
      leadership.stop();
      return;
    }
    this.coordination = { channel, rpc, router, replica, remote, leadership };
    this.watchActivity();
    this.port = remote;
    this.store.setState({ role: 'follower' });
    replica.sync();
    this.offs.push(
      leadership.onChange((isLeader) => {
        if (isLeader) void this.lead(host, serverUrl, outbox, userId, this.coordination);
        else this.follow();
      }),
    );
    if (leadership.isLeader) await this.lead(host, serverUrl, outbox, userId, this.coordination);
  }

  private shareOff: (() => void) | null = null;

  private async lead(host: CtiHost, serverUrl: string, outbox: OutboxStore, userId: string, c: Coordination | null): Promise<void> {
    if (this.leader || this.stopped) return;
    const memory = recallAfterReload(reloadKey(userId));
    const resume = c?.replica.resume() ?? memory?.resume ?? null;
    // After a reload, what this tab knew of its calls: no second pop, notes kept.
    if (memory && Object.keys(this.store.getState().calls).length === 0) this.store.setState({ calls: memory.calls as PanelState['calls'] });
    c?.replica.setActive(false);
    const leader = new LeaderCore({
      store: this.store,
      host,
      serverUrl,
      createLink: this.deps.createLink,
      outbox,
      popper: c?.router ?? new PopRouter(this.panelId, host, null, this.now),
      resume,
      ...(this.deps.connectTimeoutMs !== undefined ? { connectTimeoutMs: this.deps.connectTimeoutMs } : {}),
      ...(this.deps.logger ? { logger: this.deps.logger } : {}),
      ...(this.deps.salesforceSession ? { salesforceSession: this.deps.salesforceSession } : {}),
      now: this.now,
    });
    this.leader = leader;
    this.port = leader;
    this.store.setState({ role: c ? 'leader' : 'alone' });
    const forget = rememberForReload(this.store, reloadKey(userId), () => leader.resumeInfo());
    this.shareOff = c
      ? (() => {
          const off = shareState(this.store, c.channel, () => leader.resumeInfo());
          return () => {
            off();
            forget();
          };
        })()
      : forget;
    await leader.start();
  }

  private follow(): void {
    const c = this.coordination;
    if (!c) return;
    this.shareOff?.();
    this.shareOff = null;
    this.leader?.stop();
    this.leader = null;
    this.port = c.remote;
    this.store.setState({ role: 'follower' });
    c.replica.setActive(true);
  }

  /** Tells the leader whether this tab is in use, so a pop lands where the agent looks. */
  private watchActivity(): void {
    const post = () => {
      const c = this.coordination;
      if (!c) return;
      const visible = document.visibilityState === 'visible';
      c.router.update(this.panelId, { visible, activeAt: this.activeAt });
      c.channel.post({ type: 'presence', from: this.panelId, visible, activeAt: this.activeAt });
    };
    this.touch = () => {
      this.activeAt = this.now();
      post();
    };
    const onVisibility = () => {
      if (document.visibilityState !== 'visible') {
        post();
        return;
      }
      this.touch();
      // The agent is back: if Salesforce had timed out, see at once whether they logged in again.
      if (this.store.getState().salesforceSession === 'expired') void this.port?.checkSalesforce();
    };
    const onUse = () => this.touch();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('focus', onUse);
    window.addEventListener('pointerdown', onUse, true);
    window.addEventListener('keydown', onUse, true);
    const heartbeat = setInterval(post, 4000);
    this.touch();
    this.offs.push(() => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('focus', onUse);
      window.removeEventListener('pointerdown', onUse, true);
      window.removeEventListener('keydown', onUse, true);
      clearInterval(heartbeat);
    });
  }

  private touch: () => void = () => {
    this.activeAt = this.now();
  };

  stop(): void {
    this.stopped = true;
    for (const off of this.offs.splice(0)) off();
    this.shareOff?.();
    this.leader?.stop();
    const c = this.coordination;
    if (c) {
      c.channel.post({ type: 'bye', from: this.panelId });
      c.leadership.stop();
      c.replica.close();
      c.rpc.close();
      c.channel.close();
    }
  }
}

function safeHostname(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

export function message(error: unknown): string {
  if (error instanceof HostError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
