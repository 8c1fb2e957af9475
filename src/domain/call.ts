/**
 * The call state machine: which transitions a call leg may make, which phase the panel shows, and
 * which actions an agent may take in each. Shared by the panel and the simulator.
 */
import type { Call, CallState } from '../protocol';

const CALL_TRANSITIONS: Readonly<Record<CallState, readonly CallState[]>> = {
  ringing: ['connected', 'ended'],
  dialing: ['connected', 'ended'],
  connected: ['held', 'parked', 'ended'],
  held: ['connected', 'ended'],
  parked: ['connected', 'ended'],
  ended: [],
};

export const canTransition = (from: CallState, to: CallState): boolean =>
  from === to || CALL_TRANSITIONS[from].includes(to);

/** What the panel's call-state live region says. */
export type CallPhase = 'ringing' | 'dialing' | 'connected' | 'held' | 'parked' | 'consulting' | 'transferring' | 'ended';

/**
 * A consult (打診中) is the agent calling the target first; a blind transfer to an outside number that
 * still rings is a transfer on its way (転送中): the agent will not speak to that number.
 */
export function callPhase(call: Call): CallPhase {
  if (call.state === 'connected' && call.consult) return call.consult.kind === 'blind' ? 'transferring' : 'consulting';
  return call.state;
}

/**
 * Takes the newer of two views of one call for this agent. Views are whole snapshots with a
 * revision, so a late or repeated event can never move a call backwards. The same call can come to
 * the agent again (consulted again after a cancel, transferred back): a later leg, which starts
 * later, always wins, so even a server whose new legs restart their revisions is followed.
 */
export function newerCall(current: Call | undefined, next: Call): Call {
  if (!current || current.callId !== next.callId) return next;
  if (next.startedAt !== current.startedAt) return next.startedAt > current.startedAt ? next : current;
  return next.rev > current.rev ? next : current;
}

/** `next` is another leg than `current`: the call came to this agent again. An ended leg never comes back to life. */
export const isNewLeg = (current: Call, next: Call): boolean =>
  next.startedAt !== current.startedAt || (current.state === 'ended' && next.state !== 'ended');

/** The number of the other party: the caller (inbound), the dialled number (outbound), the other extension (internal). */
export function otherPartyNumber(call: Call): string | null {
  if (call.direction === 'outbound') return call.to;
  if (call.direction === 'internal') return call.placedByAgent ? call.to : call.from;
  return call.from;
}

/** Talk time: connected → ended, whole seconds; 0 when never answered. */
export function talkSeconds(call: Call, now?: number): number {
  if (call.connectedAt === null) return 0;
  const end = call.endedAt ?? now ?? call.connectedAt;
  return Math.max(0, Math.round((end - call.connectedAt) / 1000));
}

export type CallAction =
  | 'answer'
  | 'decline'
  | 'hangup'
  | 'hold'
  | 'unhold'
  | 'park'
  | 'unpark'
  | 'transfer'
  | 'completeTransfer'
  | 'cancelTransfer'
  | 'keypad';

/** The actions an agent can take on a call in its current state. */
export function availableActions(call: Call): readonly CallAction[] {
  switch (call.state) {
    case 'ringing':
      return ['answer', 'decline'];
    case 'dialing':
      return ['hangup'];
    case 'connected':
      if (!call.consult) return ['hangup', 'hold', 'park', 'transfer', 'keypad'];
      // Consulting: complete only once the target has answered; cancel goes back to the caller
      // connected; hang up leaves the target's leg only, the caller then on hold until resumed.
      return call.consult.state === 'connected' ? ['hangup', 'completeTransfer', 'cancelTransfer', 'keypad'] : ['hangup', 'cancelTransfer'];
    case 'held':
      return ['hangup', 'unhold', 'transfer'];
    case 'parked':
      return ['unpark'];
    case 'ended':
      return [];
  }
}
