/**
 * The simulated BIZTEL PBX: calls with one leg per agent, PBX-like rules for every command, and
 * events only when something happened. Transport-free: `server.ts` puts it on socket.io and HTTP.
 */
import type { Call, CallState, EndReason, Hello, RecentCall, ScreenTransfer, Session } from '../protocol';
import { PROTOCOL_VERSION } from '../protocol';
import { canTransition, talkSeconds } from '../domain/call';
import { isExtension, normaliseNumber } from '../domain/phone';
import { AgentBook, type AgentListener, type AgentRecord, type SessionRecord } from './agents';
import { PbxError } from './errors';
import { Leg, type LegInit } from './leg';
import { SEED_CALLER_IDS, SEED_COMPANY_NUMBER, STATUS_IDS } from './seed';
import { ServerConfig } from './server-config';

export type Outcome = 'answer' | 'busy' | 'noAnswer' | 'invalid';

export interface PbxTiming {
  /** An inbound ring nobody answers ends as missed after this long. */
  ringTimeoutMs: number;
  /** A dialled outside number with no outcome set rings this long, then ends as no answer. */
  noAnswerMs: number;
  /** How long a set outcome (answer, busy, no answer, invalid) takes to happen. */
  outcomeDelayMs: number;
  /** The recording becomes available this long after the call ended. */
  recordingDelayMs: number;
}

export const DEFAULT_TIMING: PbxTiming = {
  ringTimeoutMs: 30_000,
  noAnswerMs: 45_000,
  outcomeDelayMs: 800,
  recordingDelayMs: 400,
};

/** CONTRACTS.md §4 `SimCall`. */
export interface SimCall {
  callId: string;
  state: CallState;
  direction: Call['direction'];
  from: string | null;
  to: string;
  agent?: string;
  /** Tones the agent sent with the keypad. */
  dtmf: string;
}

export interface PbxListener extends AgentListener {
  /** The server "restarts" (a version change): every transport drops, clients reconnect. */
  restart(): void;
}

interface CallRecord {
  callId: string;
  direction: Call['direction'];
  from: string | null;
  to: string;
  queue: string | undefined;
  legs: Map<string, Leg>;
  /** The agent holding the call now; null when it went to an outside number. */
  holder: string | null;
  ended: boolean;
  everConnected: boolean;
  recordingUrl: string | null;
  dtmf: string;
  /** A consult to an outside number (agent targets have a leg of their own). */
  externalConsult: { number: string; holder: string } | null;
  timers: Set<ReturnType<typeof setTimeout>>;
}

export interface TransferInput {
  callId: string;
  target: string;
  mode: 'blind' | 'consult';
  screen?: ScreenTransfer | undefined;
}

/** How long an ended call stays in a session snapshot, so a client that reconnects can log it. */
const SNAPSHOT_ENDED_MS = 10 * 60_000;

export class Pbx {
  readonly agents: AgentBook;
  readonly config = new ServerConfig();
  private readonly calls = new Map<string, CallRecord>();
  private readonly outcomes = new Map<string, Outcome>();
  private callCounter = 0;
  private parkCounter = 0;
  private readonly timing: PbxTiming;
  private readonly now: () => number;
  private recordingBaseUrl: string;

  constructor(
    private readonly listener: PbxListener,
    options: { recordingBaseUrl: string; timing?: Partial<PbxTiming>; now?: () => number },
  ) {
    this.agents = new AgentBook(listener);
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.now = options.now ?? Date.now;
    this.recordingBaseUrl = options.recordingBaseUrl;
  }

  /** Recording links point at the server's public address, known once it listens. */
  setRecordingBaseUrl(url: string): void {
    this.recordingBaseUrl = url;
  }

  reset(): void {
    for (const call of this.calls.values()) for (const t of call.timers) clearTimeout(t);
    this.calls.clear();
    this.outcomes.clear();
    this.callCounter = 0;
    this.parkCounter = 0;
    this.config.reset();
    this.agents.reset();
  }

  hello(): Hello {
    return {
      product: 'BIZTEL',
      protocol: PROTOCOL_VERSION,
      serverVersion: this.config.version,
      scheduledUpgrade: this.config.scheduledUpgrade,
      serverTime: this.now(),
    };
  }

  // ---- server configuration (control API) ----

  setSystemSettings(partial: Parameters<ServerConfig['setSettings']>[0]): void {
    this.config.setSettings(partial);
    this.agents.emitSettingsToAll(this.config.visibleSettings());
  }

  /** Like a restart on that version: transports drop, settings the version lacks vanish. */
  setVersion(version: string): void {
    this.config.setVersion(version);
    this.listener.restart();
  }

  setScheduledUpgrade(version: string | null): void {
    this.config.setScheduledUpgrade(version);
    this.listener.restart();
  }

  setOutcome(number: string, outcome: Outcome): void {
    const n = normaliseNumber(number);
    if (!n.ok) throw new PbxError('INVALID_NUMBER', `${number} is not a phone number.`);
    this.outcomes.set(n.digits, outcome);
  }

  setDesktopSoftphone(loginId: string, running: boolean): void {
    this.agents.setPhoneRegistered(this.agents.require(loginId), running);
  }

  setAfterCallWork(enabled: boolean): void {
    this.agents.afterCallWork = enabled;
  }

  // ---- sessions ----

  signIn(loginId: string, password: string): Session {
    return this.snapshot(this.agents.signIn(loginId, password));
  }

  resume(token: string, lastSeq: number, knownCallIds: readonly string[] = []): { session: Session; missed: unknown[] } {
    const record = this.agents.session(token);
    return { session: this.snapshot(record, new Set(knownCallIds)), missed: this.agents.eventsSince(record, lastSeq) ?? [] };
  }

  signOut(token: string): void {
    const session = this.agents.session(token);
    const agent = this.agents.require(session.loginId);
    if (this.liveLegs(agent.loginId).length > 0) {
      throw new PbxError('INVALID_STATE', 'Finish the call before signing out.');
    }
    this.agents.endSession(session, 'signedOut');
  }

  snapshot(session: SessionRecord, known: ReadonlySet<string> = new Set()): Session {
    const agent = this.agents.require(session.loginId);
    const since = this.now() - SNAPSHOT_ENDED_MS;
    const calls: Call[] = [];
    for (const call of this.calls.values()) {
      const leg = call.legs.get(agent.loginId);
      if (leg && (leg.state !== 'ended' || (leg.endedAt ?? 0) >= since || known.has(call.callId))) calls.push(this.view(call, leg));
    }
    return {
      token: session.token,
      agent: this.agents.view(agent),
      statuses: this.config.statuses(),
      callerIds: [...SEED_CALLER_IDS],
      settings: this.config.visibleSettings(),
      calls,
      seq: session.seq,
    };
  }

  agentFor(token: string): AgentRecord {
    return this.agents.require(this.agents.session(token).loginId);
  }

  setStatus(token: string, statusId: string): void {
    const agent = this.agentFor(token);
    this.agents.setStatus(agent, statusId, this.liveLegs(agent.loginId).length > 0);
  }

  setCallerId(token: string, number: string): void {
    this.agents.setCallerId(this.agentFor(token), number);
  }

  // ---- calls: views and bookkeeping ----

  private view(call: CallRecord, leg: Leg): Call {
    return leg.view(call.callId, call.queue, call.recordingUrl);
  }

  private liveLegs(loginId: string): Leg[] {
    const legs: Leg[] = [];
    for (const call of this.calls.values()) {
      const leg = call.legs.get(loginId);
      if (leg && leg.state !== 'ended') legs.push(leg);
    }
    return legs;
  }

  private requireLeg(token: string, callId: string): { call: CallRecord; leg: Leg; agent: AgentRecord } {
    const agent = this.agentFor(token);
    const call = this.calls.get(callId);
    const leg = call?.legs.get(agent.loginId);
    if (!call || !leg) throw new PbxError('NO_SUCH_CALL', `No call ${callId} for ${agent.loginId}.`);
    return { call, leg, agent };
  }

  private requirePhone(agent: AgentRecord): void {
    if (!agent.phoneRegistered) {
      throw new PbxError('PHONE_NOT_REGISTERED', 'The BIZTEL softphone (or desk phone) is not running for this agent.');
    }
  }

  private newCall(init: Pick<CallRecord, 'direction' | 'from' | 'to' | 'queue'>): CallRecord {
    this.callCounter += 1;
    const callId = `BZ${this.now().toString(36).toUpperCase()}${String(this.callCounter).padStart(4, '0')}`;
    const call: CallRecord = {
      ...init,
      callId,
      legs: new Map(),
      holder: null,
      ended: false,
      everConnected: false,
      recordingUrl: null,
      dtmf: '',
      externalConsult: null,
      timers: new Set(),
    };
    this.calls.set(callId, call);
    return call;
  }

  private addLeg(call: CallRecord, agent: AgentRecord, init: LegInit): Leg {
    const leg = new Leg(agent.loginId, init, this.now());
    call.legs.set(agent.loginId, leg);
    this.publish(call, leg);
    this.statusFor(agent, leg);
    return leg;
  }

  private publish(call: CallRecord, leg: Leg): void {
    this.agents.emitCall(leg.loginId, this.view(call, leg));
  }

  /** Applies a change to a leg, checks the state machine, and tells the agent. */
  private update(call: CallRecord, leg: Leg, change: Partial<LegInit> & { state?: CallState }): void {
    if (change.state && !canTransition(leg.state, change.state)) {
      throw new PbxError('INVALID_STATE', `A ${leg.state} call cannot become ${change.state}.`);
    }
    leg.apply(change, this.now());
    if (leg.state === 'connected') call.everConnected = true;
    this.publish(call, leg);
    const agent = this.agents.get(leg.loginId);
    if (agent) this.statusFor(agent, leg);
  }

  private endLeg(call: CallRecord, leg: Leg, reason: EndReason): void {
    if (leg.state === 'ended') return;
    this.update(call, leg, { state: 'ended', endReason: reason, consult: null });
  }

  private statusFor(agent: AgentRecord, leg: Leg): void {
    if (leg.state === 'ringing') this.agents.setSystemStatus(agent, STATUS_IDS.ringing);
    else if (leg.state === 'dialing') this.agents.setSystemStatus(agent, STATUS_IDS.outbound);
    else if (leg.state === 'connected') {
      this.agents.setSystemStatus(agent, leg.placedByAgent ? STATUS_IDS.outbound : STATUS_IDS.talking);
    } else if (leg.state === 'ended' && this.liveLegs(agent.loginId).length === 0) {
      this.agents.callsOver(agent, leg.connectedAt !== null);
    }
  }

  private later(call: CallRecord, ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      call.timers.delete(timer);
      if (!call.ended) run();
    }, ms);
    timer.unref?.();
    call.timers.add(timer);
  }

  /** Ends the whole call; `reasonFor` names each live leg's end. Schedules the recording. */
  private endCall(call: CallRecord, reasonFor: (leg: Leg) => EndReason): void {
    if (call.ended) return;
    call.ended = true;
    for (const t of call.timers) clearTimeout(t);
    call.timers.clear();
    for (const leg of call.legs.values()) this.endLeg(call, leg, reasonFor(leg));
    if (!call.everConnected) return;
    const timer = setTimeout(() => this.attachRecording(call), this.timing.recordingDelayMs);
    timer.unref?.();
  }

  private attachRecording(call: CallRecord): void {
    if (this.calls.get(call.callId) !== call) return; // reset since
    call.recordingUrl = new URL(`/recordings/${call.callId}.wav`, this.recordingBaseUrl).href;
    for (const leg of call.legs.values()) {
      if (leg.connectedAt === null) continue;
      leg.touch();
      this.publish(call, leg);
    }
  }

  recordingExists(callId: string): boolean {
    return this.calls.get(callId)?.recordingUrl != null;
  }

  // ---- inbound ----

  incomingCall(input: { from: string | null; to?: string | undefined; agent?: string | undefined; queue?: string | undefined }): { callId: string } {
    let target: AgentRecord | undefined;
    if (input.agent) {
      target = this.agents.get(input.agent);
      if (!target) throw new PbxError('BAD_REQUEST', `No agent ${input.agent}.`);
      if (!target.session) throw new PbxError('NOT_SIGNED_IN', `${input.agent} is not signed in.`);
      if (this.liveLegs(target.loginId).length > 0) throw new PbxError('INVALID_STATE', `${input.agent} is on a call.`);
    } else if (input.queue) {
      target = this.agents
        .all()
        .find((a) => a.session && a.statusId === STATUS_IDS.ready && this.liveLegs(a.loginId).length === 0);
      if (!target) throw new PbxError('TARGET_UNAVAILABLE', `No 受付可 agent for queue ${input.queue}.`);
    } else {
      throw new PbxError('BAD_REQUEST', 'An incoming call needs an agent or a queue.');
    }
    const from = input.from === null || input.from.trim() === '' ? null : input.from.trim();
    const call = this.newCall({ direction: 'inbound', from, to: input.to ?? SEED_COMPANY_NUMBER, queue: input.queue });
    call.holder = target.loginId;
    const leg = this.addLeg(call, target, { direction: 'inbound', placedByAgent: false, state: 'ringing', from, to: call.to });
    this.ringTimeout(call, leg);
    return { callId: call.callId };
  }

  private ringTimeout(call: CallRecord, leg: Leg): void {
    this.later(call, this.timing.ringTimeoutMs, () => {
      if (leg.state !== 'ringing') return;
      if (leg.role === 'consultTarget') this.consultFailed(call, leg, 'noAnswer');
      else this.endCall(call, (l) => (l === leg ? 'missed' : l.placedByAgent ? 'noAnswer' : 'completed'));
    });
  }

  answer(token: string, callId: string): Call {
    const { call, leg, agent } = this.requireLeg(token, callId);
    if (leg.state !== 'ringing') throw new PbxError('INVALID_STATE', `The call is ${leg.state}, not ringing.`);
    this.requirePhone(agent);
    this.update(call, leg, { state: 'connected' });
    if (leg.role === 'consultTarget') {
      const from = this.consultOwner(call);
      if (from?.consult) this.update(call, from, { consult: { ...from.consult, state: 'connected' } });
    } else {
      call.holder = agent.loginId;
      for (const other of call.legs.values()) {
        // An internal call: the agent who dialled is now connected too.
        if (other !== leg && other.state === 'dialing') this.update(call, other, { state: 'connected' });
      }
    }
    return this.view(call, leg);
  }

  decline(token: string, callId: string): void {
    const { call, leg } = this.requireLeg(token, callId);
    if (leg.state !== 'ringing') throw new PbxError('INVALID_STATE', `The call is ${leg.state}, not ringing.`);
    if (leg.role === 'consultTarget') {
      this.consultFailed(call, leg, 'declined');
      return;
    }
    this.endCall(call, (l) => (l === leg ? 'declined' : l.placedByAgent ? 'busy' : 'completed'));
  }

  hangup(token: string, callId: string): void {
    const { call, leg } = this.requireLeg(token, callId);
    switch (leg.state) {
      case 'ringing':
        this.decline(token, callId);
        return;
      case 'dialing':
        this.endCall(call, (l) => (l === leg ? 'canceled' : 'missed'));
        return;
      case 'parked':
        throw new PbxError('INVALID_STATE', 'Pick the parked call up before hanging up.');
      case 'ended':
        throw new PbxError('INVALID_STATE', 'The call has already ended.');
      default:
        if (leg.role === 'consultTarget') {
          this.consultFailed(call, leg, 'completed');
          return;
        }
        this.endCall(call, (l) => (l.role === 'consultTarget' ? 'consultCanceled' : l.connectedAt ? 'completed' : 'missed'));
    }
  }

  /** The outside party hangs up (control API). */
  remoteHangup(callId: string): void {
    const call = this.requireCall(callId);
    this.endCall(call, (l) => {
      if (l.role === 'consultTarget') return 'consultCanceled';
      if (l.state === 'ringing') return 'missed';
      if (l.state === 'dialing') return 'noAnswer';
      return 'completed';
    });
  }

  /** The outside party answers an outbound call, or an outside consult target answers. */
  remoteAnswer(callId: string): void {
    const call = this.requireCall(callId);
    if (call.externalConsult) {
      const owner = call.legs.get(call.externalConsult.holder);
      if (owner?.consult?.state === 'dialing') this.update(call, owner, { consult: { ...owner.consult, state: 'connected' } });
      return;
    }
    const leg = call.holder ? call.legs.get(call.holder) : undefined;
    if (call.direction !== 'outbound' || !leg || leg.state !== 'dialing') {
      throw new PbxError('INVALID_STATE', 'Only an outbound call that is ringing out can be answered by the outside party.');
    }
    this.update(call, leg, { state: 'connected' });
  }

  private requireCall(callId: string): CallRecord {
    const call = this.calls.get(callId);
    if (!call) throw new PbxError('NO_SUCH_CALL', `No call ${callId}.`);
    if (call.ended) throw new PbxError('INVALID_STATE', `Call ${callId} has ended.`);
    return call;
  }

  // ---- outbound ----

  dial(token: string, number: string, callerId?: string): Call {
    const agent = this.agentFor(token);
    this.requirePhone(agent);
    if (this.liveLegs(agent.loginId).length > 0) throw new PbxError('INVALID_STATE', 'Already on a call.');
    const n = normaliseNumber(number);
    if (!n.ok) throw new PbxError('INVALID_NUMBER', `${number} is not a number that can be dialled.`);
    if (isExtension(n.digits)) return this.dialExtension(agent, n.digits);
    const chosen = callerId ?? agent.callerId;
    if (!SEED_CALLER_IDS.some((c) => c.number === chosen)) {
      throw new PbxError('BAD_REQUEST', `${chosen} is not one of this agent's caller IDs.`);
    }
    const call = this.newCall({ direction: 'outbound', from: chosen, to: n.digits, queue: undefined });
    call.holder = agent.loginId;
    const leg = this.addLeg(call, agent, { direction: 'outbound', placedByAgent: true, state: 'dialing', from: chosen, to: n.digits });
    this.scheduleOutcome(call, n.digits, (outcome) => {
      if (outcome === 'answer') this.update(call, leg, { state: 'connected' });
      else this.endCall(call, () => (outcome === 'busy' ? 'busy' : outcome === 'invalid' ? 'invalidNumber' : 'noAnswer'));
    });
    return this.view(call, leg);
  }

  private scheduleOutcome(call: CallRecord, digits: string, run: (outcome: Outcome) => void): void {
    const outcome = this.outcomes.get(digits);
    if (outcome === undefined) this.later(call, this.timing.noAnswerMs, () => run('noAnswer'));
    else this.later(call, this.timing.outcomeDelayMs, () => run(outcome));
  }

  private dialExtension(agent: AgentRecord, extension: string): Call {
    const target = this.agents.byExtension(extension);
    if (!target) throw new PbxError('INVALID_NUMBER', `There is no extension ${extension}.`);
    if (target === agent) throw new PbxError('INVALID_NUMBER', 'That is your own extension.');
    const call = this.newCall({ direction: 'internal', from: agent.extension, to: extension, queue: undefined });
    call.holder = agent.loginId;
    const leg = this.addLeg(call, agent, {
      direction: 'internal',
      placedByAgent: true,
      state: 'dialing',
      from: agent.extension,
      to: extension,
      peerName: target.name,
    });
    if (!target.session || this.liveLegs(target.loginId).length > 0 || !target.phoneRegistered) {
      this.later(call, this.timing.outcomeDelayMs, () => this.endCall(call, () => 'busy'));
    } else {
      const ringing = this.addLeg(call, target, {
        direction: 'internal',
        placedByAgent: false,
        state: 'ringing',
        from: agent.extension,
        to: extension,
        peerName: agent.name,
      });
      this.ringTimeout(call, ringing);
    }
    return this.view(call, leg);
  }

  // ---- during a call ----

  hold(token: string, callId: string): Call {
    const { call, leg, agent } = this.requireLeg(token, callId);
    this.requirePhone(agent);
    if (leg.state !== 'connected' || leg.consult) throw new PbxError('INVALID_STATE', `A ${leg.state} call cannot be held.`);
    this.update(call, leg, { state: 'held' });
    return this.view(call, leg);
  }

  unhold(token: string, callId: string): Call {
    const { call, leg, agent } = this.requireLeg(token, callId);
    this.requirePhone(agent);
    if (leg.state !== 'held') throw new PbxError('INVALID_STATE', 'The call is not on hold.');
    this.update(call, leg, { state: 'connected' });
    return this.view(call, leg);
  }

  park(token: string, callId: string): Call {
    const { call, leg, agent } = this.requireLeg(token, callId);
    this.requirePhone(agent);
    if (leg.state !== 'connected' || leg.consult) throw new PbxError('INVALID_STATE', `A ${leg.state} call cannot be parked.`);
    this.parkCounter = (this.parkCounter % 99) + 1;
    this.update(call, leg, { state: 'parked', parkNumber: `7${String(this.parkCounter).padStart(2, '0')}` });
    return this.view(call, leg);
  }

  unpark(token: string, callId: string): Call {
    const { call, leg, agent } = this.requireLeg(token, callId);
    this.requirePhone(agent);
    if (leg.state !== 'parked') throw new PbxError('INVALID_STATE', 'The call is not parked.');
    this.update(call, leg, { state: 'connected', parkNumber: null });
    return this.view(call, leg);
  }

  dtmf(token: string, callId: string, digits: string): void {
    const { call, leg, agent } = this.requireLeg(token, callId);
    this.requirePhone(agent);
    if (leg.state !== 'connected') throw new PbxError('INVALID_STATE', 'Tones can be sent only during a connected call.');
    call.dtmf += digits;
  }

  // ---- transfer ----

  transfer(token: string, input: TransferInput): Call {
    const { call, leg, agent } = this.requireLeg(token, input.callId);
    this.requirePhone(agent);
    if ((leg.state !== 'connected' && leg.state !== 'held') || leg.consult || leg.role === 'consultTarget') {
      throw new PbxError('INVALID_STATE', `A ${leg.state} call cannot be transferred now.`);
    }
    const screen = input.screen ? { ...input.screen, fromAgent: agent.loginId } : null;
    const targetAgent = this.agents.findTarget(input.target.trim());
    if (targetAgent) {
      if (targetAgent === agent) throw new PbxError('BAD_REQUEST', 'A call cannot be transferred to yourself.');
      if (!targetAgent.session || this.liveLegs(targetAgent.loginId).length > 0 || !targetAgent.phoneRegistered) {
        throw new PbxError('TARGET_UNAVAILABLE', `${targetAgent.name} (${targetAgent.extension}) cannot take a call now.`);
      }
      return this.transferToAgent(call, leg, agent, targetAgent, input.mode, screen);
    }
    const n = normaliseNumber(input.target);
    if (!n.ok || isExtension(n.digits)) throw new PbxError('INVALID_NUMBER', `${input.target} is not an agent, an extension or a number.`);
    return this.transferToNumber(call, leg, n.digits, input.mode);
  }

  private transferToAgent(
    call: CallRecord,
    leg: Leg,
    agent: AgentRecord,
    target: AgentRecord,
    mode: 'blind' | 'consult',
    screen: ScreenTransfer | null,
  ): Call {
    const customer = { direction: call.direction, from: leg.from, to: leg.to };
    if (mode === 'blind') {
      const ringing = this.addLeg(call, target, { ...customer, placedByAgent: false, state: 'ringing', screenTransfer: screen });
      this.endLeg(call, leg, 'transferred');
      call.holder = target.loginId;
      this.ringTimeout(call, ringing);
      return this.view(call, leg);
    }
    if (leg.state === 'held') this.update(call, leg, { state: 'connected' });
    this.update(call, leg, { consult: { target: target.extension, targetName: target.name, state: 'dialing', failure: null } });
    const ringing = this.addLeg(call, target, {
      ...customer,
      placedByAgent: false,
      state: 'ringing',
      screenTransfer: screen,
      peerName: agent.name,
      role: 'consultTarget',
    });
    this.ringTimeout(call, ringing);
    return this.view(call, leg);
  }

  private transferToNumber(call: CallRecord, leg: Leg, digits: string, mode: 'blind' | 'consult'): Call {
    if (mode === 'blind') {
      this.endLeg(call, leg, 'transferred');
      call.holder = null;
      return this.view(call, leg);
    }
    if (leg.state === 'held') this.update(call, leg, { state: 'connected' });
    this.update(call, leg, { consult: { target: digits, state: 'dialing', failure: null } });
    call.externalConsult = { number: digits, holder: leg.loginId };
    const outcome = this.outcomes.get(digits) ?? 'answer';
    this.later(call, this.timing.outcomeDelayMs, () => {
      if (leg.consult?.state !== 'dialing') return;
      if (outcome === 'answer') this.update(call, leg, { consult: { ...leg.consult, state: 'connected' } });
      else {
        const failure: EndReason = outcome === 'busy' ? 'busy' : outcome === 'invalid' ? 'invalidNumber' : 'noAnswer';
        this.update(call, leg, { consult: { ...leg.consult, state: 'failed', failure } });
      }
    });
    return this.view(call, leg);
  }

  private consultOwner(call: CallRecord): Leg | undefined {
    return [...call.legs.values()].find((l) => l.consult !== null && l.state !== 'ended');
  }

  private consultTarget(call: CallRecord): Leg | undefined {
    return [...call.legs.values()].find((l) => l.role === 'consultTarget' && l.state !== 'ended');
  }

  /** The consulted agent declined, did not answer or hung up: the transferring agent may cancel. */
  private consultFailed(call: CallRecord, targetLeg: Leg, failure: EndReason): void {
    this.endLeg(call, targetLeg, 'consultCanceled');
    const owner = this.consultOwner(call);
    if (owner?.consult) this.update(call, owner, { consult: { ...owner.consult, state: 'failed', failure } });
  }

  completeTransfer(token: string, callId: string): void {
    const { call, leg } = this.requireLeg(token, callId);
    if (!leg.consult || leg.consult.state !== 'connected') {
      throw new PbxError('INVALID_STATE', 'Complete the transfer once the target has answered.');
    }
    const target = this.consultTarget(call);
    if (target) {
      target.role = 'main';
      this.update(call, target, { peerName: undefined });
      call.holder = target.loginId;
    } else {
      call.holder = null;
      call.externalConsult = null;
    }
    this.endLeg(call, leg, 'transferred');
  }

  cancelTransfer(token: string, callId: string): Call {
    const { call, leg } = this.requireLeg(token, callId);
    if (!leg.consult) throw new PbxError('INVALID_STATE', 'No transfer is in progress.');
    const target = this.consultTarget(call);
    if (target) this.endLeg(call, target, 'consultCanceled');
    call.externalConsult = null;
    this.update(call, leg, { consult: null });
    return this.view(call, leg);
  }

  // ---- lists ----

  simCalls(): SimCall[] {
    return [...this.calls.values()].map((call) => {
      const holderLeg = call.holder ? call.legs.get(call.holder) : undefined;
      let state: CallState;
      if (call.ended) state = 'ended';
      else if (holderLeg && holderLeg.state !== 'ended') state = holderLeg.consult ? 'held' : holderLeg.state;
      else state = 'connected'; // handed to an outside number; the PBX still carries it
      const sim: SimCall = { callId: call.callId, state, direction: call.direction, from: call.from, to: call.to, dtmf: call.dtmf };
      if (call.holder) sim.agent = call.holder;
      return sim;
    });
  }

  recentCalls(token: string): RecentCall[] {
    const agent = this.agentFor(token);
    const recent: RecentCall[] = [];
    for (const call of this.calls.values()) {
      const leg = call.legs.get(agent.loginId);
      if (!leg || leg.state !== 'ended' || leg.endReason === 'consultCanceled') continue;
      const view = this.view(call, leg);
      recent.push({
        callId: call.callId,
        direction: leg.direction,
        number: leg.direction === 'outbound' || (leg.direction === 'internal' && leg.placedByAgent) ? leg.to : leg.from,
        startedAt: leg.startedAt,
        durationSeconds: talkSeconds(view),
        endReason: leg.endReason,
      });
    }
    return recent.sort((a, b) => b.startedAt - a.startedAt).slice(0, 50);
  }
}

