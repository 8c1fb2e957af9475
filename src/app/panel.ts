/**
 * One panel (every Salesforce tab runs its own), put together: its start-up in Salesforce, its own
 * Salesforce tab (navigation, click-to-call, presence, directory), and its part among the agent's
 * panels: the leader holds the BIZTEL link and writes the shared state, the others follow it.
 * React never sees sockets or `sforce`.
 */
import type { BiztelLink, CommandResult, LinkOptions } from '../biztel/link';
import type { Lang } from '../domain/call-log';
import type { RecentCall } from '../protocol';
import type { ReportHostDiagnostic } from '../salesforce/diagnostics';
import type { LaunchParams } from '../salesforce/launch';
import type { CtiHost, HostKind, NavigationInfo } from '../salesforce/types';
import { AgentActions, watchSalesforceTab, type AgentDeps, type CallActions } from './agent';
import type { LoggerOptions, OutboxStore } from './call-log';
import { servePops, type SessionWatchOptions } from './calls';
import { loadMessages } from './i18n';
import { EarlyLink, remotePort, serveFollowers, type CommandPort, type LeaderCore } from './leader';
import { DiagnosticsRecorder } from './platform';
import { startFrame } from './startup';
import type { PanelStore } from './store';
import {
  ChannelElection,
  LockElection,
  TabGroup,
  broadcastTransport,
  groupKey,
  locksAllowed,
  newPanelId,
  recallAfterReload,
  reloadKey,
  rememberForReload,
  type ChannelTransport,
  type ElectionTiming,
  type ResumeInfo,
} from './tabs';

export interface PanelDeps {
  store: PanelStore;
  launch: LaunchParams;
  /** The panel's build: panels of another build (during a package upgrade) form their own group. */
  build: string;
  connectHost: (kind: HostKind, report: ReportHostDiagnostic) => Promise<CtiHost>;
  createLink: (serverUrl: string, options: Pick<LinkOptions, 'knownCallIds'>) => BiztelLink;
  /** How long to wait for the BIZTEL server before saying it cannot be reached (it keeps retrying). */
  connectTimeoutMs?: number;
  logger?: LoggerOptions;
  salesforceSession?: SessionWatchOptions;
  timing?: ElectionTiming;
  /** How long a new leader waits for the old one's session when the old one was signed in. */
  handoverWaitMs?: number;
  /** How long a newcomer listens for a leader before its own link shows the sign-in screen (early-link.ts). */
  firstScreenMs?: number;
  /** How often start-up looks again while the Salesforce session is gone. */
  sessionRetryMs?: number;
  /** Tests: other transports, locks and storage than the browser's. */
  transport?: (name: string) => ChannelTransport;
  locks?: LockManager | null;
  openOutbox?: (userId: string) => Promise<OutboxStore>;
  now?: () => number;
}

interface Joined {
  host: CtiHost;
  userId: string;
  serverUrl: string;
}

export class Panel {
  readonly panelId = newPanelId();
  /** What the first screen does (sign in, alerts, language); the calls' actions load with the signed-in views. */
  readonly actions: AgentActions;
  private readonly actionDeps: AgentDeps;
  private calls: Promise<CallActions> | null = null;
  /** Input this panel refused, counted for the agent and for tests. */
  readonly diagnostics: DiagnosticsRecorder;
  /** The record the agent has open in this tab (screen transfer and click-to-call context). */
  private navigation: NavigationInfo | null = null;
  private joined: Joined | null = null;
  private group: TabGroup | null = null;
  private leader: LeaderCore | null = null;
  private leading: Promise<void> | null = null;
  private remote: ReturnType<typeof remotePort> | null = null;
  /** The session the last leader handed over, kept until this panel leads or another one does. */
  private handover: ResumeInfo | null = null;
  /** The link opened during start-up, before this panel knows whether it leads (early-link.ts). */
  private readonly early: EarlyLink;
  private readonly offs: (() => void)[] = [];
  private leaderOffs: (() => void)[] = [];
  private activeAt = 0;
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly deps: PanelDeps) {
    this.now = deps.now ?? Date.now;
    this.diagnostics = new DiagnosticsRecorder(deps.store);
    this.early = new EarlyLink({ store: deps.store, createLink: deps.createLink, electing: () => !this.leader && this.group?.status === 'electing', now: this.now });
    this.actionDeps = {
      store: deps.store,
      port: () => this.port(),
      navigation: () => this.navigation,
      signIn: (loginId, password) => this.signIn(loginId, password),
      loadLanguage: (lang: Lang) => loadMessages(lang),
    };
    this.actions = new AgentActions(this.actionDeps);
  }

  /** What a signed-in agent does (the calls, the dial pad, the status), loaded once, after the first screen. */
  callActions(): Promise<CallActions> {
    return (this.calls ??= import('./agent/call-actions').then(({ CallActions }) => new CallActions(this.actionDeps)));
  }

  get store(): PanelStore {
    return this.deps.store;
  }

  /** The BIZTEL side for this panel's actions: its own link when it leads, the leader's otherwise. */
  private port(): CommandPort | null {
    return this.leader ?? this.remote;
  }

  /** The agent's recent calls from the BIZTEL server (through the leader, which holds the session). */
  recentCalls(signal: AbortSignal): Promise<RecentCall[]> {
    const port = this.port();
    return port ? port.recentCalls(signal) : Promise.resolve([]);
  }

  async start(): Promise<void> {
    const started = await startFrame({
      store: this.store,
      launch: this.deps.launch,
      connectHost: (kind) => this.deps.connectHost(kind, (diagnostic) => this.diagnostics.fromHost(diagnostic)),
      ownHostname: window.location.hostname,
      stopped: () => this.stopped,
      onServerUrl: (url) => {
        if (!this.stopped) this.early.open(url);
      },
      ...(this.deps.sessionRetryMs !== undefined ? { sessionRetryMs: this.deps.sessionRetryMs } : {}),
    });
    if (!started || this.stopped) {
      this.early.drop();
      return;
    }
    const { host, info } = started;
    await loadMessages(this.store.getState().frame.salesforceLang);
    this.offs.push(
      watchSalesforceTab(this.store, host, () => this.callActions(), {
        navigated: (navigation, replace) => {
          if (replace || !this.navigation) this.navigation = navigation;
        },
        used: () => this.touch(),
      }),
    );
    this.joined = { host, userId: info.userId, serverUrl: info.serverUrl };
    await this.join(this.joined);
  }

  // ---- the agent's panels ----

  private async join(joined: Joined): Promise<void> {
    const name = groupKey(this.deps.build, joined.userId, joined.serverUrl);
    let transport: ChannelTransport;
    try {
      transport = (this.deps.transport ?? broadcastTransport)(name);
    } catch {
      await this.lead(); // no BroadcastChannel: this panel works alone
      return;
    }
    const locks = this.deps.locks !== undefined ? this.deps.locks : typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const useLocks = locks ? await locksAllowed(locks) : false;
    const group = new TabGroup({
      transport,
      panelId: this.panelId,
      election: (events, timing) => (useLocks && locks ? new LockElection(locks, `${name}:leader`, events) : new ChannelElection(this.panelId, timing, events, this.now)),
      ...(this.deps.timing ? { timing: this.deps.timing } : {}),
      now: this.now,
    });
    this.group = group;
    this.remote = remotePort(group, (reason) => this.store.getState().faulted(reason));
    const actions = this.store.getState();
    group.on('status', (status) => {
      if (status === 'leader') void this.lead();
      else if (status === 'follower') this.follow();
    });
    group.on('state', (state) => this.store.getState().applyShared(state));
    group.on('handover', (resume) => {
      this.handover = resume;
    });
    group.on('refused', (reason) => this.diagnostics.report('tabs', reason));
    group.on('unreadable', (reason) => {
      this.diagnostics.report('tabs', reason);
      actions.faulted(reason);
    });
    servePops(group, joined.host);
    serveFollowers(group, () => this.leader);
    actions.roleChanged('follower');
    this.watchActivity(group);
    group.start();
    this.early.listen(this.deps.firstScreenMs);
  }

  /**
   * Starts leading once: a sign-in that takes the lead and the group's role event both ask, and the
   * second must wait for the first (the leader's code loads in between). Deposed before the leader
   * was made, the next ask starts again.
   */
  private lead(): Promise<void> {
    if (this.stopped || !this.joined) return Promise.resolve();
    if (this.leader) return this.leading ?? Promise.resolve();
    const leading = (this.leading ??= this.startLeading(this.joined).finally(() => {
      if (!this.leader && this.leading === leading) this.leading = null;
    }));
    return leading;
  }

  private async startLeading({ host, userId, serverUrl }: Joined): Promise<void> {
    const { store, group } = this;
    store.getState().roleChanged(group ? 'leader' : 'alone');
    const memory = recallAfterReload(reloadKey(userId));
    // The previous leader was signed in: its session comes in a handover, which may trail the election.
    if (!this.handover && store.getState().shared.session !== null) await this.awaitHandover();
    const resume = this.handover ?? memory?.resume ?? null;
    this.handover = null;
    if (memory) store.getState().callsRestored(memory.calls);
    // The leader's code loads with the signed-in views, after the first screen: until the agent signs
    // in (or a session resumes) the sign-in screen needs only the early link's hello.
    const { LeaderCore } = await import('./leader/leader');
    if (this.leader || (group && group.status !== 'leader') || this.stopped) return; // deposed meanwhile
    const early = this.early.take(serverUrl, resume);
    const leader = new LeaderCore({
      store,
      host,
      serverUrl,
      userId,
      createLink: this.deps.createLink,
      ...(early ? { link: early } : {}),
      group,
      ...(this.deps.openOutbox ? { openOutbox: this.deps.openOutbox } : {}),
      resume,
      ...(this.deps.connectTimeoutMs !== undefined ? { connectTimeoutMs: this.deps.connectTimeoutMs } : {}),
      ...(this.deps.logger ? { logger: this.deps.logger } : {}),
      ...(this.deps.salesforceSession ? { salesforceSession: this.deps.salesforceSession } : {}),
      onDiagnostic: (diagnostic) => this.diagnostics.fromLink(diagnostic),
      now: this.now,
    });
    this.leader = leader;
    // What this tab typed as a follower and the old leader may not have had: the new writer writes it.
    for (const [callId, draft] of Object.entries(store.getState().local.drafts)) {
      leader.updateCall(callId, draft);
      store.getState().draftsSettled(callId);
    }
    const publish = () => group?.publish(store.getState().shared);
    this.leaderOffs = [
      rememberForReload(store, reloadKey(userId), () => leader.resumeInfo()),
      store.subscribe((state, prev) => {
        if (state.shared !== prev.shared) publish();
      }),
    ];
    publish();
    await leader.start();
  }

  private awaitHandover(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.deps.handoverWaitMs ?? 1500);
      const off = this.group?.on('handover', done);
      function done() {
        clearTimeout(timer);
        off?.();
        resolve();
      }
    });
  }

  /** Another panel leads now: stop the link here and give it the session this panel held. */
  private follow(): void {
    this.early.drop();
    const leader = this.leader;
    this.store.getState().roleChanged('follower');
    this.remote?.load();
    this.leading = null;
    if (!leader) return;
    this.leader = null;
    const resume = leader.resumeInfo();
    for (const off of this.leaderOffs.splice(0)) off();
    leader.stop();
    if (resume) this.group?.handOver(resume);
  }

  /** Signs in from this panel: a follower takes the leadership first, so the password stays here. */
  private async signIn(loginId: string, password: string): Promise<CommandResult<unknown>> {
    if (!this.leader && this.group) {
      try {
        await this.group.takeLead();
      } catch {
        return { ok: false, error: { code: 'OFFLINE', message: 'This panel could not take over the BIZTEL link.' } };
      }
    }
    await this.lead();
    const leader = this.leader;
    if (!leader) return { ok: false, error: { code: 'OFFLINE', message: 'The panel is still starting.' } };
    return leader.signIn(loginId, password);
  }

  /** Tells the group whether this tab is in use, so a pop lands where the agent looks. */
  private watchActivity(group: TabGroup): void {
    const post = () => group.setPresence(document.visibilityState === 'visible', this.activeAt);
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
      if (this.store.getState().shared.salesforceSession === 'expired') void this.port()?.checkSalesforce();
    };
    const onUse = () => this.touch();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('focus', onUse);
    window.addEventListener('pointerdown', onUse, true);
    window.addEventListener('keydown', onUse, true);
    this.touch();
    this.offs.push(() => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('focus', onUse);
      window.removeEventListener('pointerdown', onUse, true);
      window.removeEventListener('keydown', onUse, true);
    });
  }

  private touch: () => void = () => {
    this.activeAt = this.now();
  };

  /** The tab goes away: the session goes to the next leader, the reload memory is written, the group is left. */
  stop(): void {
    this.stopped = true;
    this.early.drop();
    for (const off of this.offs.splice(0)) off();
    this.diagnostics.stop();
    const leader = this.leader;
    if (leader) {
      const resume = leader.resumeInfo();
      for (const off of this.leaderOffs.splice(0)) off();
      if (resume) this.group?.handOver(resume);
      leader.stop();
    }
    this.group?.close();
  }
}
