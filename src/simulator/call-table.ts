/**
 * The PBX's call table: calls with one leg per agent, the bookkeeping every command shares (views,
 * state-machine checks, events to agents, system statuses, ends, recordings, timers).
 */
import type { Call, CallState, EndReason, Handover } from '../protocol';
import { canTransition } from '../domain/call';
import type { AgentBook, AgentRecord } from './agents';
import { PbxError } from './errors';
import { Leg, type LegInit } from './leg';
import { monitorLink, type RecordingState } from './monitor-link';
import { withExtra, type CallQuirks } from './quirks';
import { requestIds } from './request-id';
import { STATUS_IDS } from './seed';

export type Outcome = 'answer' | 'busy' | 'noAnswer' | 'invalid';

export interface PbxTiming {
  /** An inbound ring nobody answers ends as missed after this long. */
  ringTimeoutMs: number;
  /** A dialled outside number with no outcome set rings this long, then ends as no answer. */
  noAnswerMs: number;
  /** How long a set outcome (answer, busy, no answer, invalid) takes to happen. */
  outcomeDelayMs: number;
  /** The call's recording link is sent this long after the call ended. */
  recordingDelayMs: number;
  /** The recording page has its player this long after the hang-up; before, it says "being prepared". */
  recordingReadyMs: number;
}

export const DEFAULT_TIMING: PbxTiming = {
  ringTimeoutMs: 30_000,
  noAnswerMs: 45_000,
  outcomeDelayMs: 800,
  recordingDelayMs: 400,
  recordingReadyMs: 5_000,
};

export interface CallRecord {
  callId: string;
  direction: Call['direction'];
  from: string | null;
  to: string;
  queue: string | undefined;
  legs: Map<string, Leg>;
  /** The agent holding the call now; null when it went to an outside number. */
  holder: string | null;
  ended: boolean;
  /** When the whole call ended (the hang-up): its recording is ready `recordingReadyMs` later. */
  endedAt: number | null;
  everConnected: boolean;
  recordingUrl: string | null;
  dtmf: string;
  /**
   * A transfer to an outside number in progress: who started it, and how. A blind one hands the call
   * over once the number answers; a consult connects the agent to it first.
   */
  externalConsult: { number: string; holder: string; mode: 'blind' | 'consult' } | null;
  /** The hand-over left with the call while it is parked, for another agent who picks it up. */
  parkHandover: Handover | null;
  timers: Set<ReturnType<typeof setTimeout>>;
  /** What this call carries unchecked (`nextCallQuirks`), or null for an ordinary call. */
  quirks: CallQuirks | null;
}

export class CallTable {
  readonly calls = new Map<string, CallRecord>();
  readonly outcomes = new Map<string, Outcome>();
  private parkCounter = 0;
  private recordingBaseUrl: string;
  /** Quirks for the next call created (any kind), armed by the control API. */
  pendingQuirks: CallQuirks | null = null;

  constructor(
    readonly agents: AgentBook,
    readonly timing: PbxTiming,
    readonly now: () => number,
    recordingBaseUrl: string,
  ) {
    this.recordingBaseUrl = recordingBaseUrl;
  }

  /** Recording links point at the server's public address, known once it listens. */
  setRecordingBaseUrl(url: string): void {
    this.recordingBaseUrl = url;
  }

  reset(): void {
    for (const call of this.calls.values()) for (const t of call.timers) clearTimeout(t);
    this.calls.clear();
    this.outcomes.clear();
    this.pendingQuirks = null;
    this.parkCounter = 0;
  }

  /** A crash: every live call ends at this moment, as failed (the PBX cut it). Ended calls stay known. */
  cutLiveCalls(): void {
    for (const call of this.calls.values()) if (!call.ended) this.endCall(call, () => 'failed');
  }

  nextParkNumber(): string {
    this.parkCounter = (this.parkCounter % 99) + 1;
    return `7${String(this.parkCounter).padStart(2, '0')}`;
  }

  view(call: CallRecord, leg: Leg): Call {
    return withExtra(leg.view(call.callId, call.queue, call.recordingUrl), call.quirks);
  }

  liveLegs(loginId: string): Leg[] {
    const legs: Leg[] = [];
    for (const call of this.calls.values()) {
      const leg = call.legs.get(loginId);
      if (leg && leg.state !== 'ended') legs.push(leg);
    }
    return legs;
  }

  requireLeg(token: string, callId: string): { call: CallRecord; leg: Leg; agent: AgentRecord } {
    const agent = this.agentFor(token);
    const call = this.calls.get(callId);
    const leg = call?.legs.get(agent.loginId);
    if (!call || !leg) throw new PbxError('NO_SUCH_CALL', `No call ${callId} for ${agent.loginId}.`);
    return { call, leg, agent };
  }

  requirePhone(agent: AgentRecord): void {
    if (!agent.phoneRegistered) {
      throw new PbxError('PHONE_NOT_REGISTERED', 'The BIZTEL softphone (or desk phone) is not running for this agent.');
    }
  }

  /**
   * A new call with a new request ID. It takes the quirks armed for the next call, if any: their `from`
   * replaces the one given, so its legs (built from `call.from`) carry it too.
   */
  newCall(init: Pick<CallRecord, 'direction' | 'from' | 'to' | 'queue'>): CallRecord {
    const callId = requestIds.next();
    const quirks = this.pendingQuirks;
    this.pendingQuirks = null;
    const call: CallRecord = {
      ...init,
      from: quirks?.from ?? init.from,
      callId,
      legs: new Map(),
      holder: null,
      ended: false,
      endedAt: null,
      everConnected: false,
      recordingUrl: null,
      dtmf: '',
      externalConsult: null,
      parkHandover: null,
      timers: new Set(),
      quirks,
    };
    this.calls.set(callId, call);
    return call;
  }

  /** A new leg for the agent; one it had before on this call (now ended) is replaced, its revisions continued. */
  addLeg(call: CallRecord, agent: AgentRecord, init: LegInit): Leg {
    const previous = call.legs.get(agent.loginId);
    const leg = new Leg(agent.loginId, init, this.now(), previous ? previous.rev + 1 : 0);
    call.legs.set(agent.loginId, leg);
    this.publish(call, leg);
    this.statusFor(agent, leg);
    return leg;
  }

  publish(call: CallRecord, leg: Leg): void {
    this.agents.emitCall(leg.loginId, this.view(call, leg));
  }

  /** Applies a change to a leg, checks the state machine, and tells the agent. */
  update(call: CallRecord, leg: Leg, change: Partial<LegInit> & { state?: CallState }): void {
    if (change.state && !canTransition(leg.state, change.state)) {
      throw new PbxError('INVALID_STATE', `A ${leg.state} call cannot become ${change.state}.`);
    }
    leg.apply(change, this.now());
    if (leg.state === 'connected') call.everConnected = true;
    this.publish(call, leg);
    const agent = this.agents.get(leg.loginId);
    if (agent) this.statusFor(agent, leg);
  }

  endLeg(call: CallRecord, leg: Leg, reason: EndReason): void {
    if (leg.state === 'ended') return;
    this.update(call, leg, { state: 'ended', endReason: reason, consult: null });
  }

  statusFor(agent: AgentRecord, leg: Leg): void {
    if (leg.state === 'ringing') this.agents.setSystemStatus(agent, STATUS_IDS.ringing);
    else if (leg.state === 'dialing') this.agents.setSystemStatus(agent, STATUS_IDS.outbound);
    else if (leg.state === 'connected') {
      this.agents.setSystemStatus(agent, leg.placedByAgent ? STATUS_IDS.outbound : STATUS_IDS.talking);
    } else if (leg.state === 'ended' && this.liveLegs(agent.loginId).length === 0) {
      this.agents.callsOver(agent, leg.connectedAt !== null);
    }
  }

  later(call: CallRecord, ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      call.timers.delete(timer);
      if (!call.ended) run();
    }, ms);
    timer.unref?.();
    call.timers.add(timer);
  }

  /** Ends the whole call; `reasonFor` names each live leg's end. Schedules the recording. */
  endCall(call: CallRecord, reasonFor: (leg: Leg) => EndReason): void {
    if (call.ended) return;
    call.ended = true;
    call.endedAt = this.now();
    for (const t of call.timers) clearTimeout(t);
    call.timers.clear();
    for (const leg of call.legs.values()) this.endLeg(call, leg, reasonFor(leg));
    if (!call.everConnected) return;
    const timer = setTimeout(() => this.attachRecording(call), this.timing.recordingDelayMs);
    timer.unref?.();
  }

  /** The link to the call's recording page (or what its quirks say to send instead), sent to who talked on it. */
  attachRecording(call: CallRecord): void {
    if (this.calls.get(call.callId) !== call) return; // reset since
    call.recordingUrl = call.quirks?.recordingUrl ?? monitorLink(this.recordingBaseUrl, call.callId);
    for (const leg of call.legs.values()) {
      if (leg.connectedAt === null) continue;
      leg.touch();
      this.publish(call, leg);
    }
  }

  /** What the call's recording page shows now: only answered calls are recorded. */
  recordingState(callId: string): RecordingState {
    const call = this.calls.get(callId);
    if (!call?.everConnected) return 'none';
    return call.endedAt !== null && this.now() >= call.endedAt + this.timing.recordingReadyMs ? 'ready' : 'preparing';
  }

  ringTimeout(call: CallRecord, leg: Leg): void {
    this.later(call, this.timing.ringTimeoutMs, () => {
      if (leg.state !== 'ringing') return;
      if (leg.role === 'consultTarget') this.consultFailed(call, leg, 'noAnswer');
      else this.endRing(call, leg, 'missed', (l) => (l.placedByAgent ? 'noAnswer' : 'completed'));
    });
  }

  /**
   * A ring ends at one agent (declined, not answered): a queue call still ringing at other agents
   * rings on there; otherwise the whole call ends, `others` naming how it ends for the other legs.
   */
  endRing(call: CallRecord, leg: Leg, reason: 'declined' | 'missed', others: (leg: Leg) => EndReason): void {
    if (this.otherRinging(call, leg).length > 0) this.endLeg(call, leg, reason);
    else this.endCall(call, (l) => (l === leg ? reason : others(l)));
  }

  /** The other agents a queue call is ringing at (a ring-all queue), consult targets aside. */
  otherRinging(call: CallRecord, leg: Leg): Leg[] {
    return [...call.legs.values()].filter((l) => l !== leg && l.state === 'ringing' && l.role !== 'consultTarget');
  }

  requireCall(callId: string): CallRecord {
    const call = this.calls.get(callId);
    if (!call) throw new PbxError('NO_SUCH_CALL', `No call ${callId}.`);
    if (call.ended) throw new PbxError('INVALID_STATE', `Call ${callId} has ended.`);
    return call;
  }

  scheduleOutcome(call: CallRecord, digits: string, run: (outcome: Outcome) => void): void {
    const outcome = this.outcomes.get(digits);
    if (outcome === undefined) this.later(call, this.timing.noAnswerMs, () => run('noAnswer'));
    else this.later(call, this.timing.outcomeDelayMs, () => run(outcome));
  }

  consultOwner(call: CallRecord): Leg | undefined {
    return [...call.legs.values()].find((l) => l.consult !== null && l.state !== 'ended');
  }

  consultTarget(call: CallRecord): Leg | undefined {
    return [...call.legs.values()].find((l) => l.role === 'consultTarget' && l.state !== 'ended');
  }

  /** The consulted agent declined, did not answer or hung up: the transferring agent may cancel. */
  consultFailed(call: CallRecord, targetLeg: Leg, failure: EndReason): void {
    this.endLeg(call, targetLeg, 'consultCanceled');
    const owner = this.consultOwner(call);
    if (owner?.consult) this.update(call, owner, { consult: { ...owner.consult, state: 'failed', failure } });
  }

  agentFor(token: string): AgentRecord {
    return this.agents.require(this.agents.session(token).loginId);
  }
}
