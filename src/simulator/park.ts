/**
 * Park (パーク保留): the call waits at a park number. The agent who parked it takes it back with
 * unpark; another agent picks it up by dialling the park number, as on a PBX, and gets the hand-over
 * (申し送り) the parking agent left with it, while the parking agent's leg ends as handed over.
 */
import type { Call, Handover } from '../protocol';
import type { AgentRecord } from './agents';
import type { CallRecord, CallTable } from './call-table';
import { PbxError } from './errors';
import type { Leg } from './leg';
import { stampHandover } from './transfer';

export function park(t: CallTable, token: string, callId: string, handover?: Handover): Call {
  const { call, leg, agent } = t.requireLeg(token, callId);
  t.requirePhone(agent);
  if (leg.state !== 'connected' || leg.consult) throw new PbxError('INVALID_STATE', `A ${leg.state} call cannot be parked.`);
  call.parkHandover = stampHandover(handover, agent, 'park');
  t.update(call, leg, { state: 'parked', parkNumber: t.nextParkNumber() });
  return t.view(call, leg);
}

export function unpark(t: CallTable, token: string, callId: string): Call {
  const { call, leg, agent } = t.requireLeg(token, callId);
  t.requirePhone(agent);
  if (leg.state !== 'parked') throw new PbxError('INVALID_STATE', 'The call is not parked.');
  call.parkHandover = null; // back with the agent who wrote it
  t.update(call, leg, { state: 'connected', parkNumber: null });
  return t.view(call, leg);
}

/** The call parked at this number, and the leg that parked it; null when nothing waits there. */
export function parkedAt(t: CallTable, parkNumber: string): { call: CallRecord; leg: Leg } | null {
  for (const call of t.calls.values()) {
    if (call.ended) continue;
    for (const leg of call.legs.values()) if (leg.state === 'parked' && leg.parkNumber === parkNumber) return { call, leg };
  }
  return null;
}

/** Another agent dialled the park number: the call is theirs, connected at once, with the hand-over. */
export function pickUpPark(t: CallTable, agent: AgentRecord, parked: { call: CallRecord; leg: Leg }): Call {
  const { call, leg: parkedLeg } = parked;
  const handover = call.parkHandover;
  call.parkHandover = null;
  t.endLeg(call, parkedLeg, 'transferred');
  call.holder = agent.loginId;
  const leg = t.addLeg(call, agent, {
    direction: call.direction,
    placedByAgent: false,
    state: 'connected',
    from: parkedLeg.from,
    to: parkedLeg.to,
    handover,
  });
  return t.view(call, leg);
}
