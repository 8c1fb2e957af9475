/**
 * Calls an agent places: outside numbers (per the far end's outcome), other agents' extensions, and
 * park numbers (picking the parked call up). Legs take `call.from`, which the next call's quirks may
 * have replaced.
 */
import type { Call } from '../protocol';
import { isExtension, normaliseNumber } from '../domain/phone';
import type { AgentRecord } from './agents';
import type { CallTable } from './call-table';
import { PbxError } from './errors';
import { parkedAt, pickUpPark } from './park';
import { SEED_CALLER_IDS } from './seed';

export function dial(t: CallTable, token: string, number: string, callerId?: string): Call {
  const agent = t.agentFor(token);
  t.requirePhone(agent);
  if (t.liveLegs(agent.loginId).length > 0) throw new PbxError('INVALID_STATE', 'Already on a call.');
  const n = normaliseNumber(number);
  if (!n.ok) throw new PbxError('INVALID_NUMBER', `${number} is not a number that can be dialled.`);
  if (isExtension(n.digits)) {
    const parked = parkedAt(t, n.digits);
    return parked ? pickUpPark(t, agent, parked) : dialExtension(t, agent, n.digits);
  }
  const chosen = callerId ?? agent.callerId;
  if (!SEED_CALLER_IDS.some((c) => c.number === chosen)) {
    throw new PbxError('BAD_REQUEST', `${chosen} is not one of this agent's caller IDs.`);
  }
  const call = t.newCall({ direction: 'outbound', from: chosen, to: n.digits, queue: undefined });
  call.holder = agent.loginId;
  const leg = t.addLeg(call, agent, { direction: 'outbound', placedByAgent: true, state: 'dialing', from: call.from, to: n.digits });
  t.scheduleOutcome(call, n.digits, (outcome) => {
    if (outcome === 'answer') t.update(call, leg, { state: 'connected' });
    else t.endCall(call, () => (outcome === 'busy' ? 'busy' : outcome === 'invalid' ? 'invalidNumber' : 'noAnswer'));
  });
  return t.view(call, leg);
}

function dialExtension(t: CallTable, agent: AgentRecord, extension: string): Call {
  const target = t.agents.byExtension(extension);
  if (!target) throw new PbxError('INVALID_NUMBER', `There is no extension ${extension}.`);
  if (target === agent) throw new PbxError('INVALID_NUMBER', 'That is your own extension.');
  const call = t.newCall({ direction: 'internal', from: agent.extension, to: extension, queue: undefined });
  call.holder = agent.loginId;
  const leg = t.addLeg(call, agent, {
    direction: 'internal',
    placedByAgent: true,
    state: 'dialing',
    from: call.from,
    to: extension,
    peerName: target.name,
  });
  if (!target.session || t.liveLegs(target.loginId).length > 0 || !target.phoneRegistered) {
    t.later(call, t.timing.outcomeDelayMs, () => t.endCall(call, () => 'busy'));
  } else {
    const ringing = t.addLeg(call, target, {
      direction: 'internal',
      placedByAgent: false,
      state: 'ringing',
      from: call.from,
      to: extension,
      peerName: agent.name,
    });
    t.ringTimeout(call, ringing);
  }
  return t.view(call, leg);
}
