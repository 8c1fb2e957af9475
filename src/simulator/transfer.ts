/**
 * Blind and consultative transfers to agents (with the screen-transferred record and the hand-over)
 * and to outside numbers, which behave as QA set them (`setOutcome`) exactly as dialled numbers do.
 */
import type { Call, EndReason, Handover, ScreenTransfer } from '../protocol';
import { isExtension, normaliseNumber } from '../domain/phone';
import type { AgentRecord } from './agents';
import type { CallRecord, CallTable } from './call-table';
import { PbxError } from './errors';
import type { Leg } from './leg';

export interface TransferInput {
  callId: string;
  target: string;
  mode: 'blind' | 'consult';
  screen?: ScreenTransfer | undefined;
  handover?: Handover | undefined;
}

/** A hand-over as the receiving agent gets it: what the panel sent, with who it came from and how. */
export function stampHandover(handover: Handover | undefined, from: AgentRecord, via: 'transfer' | 'park'): Handover | null {
  if (!handover) return null;
  return { notes: handover.notes, result: handover.result, record: handover.record, fromAgent: from.loginId, fromAgentName: from.name, via };
}

export function transfer(t: CallTable, token: string, input: TransferInput): Call {
  const { call, leg, agent } = t.requireLeg(token, input.callId);
  t.requirePhone(agent);
  if ((leg.state !== 'connected' && leg.state !== 'held') || leg.consult || leg.role === 'consultTarget') {
    throw new PbxError('INVALID_STATE', `A ${leg.state} call cannot be transferred now.`);
  }
  const screen = input.screen ? { ...input.screen, fromAgent: agent.loginId } : null;
  const targetAgent = t.agents.findTarget(input.target.trim());
  if (targetAgent) {
    if (targetAgent === agent) throw new PbxError('BAD_REQUEST', 'A call cannot be transferred to yourself.');
    if (!targetAgent.session || t.liveLegs(targetAgent.loginId).length > 0 || !targetAgent.phoneRegistered) {
      throw new PbxError('TARGET_UNAVAILABLE', `${targetAgent.name} (${targetAgent.extension}) cannot take a call now.`);
    }
    return transferToAgent(t, call, leg, agent, targetAgent, input.mode, { screenTransfer: screen, handover: stampHandover(input.handover, agent, 'transfer') });
  }
  const n = normaliseNumber(input.target);
  if (!n.ok || isExtension(n.digits)) throw new PbxError('INVALID_NUMBER', `${input.target} is not an agent, an extension or a number.`);
  return transferToNumber(t, call, leg, n.digits, input.mode);
}

function transferToAgent(t: CallTable, 
  call: CallRecord,
  leg: Leg,
  agent: AgentRecord,
  target: AgentRecord,
  mode: 'blind' | 'consult',
  carried: { screenTransfer: ScreenTransfer | null; handover: Handover | null },
): Call {
  const customer = { direction: call.direction, from: leg.from, to: leg.to, ...carried };
  if (mode === 'blind') {
    const ringing = t.addLeg(call, target, { ...customer, placedByAgent: false, state: 'ringing' });
    t.endLeg(call, leg, 'transferred');
    call.holder = target.loginId;
    t.ringTimeout(call, ringing);
    return t.view(call, leg);
  }
  if (leg.state === 'held') t.update(call, leg, { state: 'connected' });
  t.update(call, leg, { consult: { target: target.extension, targetName: target.name, state: 'dialing', failure: null, kind: 'consult' } });
  const ringing = t.addLeg(call, target, {
    ...customer,
    placedByAgent: false,
    state: 'ringing',
    peerName: agent.name,
    role: 'consultTarget',
  });
  t.ringTimeout(call, ringing);
  return t.view(call, leg);
}

/**
 * An outside number rings exactly as a dialled one does (`CallTable.scheduleOutcome`): its set outcome
 * after a moment, or, when none is set, it rings until the no-answer timeout. A blind transfer hands
 * the call over only once the number answers: until then the agent keeps it (shown as a transfer in
 * progress), and if the number is busy, invalid or does not answer the call stays with the agent with
 * the reason, as a failed consult does ("Cancel transfer" goes back to the caller).
 */
function transferToNumber(t: CallTable, call: CallRecord, leg: Leg, digits: string, mode: 'blind' | 'consult'): Call {
  if (leg.state === 'held') t.update(call, leg, { state: 'connected' });
  t.update(call, leg, { consult: { target: digits, state: 'dialing', failure: null, kind: mode } });
  call.externalConsult = { number: digits, holder: leg.loginId, mode };
  t.scheduleOutcome(call, digits, (outcome) => {
    if (leg.consult?.state !== 'dialing') return;
    if (outcome === 'answer') {
      outsideAnswered(t, call);
      return;
    }
    const failure: EndReason = outcome === 'busy' ? 'busy' : outcome === 'invalid' ? 'invalidNumber' : 'noAnswer';
    t.update(call, leg, { consult: { ...leg.consult, state: 'failed', failure } });
  });
  return t.view(call, leg);
}

/** The outside transfer target answered (its outcome, or the far end through the control API). */
export function outsideAnswered(t: CallTable, call: CallRecord): void {
  const external = call.externalConsult;
  const owner = external ? call.legs.get(external.holder) : undefined;
  if (!owner?.consult || owner.consult.state !== 'dialing') return;
  if (external?.mode === 'blind') {
    call.holder = null;
    call.externalConsult = null;
    t.endLeg(call, owner, 'transferred');
    handedOutside(t, call);
    return;
  }
  t.update(call, owner, { consult: { ...owner.consult, state: 'connected' } });
}

export function completeTransfer(t: CallTable, token: string, callId: string, handover?: Handover): void {
  const { call, leg, agent } = t.requireLeg(token, callId);
  if (!leg.consult || leg.consult.state !== 'connected') {
    throw new PbxError('INVALID_STATE', 'Complete the transfer once the target has answered.');
  }
  const target = t.consultTarget(call);
  if (target) {
    target.role = 'main';
    // The notes as they are now: the agent may have written more while talking to the target.
    const latest = stampHandover(handover, agent, 'transfer');
    t.update(call, target, { peerName: undefined, ...(latest ? { handover: latest } : {}) });
    call.holder = target.loginId;
  } else {
    call.holder = null;
    call.externalConsult = null;
  }
  t.endLeg(call, leg, 'transferred');
  if (!target) handedOutside(t, call);
}

/**
 * The call went to an outside number and no agent is on it any more: the caller and the outside party
 * talk on without the call center, so the simulator's part of it is over. It ends here (in the call
 * list, with its recording sent to the agents who talked on it) instead of staying "connected" with
 * nobody able to end it.
 */
function handedOutside(t: CallTable, call: CallRecord): void {
  t.endCall(call, () => 'transferred');
}

export function cancelTransfer(t: CallTable, token: string, callId: string): Call {
  const { call, leg } = t.requireLeg(token, callId);
  if (!leg.consult) throw new PbxError('INVALID_STATE', 'No transfer is in progress.');
  const target = t.consultTarget(call);
  if (target) t.endLeg(call, target, 'consultCanceled');
  call.externalConsult = null;
  t.update(call, leg, { consult: null });
  return t.view(call, leg);
}

/**
 * Hang up during a consult (or while an outside number a blind transfer went to still rings): one
 * operation that ends the target's leg only. The agent is back with the caller, who stays on hold
 * until the agent resumes; the caller is never dropped by it.
 */
export function leaveConsult(t: CallTable, call: CallRecord, leg: Leg): void {
  const target = t.consultTarget(call);
  if (target) t.endLeg(call, target, 'consultCanceled');
  call.externalConsult = null;
  t.update(call, leg, { consult: null, state: 'held' });
}
