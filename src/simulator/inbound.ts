/** Calls from outside: to one agent (whatever its status), or to a queue of 受付可 agents. */
import type { AgentRecord } from './agents';
import type { CallTable } from './call-table';
import { PbxError } from './errors';
import { SEED_COMPANY_NUMBER, STATUS_IDS } from './seed';

export interface IncomingCallInput {
  from: string | null;
  to?: string | undefined;
  agent?: string | undefined;
  queue?: string | undefined;
  ringAll?: boolean | undefined;
}

/**
 * An inbound call to an agent, or to a queue: one 受付可 agent, or with `ringAll` every free 受付可
 * agent at once (the first to answer takes it; the others' rings end as answered elsewhere).
 */
export function incomingCall(t: CallTable, input: IncomingCallInput): { callId: string } {
  let targets: AgentRecord[];
  if (input.agent) {
    const target = t.agents.get(input.agent);
    if (!target) throw new PbxError('BAD_REQUEST', `No agent ${input.agent}.`);
    if (!target.session) throw new PbxError('NOT_SIGNED_IN', `${input.agent} is not signed in.`);
    if (t.liveLegs(target.loginId).length > 0) throw new PbxError('INVALID_STATE', `${input.agent} is on a call.`);
    targets = [target];
  } else if (input.queue) {
    const ready = t.agents.all().filter((a) => a.session && a.statusId === STATUS_IDS.ready && t.liveLegs(a.loginId).length === 0);
    if (ready.length === 0) throw new PbxError('TARGET_UNAVAILABLE', `No 受付可 agent for queue ${input.queue}.`);
    targets = input.ringAll ? ready : ready.slice(0, 1);
  } else {
    throw new PbxError('BAD_REQUEST', 'An incoming call needs an agent or a queue.');
  }
  const from = input.from === null || input.from.trim() === '' ? null : input.from.trim();
  const call = t.newCall({ direction: 'inbound', from, to: input.to ?? SEED_COMPANY_NUMBER, queue: input.queue });
  // Nobody holds a call ringing at several agents until one answers.
  call.holder = targets.length === 1 ? (targets[0]?.loginId ?? null) : null;
  for (const target of targets) {
    // call.from, not from: the next call's quirks may have replaced it.
    const leg = t.addLeg(call, target, { direction: 'inbound', placedByAgent: false, state: 'ringing', from: call.from, to: call.to });
    t.ringTimeout(call, leg);
  }
  return { callId: call.callId };
}
