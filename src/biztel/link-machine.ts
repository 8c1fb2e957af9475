/**
 * The BIZTEL link's state machine, as data: every status the link can be in, every input that moves
 * it, and where each input leads. `BiztelLink` only feeds it inputs (`dispatch`); nothing else sets
 * the status, so the table below is the whole truth about the link's transitions.
 */

/**
 * idle: made, not connected yet. connecting: the first connection is being made. ready: connected
 * and caught up. degraded: connected, but something is wrong (see `DegradedReason`). reconnecting:
 * the transport dropped after having worked; socket.io retries by itself. failed: never reached
 * the server since start-up, or it speaks another protocol (socket.io keeps retrying the former).
 * closed: closed by us; nothing leaves this state.
 */
export const LINK_STATUSES = ['idle', 'connecting', 'ready', 'degraded', 'reconnecting', 'failed', 'closed'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/**
 * polling: WebSocket is blocked (a proxy) and the link runs over HTTP long-polling, slower.
 * timeouts: the server stopped acknowledging commands in time.
 * resync: catching up after a reconnect failed; it is retried, and commands are refused meanwhile.
 */
export type DegradedReason = 'polling' | 'timeouts' | 'resync';

export interface LinkState {
  status: LinkStatus;
  /** Why the link is in this status, as socket.io or the machine said (e.g. `transport close`, `protocol`). */
  error: string | null;
  /** What is wrong with a connected link; empty when it is healthy. Kept while disconnected too. */
  reasons: readonly DegradedReason[];
  /** A hello has arrived at least once: later connection errors are reconnects, not start-up failures. */
  everConnected: boolean;
}

export type LinkInput =
  | { type: 'connect' }
  | { type: 'hello' }
  | { type: 'protocolMismatch' }
  | { type: 'connectError'; message: string }
  | { type: 'disconnect'; reason: string }
  | { type: 'degrade'; reason: DegradedReason }
  | { type: 'recover'; reason: DegradedReason }
  | { type: 'close' };

/**
 * `connected`: ready when no degraded reason is left, degraded otherwise. `failedOrReconnecting`:
 * failed before the first hello (start-up cannot reach the server), reconnecting after it.
 * `stay`: the status does not change (the reasons or the error may).
 */
export type Target = LinkStatus | 'connected' | 'failedOrReconnecting' | 'stay';

/** Every row of the machine. An input with no row for the current status is ignored. */
export const TRANSITIONS: Readonly<Record<LinkStatus, Partial<Record<LinkInput['type'], Target>>>> = {
  idle: { connect: 'connecting', close: 'closed' },
  connecting: { hello: 'connected', protocolMismatch: 'failed', connectError: 'failedOrReconnecting', disconnect: 'reconnecting', degrade: 'stay', recover: 'stay', close: 'closed' },
  ready: { hello: 'connected', protocolMismatch: 'failed', disconnect: 'reconnecting', degrade: 'connected', recover: 'connected', close: 'closed' },
  degraded: { hello: 'connected', protocolMismatch: 'failed', disconnect: 'reconnecting', degrade: 'connected', recover: 'connected', close: 'closed' },
  reconnecting: { hello: 'connected', protocolMismatch: 'failed', connectError: 'stay', disconnect: 'stay', degrade: 'stay', recover: 'stay', close: 'closed' },
  failed: { hello: 'connected', connectError: 'failedOrReconnecting', disconnect: 'stay', degrade: 'stay', recover: 'stay', close: 'closed' },
  closed: {},
};

export const INITIAL_LINK_STATE: LinkState = { status: 'idle', error: null, reasons: [], everConnected: false };

function withReasons(state: LinkState, input: LinkInput): readonly DegradedReason[] {
  if (input.type === 'degrade') return state.reasons.includes(input.reason) ? state.reasons : [...state.reasons, input.reason];
  if (input.type === 'recover') return state.reasons.filter((r) => r !== input.reason);
  return state.reasons;
}

function errorOf(state: LinkState, input: LinkInput, reasons: readonly DegradedReason[], status: LinkStatus): string | null {
  switch (input.type) {
    case 'connectError':
      return input.message;
    case 'disconnect':
      return input.reason;
    case 'protocolMismatch':
      return 'protocol';
    case 'close':
      return null;
    default:
      if (status === 'degraded') return reasons.join(',');
      return status === 'ready' ? null : state.error;
  }
}

/** Where `input` takes the link from `state`; the same object when nothing changes. */
export function nextLinkState(state: LinkState, input: LinkInput): LinkState {
  const target = TRANSITIONS[state.status][input.type];
  if (target === undefined) return state;
  const reasons = withReasons(state, input);
  const everConnected = state.everConnected || input.type === 'hello';
  let status: LinkStatus;
  if (target === 'stay') status = state.status;
  else if (target === 'connected') status = reasons.length > 0 ? 'degraded' : 'ready';
  else if (target === 'failedOrReconnecting') status = everConnected ? 'reconnecting' : 'failed';
  else status = target;
  const error = errorOf(state, input, reasons, status);
  const same = status === state.status && error === state.error && reasons === state.reasons && everConnected === state.everConnected;
  return same ? state : { status, error, reasons, everConnected };
}

/** Connected to the server (healthy or not): commands may be sent. */
export const isConnected = (status: LinkStatus): boolean => status === 'ready' || status === 'degraded';
