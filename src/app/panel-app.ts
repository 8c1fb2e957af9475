/**
 * One panel (every Salesforce tab runs its own): start-up (Open CTI, call center settings, the user,
 * the BIZTEL server URL), its own Salesforce tab (navigation, click-to-call, presence, directory), and
 * its part among the agent's panels: the leader holds the BIZTEL link, the others follow it.
 * React never sees sockets or `sforce`.
 */
import type { BiztelLink, LinkOptions } from '../biztel/link';
import { onHostDiagnostic } from '../salesforce/diagnostics';
import { enhancedDomainHost } from '../salesforce/enhanced-domains';
import type { LaunchParams } from '../salesforce/launch';
import { riskySandbox } from '../salesforce/sandbox';
import type { CtiHost, HostKind, NavigationInfo } from '../salesforce/types';
import { PanelActions } from './actions';
import type { LoggerOptions } from './call-logger';
import { CALL_CENTER_ITEMS } from './config';
import { DiagnosticsRecorder } from './diagnostics';
import { setSalesforceLanguage } from './language';
import { LeaderCore } from './leader';
import { openOutbox, type OutboxStore } from './outbox';
import { PopRouter, servePops } from './pop-router';
import type { CommandPort } from './port';
import type { SessionWatchOptions } from './salesforce-session';
import { watchSalesforceTab } from './salesforce-tab';
import { errorText } from './salesforce-errors';
import { readStartup } from './startup';
import type { PanelState, PanelStore, StartupFailure } from './store';
import { channelName, leaderLockName, newPanelId, openTabChannel, type TabChannel } from './tabs/channel';
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
  /** How often start-up looks again while the Salesforce session is gone (startup.ts). */
  sessionRetryMs?: number;
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
  /** Input this panel refused, counted for the agent and for tests (diagnostics.ts). */
  readonly diagnostics: DiagnosticsRecorder;
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
    this.diagnostics = new DiagnosticsRecorder(deps.store);
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
    this.offs.push(onHostDiagnostic((diagnostic) => this.diagnostics.fromHost(diagnostic)));
    let host: CtiHost;
    try {
      host = await this.deps.connectHost(launch.kind);
    } catch (error) {
      this.fail({ kind: 'openCtiUnavailable', detail: errorText(error) });
      return;
    }
    this.host = host;
    // Without this Salesforce switches to the standby URL: the panel is up even when it shows an
    // error, or waits for the Salesforce session to come back.
    let notified = false;
    const notify = () => {
      if (notified) return;
      notified = true;
      host.notifyInitializationComplete();
    };
    let started: Awaited<ReturnType<typeof readStartup>>;
    try {
      started = await readStartup(host, this.store, { stopped: () => this.stopped, waiting: notify, ...(this.deps.sessionRetryMs !== undefined ? { sessionRetryMs: this.deps.sessionRetryMs } : {}) });
    } finally {
      notify();
    }
    if (!started.ok) {
      this.fail(started.failure);
      return;
    }
    const { info } = started;
    setSalesforceLanguage(this.store, info.language);
    this.store.setState({ legacyPopupMode: info.settings[CALL_CENTER_ITEMS.popupMode] ?? null, serverUrl: info.serverUrl });
    this.offs.push(
      watchSalesforceTab(this.store, host, this.actions, {
        navigated: (navigation, replace) => {
          if (replace || !this.navigation) this.navigation = navigation;
        },
        used: () => this.touch(),
      }),
    );
    await this.coordinate(host, info.userId, info.serverUrl);
  }

  // ---- the agent's panels ----

  private async coordinate(host: CtiHost, userId: string, serverUrl: string): Promise<void> {
    const outbox = await (this.deps.openOutbox ?? openOutbox)(userId);
    let channel: TabChannel;
    try {
      channel = openTabChannel(channelName(userId, serverUrl), this.panelId, (reason) => this.diagnostics.report('tabs', reason));
    } catch {
      // No BroadcastChannel: this panel works alone.
      await this.lead(host, serverUrl, outbox, userId, null);
      return;
    }
    const rpc = new TabRpc(channel);
    const router = new PopRouter(this.panelId, host, rpc, this.now);
    const replica = new StateReplica(this.store, channel, (reason) => this.diagnostics.report('tabs', reason));
    const remote = new RemotePort(rpc, () => replica.leaderId, (callId, typed) => replica.typed(callId, typed));
    servePops(rpc, host);
    servePort(rpc, () => this.leader);
    this.offs.push(router.listen(channel));
    const leadership = await electLeader(channel, leaderLockName(userId, serverUrl), this.deps.leadership, this.now);
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
      onDiagnostic: (diagnostic) => this.diagnostics.fromLink(diagnostic),
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
    this.diagnostics.stop();
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

