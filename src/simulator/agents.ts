/**
 * Agents and their sessions in the simulated PBX: sign-in, statuses, phone endpoint presence, and
 * the per-session event log (sequence numbers and replay for clients that reconnect).
 */
import { randomBytes } from 'node:crypto';
import type { Agent, AgentEvent, Call, SessionEnded, SystemSettings } from '../protocol';
import { PbxError } from './errors';
import { SEED_AGENTS, SEED_CALLER_IDS, SEED_STATUSES, STATUS_IDS, type AgentSeed } from './seed';

/** How many events a session keeps for replay to a client that reconnects. */
const EVENT_LOG_SIZE = 1000;

export interface SessionRecord {
  token: string;
  loginId: string;
  seq: number;
  events: AgentEvent[];
}

export interface AgentRecord extends AgentSeed {
  statusId: string;
  /** The status to return to when the current call ends (calls set a system status). */
  statusAfterCall: string;
  /** A status the agent picked during a call: it applies when the call ends, before after-call work. */
  requestedStatusId: string | null;
  phoneRegistered: boolean;
  callerId: string;
  session: SessionRecord | null;
}

export interface AgentListener {
  agentEvent(session: SessionRecord, event: AgentEvent): void;
  sessionEnded(session: SessionRecord, ended: SessionEnded): void;
}

export class AgentBook {
  private readonly agents = new Map<string, AgentRecord>();
  private readonly byToken = new Map<string, SessionRecord>();
  afterCallWork = false;

  constructor(private readonly listener: AgentListener) {
    this.reset();
  }

  reset(): void {
    for (const session of this.byToken.values()) this.listener.sessionEnded(session, { reason: 'removed' });
    this.byToken.clear();
    this.agents.clear();
    this.afterCallWork = false;
    for (const seed of SEED_AGENTS) {
      this.agents.set(seed.loginId, {
        ...seed,
        statusId: STATUS_IDS.ready,
        statusAfterCall: STATUS_IDS.ready,
        requestedStatusId: null,
        phoneRegistered: true,
        callerId: SEED_CALLER_IDS[0]?.number ?? '',
        session: null,
      });
    }
  }

  all(): AgentRecord[] {
    return [...this.agents.values()];
  }

  get(loginId: string): AgentRecord | undefined {
    return this.agents.get(loginId);
  }

  byExtension(extension: string): AgentRecord | undefined {
    return this.all().find((a) => a.extension === extension);
  }

  /** Finds a transfer or dial target written as a login ID or an extension. */
  findTarget(target: string): AgentRecord | undefined {
    return this.get(target) ?? this.byExtension(target.replace(/\D/g, ''));
  }

  require(loginId: string): AgentRecord {
    const agent = this.agents.get(loginId);
    if (!agent) throw new PbxError('BAD_REQUEST', `No agent ${loginId}.`);
    return agent;
  }

  view(agent: AgentRecord): Agent {
    return {
      loginId: agent.loginId,
      name: agent.name,
      extension: agent.extension,
      statusId: agent.statusId,
      phoneRegistered: agent.phoneRegistered,
      callerId: agent.callerId,
      pendingStatusId: agent.requestedStatusId,
    };
  }

  signIn(loginId: string, password: string): SessionRecord {
    const agent = this.agents.get(loginId);
    if (!agent || agent.password !== password) {
      throw new PbxError('AUTH_FAILED', 'The login ID or the password is wrong.');
    }
    if (agent.session) this.endSession(agent.session, 'signedInElsewhere');
    const session: SessionRecord = { token: randomBytes(24).toString('base64url'), loginId, seq: 0, events: [] };
    agent.session = session;
    agent.statusId = STATUS_IDS.ready;
    agent.statusAfterCall = STATUS_IDS.ready;
    agent.requestedStatusId = null;
    // The seed's promise: after sign-in the desktop softphone counts as running, whatever QA set before.
    agent.phoneRegistered = true;
    this.byToken.set(session.token, session);
    return session;
  }

  /**
   * A crash: every session is gone at once and nobody is told (a crashed server has no time to say
   * so). A client's next command or resume with its token is refused as SESSION_EXPIRED.
   */
  forgetSessions(): void {
    this.byToken.clear();
    for (const agent of this.agents.values()) agent.session = null;
  }

  /** After a crash nobody is signed in, and agents start as a fresh sign-in would (受付可). */
  afterRestart(): void {
    for (const agent of this.agents.values()) {
      agent.statusId = STATUS_IDS.ready;
      agent.statusAfterCall = STATUS_IDS.ready;
      agent.requestedStatusId = null;
    }
  }

  session(token: string): SessionRecord {
    const session = this.byToken.get(token);
    if (!session) throw new PbxError('SESSION_EXPIRED', 'The session has ended; sign in again.');
    return session;
  }

  endSession(session: SessionRecord, reason: SessionEnded['reason']): void {
    this.byToken.delete(session.token);
    const agent = this.agents.get(session.loginId);
    if (agent?.session === session) agent.session = null;
    this.listener.sessionEnded(session, { reason });
  }

  private emit(agent: AgentRecord, make: (seq: number) => AgentEvent): void {
    const session = agent.session;
    if (!session) return;
    session.seq += 1;
    const event = make(session.seq);
    session.events.push(event);
    if (session.events.length > EVENT_LOG_SIZE) session.events.splice(0, session.events.length - EVENT_LOG_SIZE);
    this.listener.agentEvent(session, event);
  }

  emitCall(loginId: string, call: Call): void {
    const agent = this.agents.get(loginId);
    if (agent) this.emit(agent, (seq) => ({ type: 'call', seq, call }));
  }

  emitAgent(agent: AgentRecord): void {
    this.emit(agent, (seq) => ({ type: 'agent', seq, agent: this.view(agent) }));
  }

  emitSettingsToAll(settings: SystemSettings): void {
    for (const agent of this.agents.values()) this.emit(agent, (seq) => ({ type: 'settings', seq, settings }));
  }

  /** Events after `lastSeq`, or null when some of them are no longer kept (the client resyncs). */
  eventsSince(session: SessionRecord, lastSeq: number): AgentEvent[] | null {
    if (lastSeq >= session.seq) return [];
    const first = session.events[0];
    if (!first || first.seq > lastSeq + 1) return null;
    return session.events.filter((e) => e.seq > lastSeq);
  }

  setStatus(agent: AgentRecord, statusId: string, onCall: boolean): void {
    const status = SEED_STATUSES.find((s) => s.id === statusId);
    if (!status) throw new PbxError('BAD_REQUEST', `No status ${statusId}.`);
    if (!status.selectable) throw new PbxError('NOT_SELECTABLE', `${status.name} is set by the system.`);
    if (onCall) {
      // Takes effect when the call ends; the agent hears it is pending, so the panel can say so.
      agent.requestedStatusId = statusId;
      this.emitAgent(agent);
      return;
    }
    agent.statusId = statusId;
    agent.statusAfterCall = statusId;
    agent.requestedStatusId = null;
    this.emitAgent(agent);
  }

  /** A call sets a system status (着信中, 通話中, 発信通話). */
  setSystemStatus(agent: AgentRecord, statusId: string): void {
    if (agent.statusId === statusId) return;
    const current = SEED_STATUSES.find((s) => s.id === agent.statusId);
    if (current?.selectable) agent.statusAfterCall = agent.statusId;
    agent.statusId = statusId;
    this.emitAgent(agent);
  }

  /**
   * The agent's calls are over: to the status it picked during the call, else back to its status,
   * or 後作業 when after-call work is on. The agent's own pick wins: it was told it would apply.
   */
  callsOver(agent: AgentRecord, talked: boolean): void {
    const next = agent.requestedStatusId ?? (talked && this.afterCallWork ? STATUS_IDS.acw : agent.statusAfterCall);
    const hadRequest = agent.requestedStatusId !== null;
    agent.requestedStatusId = null;
    if (agent.statusId === next && !hadRequest) return;
    agent.statusId = next;
    agent.statusAfterCall = next;
    this.emitAgent(agent);
  }

  setPhoneRegistered(agent: AgentRecord, registered: boolean): void {
    if (agent.phoneRegistered === registered) return;
    agent.phoneRegistered = registered;
    this.emitAgent(agent);
  }

  setCallerId(agent: AgentRecord, number: string): void {
    if (!SEED_CALLER_IDS.some((c) => c.number === number)) {
      throw new PbxError('BAD_REQUEST', `${number} is not one of this agent's caller IDs.`);
    }
    agent.callerId = number;
    this.emitAgent(agent);
  }
}
