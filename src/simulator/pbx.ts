/**
 * The simulated BIZTEL PBX: calls with one leg per agent, PBX-like rules for every command, and
 * events only when something happened. Transport-free: `server.ts` puts it on socket.io and HTTP.
 */
import type { Call, Handover, Hello, RecentCall, Session } from '../protocol';
import { PROTOCOL_VERSION } from '../protocol';
import { normaliseNumber } from '../domain/phone';
import { AgentBook, type AgentListener, type SessionRecord } from './agents';
import { CallTable, DEFAULT_TIMING, type Outcome, type PbxTiming } from './call-table';
import { PbxError } from './errors';
import { recentCalls, simCalls, type SimCall } from './lists';
import type { RecordingState } from './monitor-link';
import { incomingCall, type IncomingCallInput } from './inbound';
import { dial } from './outbound';
import { park, unpark } from './park';
import { SEED_CALLER_IDS } from './seed';
import type { CallQuirks } from './quirks';
import { ServerConfig } from './server-config';
import { cancelTransfer, completeTransfer, leaveConsult, outsideAnswered, transfer, type TransferInput } from './transfer';

export type { Outcome, PbxTiming, SimCall, TransferInput };
export { DEFAULT_TIMING };

export interface PbxListener extends AgentListener {
  /** The server restarts (a version change, a crash): every transport drops, clients reconnect. */
  restart(): void;
}

/** How long an ended call stays in a session snapshot, so a client that reconnects can log it. */
const SNAPSHOT_ENDED_MS = 10 * 60_000;

export class Pbx {
  readonly agents: AgentBook;
  readonly config = new ServerConfig();
  readonly table: CallTable;
  private readonly now: () => number;

  constructor(
    private readonly listener: PbxListener,
    options: { recordingBaseUrl: string; timing?: Partial<PbxTiming>; now?: () => number },
  ) {
    this.agents = new AgentBook(listener);
    this.now = options.now ?? Date.now;
    this.table = new CallTable(this.agents, { ...DEFAULT_TIMING, ...options.timing }, this.now, options.recordingBaseUrl);
  }

  /** Recording links point at the server's public address, known once it listens. */
  setRecordingBaseUrl(url: string): void {
    this.table.setRecordingBaseUrl(url);
  }

  reset(): void {
    this.table.reset();
    this.config.reset();
    this.agents.reset();
  }

  /**
   * A crash and restart on the same version. Sessions are lost without a word (a crashed server says
   * nothing), live calls end at this moment as failed, and every transport drops; clients that come
   * back find their session gone. What a server keeps on disk stays: agents, version, settings, the
   * calls it knew (a new session's snapshot still lists the recently ended ones), what QA set up.
   */
  restart(): void {
    this.agents.forgetSessions();
    this.table.cutLiveCalls();
    this.agents.afterRestart();
    this.listener.restart();
  }

  /** The next call the PBX creates carries these values unchecked (see `quirks.ts`); `{}` disarms. */
  nextCallQuirks(quirks: CallQuirks): void {
    const armed = quirks.from !== undefined || quirks.recordingUrl !== undefined || quirks.extra !== undefined;
    this.table.pendingQuirks = armed ? quirks : null;
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
    this.table.outcomes.set(n.digits, outcome);
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
    if (this.table.liveLegs(agent.loginId).length > 0) {
      throw new PbxError('INVALID_STATE', 'Finish the call before signing out.');
    }
    this.agents.endSession(session, 'signedOut');
  }

  snapshot(session: SessionRecord, known: ReadonlySet<string> = new Set()): Session {
    const agent = this.agents.require(session.loginId);
    const since = this.now() - SNAPSHOT_ENDED_MS;
    const calls: Call[] = [];
    for (const call of this.table.calls.values()) {
      const leg = call.legs.get(agent.loginId);
      if (leg && (leg.state !== 'ended' || (leg.endedAt ?? 0) >= since || known.has(call.callId))) calls.push(this.table.view(call, leg));
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

  setStatus(token: string, statusId: string): void {
    const agent = this.table.agentFor(token);
    this.agents.setStatus(agent, statusId, this.table.liveLegs(agent.loginId).length > 0);
  }

  setCallerId(token: string, number: string): void {
    this.agents.setCallerId(this.table.agentFor(token), number);
  }

  // ---- inbound ----

  /** An inbound call to an agent, or to a queue (`inbound.ts`). */
  incomingCall(input: IncomingCallInput): { callId: string } {
    return incomingCall(this.table, input);
  }

  answer(token: string, callId: string): Call {
    const { call, leg, agent } = this.table.requireLeg(token, callId);
    if (leg.state !== 'ringing') throw new PbxError('INVALID_STATE', `The call is ${leg.state}, not ringing.`);
    this.table.requirePhone(agent);
    this.table.update(call, leg, { state: 'connected' });
    if (leg.role === 'consultTarget') {
      const from = this.table.consultOwner(call);
      if (from?.consult) this.table.update(call, from, { consult: { ...from.consult, state: 'connected' } });
    } else {
      call.holder = agent.loginId;
      for (const other of call.legs.values()) {
        // An internal call: the agent who dialled is now connected too.
        if (other !== leg && other.state === 'dialing') this.table.update(call, other, { state: 'connected' });
      }
      // A queue that rang several agents: the others' rings stop.
      for (const other of this.table.otherRinging(call, leg)) this.table.endLeg(call, other, 'answeredElsewhere');
    }
    return this.table.view(call, leg);
  }

  decline(token: string, callId: string): void {
    const { call, leg } = this.table.requireLeg(token, callId);
    if (leg.state !== 'ringing') throw new PbxError('INVALID_STATE', `The call is ${leg.state}, not ringing.`);
    if (leg.role === 'consultTarget') {
      this.table.consultFailed(call, leg, 'declined');
      return;
    }
    this.table.endRing(call, leg, 'declined', (l) => (l.placedByAgent ? 'busy' : 'completed'));
  }

  hangup(token: string, callId: string): void {
    const { call, leg } = this.table.requireLeg(token, callId);
    switch (leg.state) {
      case 'ringing':
        this.decline(token, callId);
        return;
      case 'dialing':
        this.table.endCall(call, (l) => (l === leg ? 'canceled' : 'missed'));
        return;
      case 'parked':
        throw new PbxError('INVALID_STATE', 'Pick the parked call up before hanging up.');
      case 'ended':
        throw new PbxError('INVALID_STATE', 'The call has already ended.');
      default:
        if (leg.role === 'consultTarget') {
          this.table.consultFailed(call, leg, 'completed');
          return;
        }
        if (leg.consult) {
          leaveConsult(this.table, call, leg);
          return;
        }
        this.table.endCall(call, (l) => (l.role === 'consultTarget' ? 'consultCanceled' : l.connectedAt ? 'completed' : 'missed'));
    }
  }

  /** The outside party hangs up (control API). */
  remoteHangup(callId: string): void {
    const call = this.table.requireCall(callId);
    this.table.endCall(call, (l) => {
      if (l.role === 'consultTarget') return 'consultCanceled';
      if (l.state === 'ringing') return 'missed';
      if (l.state === 'dialing') return 'noAnswer';
      return 'completed';
    });
  }

  /** The outside party answers an outbound call, or an outside consult target answers. */
  remoteAnswer(callId: string): void {
    const call = this.table.requireCall(callId);
    if (call.externalConsult) {
      outsideAnswered(this.table, call); // a blind transfer completes, a consult connects
      return;
    }
    const leg = call.holder ? call.legs.get(call.holder) : undefined;
    if (call.direction !== 'outbound' || !leg || leg.state !== 'dialing') {
      throw new PbxError('INVALID_STATE', 'Only an outbound call that is ringing out can be answered by the outside party.');
    }
    this.table.update(call, leg, { state: 'connected' });
  }

  // ---- during a call ----

  hold(token: string, callId: string): Call {
    const { call, leg, agent } = this.table.requireLeg(token, callId);
    this.table.requirePhone(agent);
    if (leg.state !== 'connected' || leg.consult) throw new PbxError('INVALID_STATE', `A ${leg.state} call cannot be held.`);
    this.table.update(call, leg, { state: 'held' });
    return this.table.view(call, leg);
  }

  unhold(token: string, callId: string): Call {
    const { call, leg, agent } = this.table.requireLeg(token, callId);
    this.table.requirePhone(agent);
    if (leg.state !== 'held') throw new PbxError('INVALID_STATE', 'The call is not on hold.');
    this.table.update(call, leg, { state: 'connected' });
    return this.table.view(call, leg);
  }

  park(token: string, callId: string, handover?: Handover): Call {
    return park(this.table, token, callId, handover);
  }

  unpark(token: string, callId: string): Call {
    return unpark(this.table, token, callId);
  }

  dtmf(token: string, callId: string, digits: string): void {
    const { call, leg, agent } = this.table.requireLeg(token, callId);
    this.table.requirePhone(agent);
    if (leg.state !== 'connected') throw new PbxError('INVALID_STATE', 'Tones can be sent only during a connected call.');
    call.dtmf += digits;
  }

  // ---- outbound and transfers (outbound.ts, transfer.ts) ----

  dial(token: string, number: string, callerId?: string): Call {
    return dial(this.table, token, number, callerId);
  }

  transfer(token: string, input: TransferInput): Call {
    return transfer(this.table, token, input);
  }

  completeTransfer(token: string, callId: string, handover?: Handover): void {
    completeTransfer(this.table, token, callId, handover);
  }

  cancelTransfer(token: string, callId: string): Call {
    return cancelTransfer(this.table, token, callId);
  }

  // ---- lists ----

  simCalls(): SimCall[] {
    return simCalls(this.table);
  }

  recentCalls(token: string): RecentCall[] {
    return recentCalls(this.table, token);
  }

  recordingState(callId: string): RecordingState {
    return this.table.recordingState(callId);
  }
}
