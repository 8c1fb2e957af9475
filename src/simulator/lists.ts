/** The PBX's call lists: every call for the control API (`SimCall`), an agent's recent calls for the panel. */
import type { Call, CallState, RecentCall } from '../protocol';
import { talkSeconds } from '../domain/call';
import type { CallTable } from './call-table';

/** A call as `window.mockCti.server.calls()` lists it (README). */
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

export function simCalls(t: CallTable): SimCall[] {
  return [...t.calls.values()].map((call) => {
    const holderLeg = call.holder ? call.legs.get(call.holder) : undefined;
    let state: CallState;
    if (call.ended) state = 'ended';
    else if (holderLeg && holderLeg.state !== 'ended') state = holderLeg.consult ? 'held' : holderLeg.state;
    else if (!call.holder && [...call.legs.values()].some((l) => l.state === 'ringing')) state = 'ringing'; // a ring-all queue, not answered yet
    else state = 'connected'; // no agent holds it and nothing rings (a call handed to an outside number ends instead: transfer.ts)
    const sim: SimCall = { callId: call.callId, state, direction: call.direction, from: call.from, to: call.to, dtmf: call.dtmf };
    if (call.holder) sim.agent = call.holder;
    return sim;
  });
}

/** A call as the simulator's log shows it: the `SimCall` and every agent's leg, with times and reasons. */
export function simCallDetails(t: CallTable) {
  const summaries = new Map(simCalls(t).map((c) => [c.callId, c]));
  return [...t.calls.values()].map((call) => ({
    ...summaries.get(call.callId),
    queue: call.queue ?? null,
    endedAt: call.endedAt,
    recordingUrl: call.recordingUrl,
    legs: [...call.legs.values()].map((leg) => ({
      agent: leg.loginId,
      role: leg.role,
      state: leg.state,
      startedAt: leg.startedAt,
      connectedAt: leg.connectedAt,
      endedAt: leg.endedAt,
      endReason: leg.endReason,
      consult: leg.consult,
    })),
  }));
}

export function recentCalls(t: CallTable, token: string): RecentCall[] {
  const agent = t.agentFor(token);
  const recent: RecentCall[] = [];
  for (const call of t.calls.values()) {
    const leg = call.legs.get(agent.loginId);
    if (!leg || leg.state !== 'ended' || leg.endReason === 'consultCanceled') continue;
    const view = t.view(call, leg);
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
