import { describe, expect, it } from 'vitest';
import { INITIAL_LINK_STATE, TRANSITIONS, isConnected, nextLinkState, type LinkInput, type LinkState, type LinkStatus } from './link-machine';

const INPUTS: Record<LinkInput['type'], LinkInput> = {
  connect: { type: 'connect' },
  hello: { type: 'hello' },
  protocolMismatch: { type: 'protocolMismatch' },
  connectError: { type: 'connectError', message: 'xhr poll error' },
  disconnect: { type: 'disconnect', reason: 'transport close' },
  degrade: { type: 'degrade', reason: 'polling' },
  recover: { type: 'recover', reason: 'polling' },
  close: { type: 'close' },
};

const at = (status: LinkStatus, more: Partial<LinkState> = {}): LinkState => ({ ...INITIAL_LINK_STATE, status, ...more });

/** Each row of the table: from, input, the state before (context), and the status expected after. */
const ROWS: [LinkStatus, LinkInput['type'], Partial<LinkState>, LinkStatus][] = [
  ['idle', 'connect', {}, 'connecting'],
  ['idle', 'close', {}, 'closed'],
  ['connecting', 'hello', {}, 'ready'],
  ['connecting', 'hello', { reasons: ['polling'] }, 'degraded'],
  ['connecting', 'protocolMismatch', {}, 'failed'],
  ['connecting', 'connectError', {}, 'failed'],
  ['connecting', 'connectError', { everConnected: true }, 'reconnecting'],
  ['connecting', 'disconnect', {}, 'reconnecting'],
  ['connecting', 'degrade', {}, 'connecting'],
  ['connecting', 'recover', {}, 'connecting'],
  ['connecting', 'close', {}, 'closed'],
  ['ready', 'hello', {}, 'ready'],
  ['ready', 'protocolMismatch', {}, 'failed'],
  ['ready', 'disconnect', {}, 'reconnecting'],
  ['ready', 'degrade', {}, 'degraded'],
  ['ready', 'recover', {}, 'ready'],
  ['ready', 'close', {}, 'closed'],
  ['degraded', 'hello', { reasons: ['polling'] }, 'degraded'],
  ['degraded', 'protocolMismatch', { reasons: ['polling'] }, 'failed'],
  ['degraded', 'disconnect', { reasons: ['polling'] }, 'reconnecting'],
  ['degraded', 'degrade', { reasons: ['timeouts'] }, 'degraded'],
  ['degraded', 'recover', { reasons: ['polling'] }, 'ready'],
  ['degraded', 'recover', { reasons: ['polling', 'timeouts'] }, 'degraded'],
  ['degraded', 'close', { reasons: ['polling'] }, 'closed'],
  ['reconnecting', 'hello', { everConnected: true }, 'ready'],
  ['reconnecting', 'hello', { everConnected: true, reasons: ['resync'] }, 'degraded'],
  ['reconnecting', 'protocolMismatch', {}, 'failed'],
  ['reconnecting', 'connectError', { everConnected: true }, 'reconnecting'],
  ['reconnecting', 'disconnect', {}, 'reconnecting'],
  ['reconnecting', 'degrade', {}, 'reconnecting'],
  ['reconnecting', 'recover', {}, 'reconnecting'],
  ['reconnecting', 'close', {}, 'closed'],
  ['failed', 'hello', {}, 'ready'],
  ['failed', 'connectError', {}, 'failed'],
  ['failed', 'disconnect', {}, 'failed'],
  ['failed', 'degrade', {}, 'failed'],
  ['failed', 'recover', {}, 'failed'],
  ['failed', 'close', {}, 'closed'],
];

describe('the link state machine, row by row', () => {
  it.each(ROWS)('%s + %s (%j) → %s', (from, input, context, to) => {
    expect(nextLinkState(at(from, context), INPUTS[input]).status).toBe(to);
  });

  it('has a tested row for every transition of the table, and nothing else moves the link', () => {
    const tested = new Set(ROWS.map(([from, input]) => `${from}:${input}`));
    const table = Object.entries(TRANSITIONS).flatMap(([from, row]) => Object.keys(row).map((input) => `${from}:${input}`));
    expect(table.filter((key) => !tested.has(key))).toEqual([]);
    for (const from of Object.keys(TRANSITIONS) as LinkStatus[]) {
      for (const input of Object.values(INPUTS)) {
        if (TRANSITIONS[from][input.type] !== undefined) continue;
        const state = at(from);
        expect(nextLinkState(state, input), `${from} + ${input.type}`).toBe(state);
      }
    }
  });

  it('closed is final', () => {
    const closed = at('closed');
    for (const input of Object.values(INPUTS)) expect(nextLinkState(closed, input)).toBe(closed);
  });

  it('remembers the degraded reasons while disconnected and applies them on the next hello', () => {
    let state = nextLinkState(nextLinkState(at('connecting'), INPUTS.hello), { type: 'degrade', reason: 'resync' });
    expect(state).toMatchObject({ status: 'degraded', error: 'resync', reasons: ['resync'] });
    state = nextLinkState(state, INPUTS.disconnect);
    expect(state).toMatchObject({ status: 'reconnecting', error: 'transport close', reasons: ['resync'] });
    state = nextLinkState(state, INPUTS.hello);
    expect(state.status).toBe('degraded');
    state = nextLinkState(state, { type: 'recover', reason: 'resync' });
    expect(state).toMatchObject({ status: 'ready', error: null, reasons: [] });
  });

  it('says why: the socket.io error, the disconnect reason, or the protocol', () => {
    expect(nextLinkState(at('connecting'), INPUTS.connectError).error).toBe('xhr poll error');
    expect(nextLinkState(at('ready'), INPUTS.disconnect).error).toBe('transport close');
    expect(nextLinkState(at('ready'), INPUTS.protocolMismatch).error).toBe('protocol');
  });

  it('the same failure again is no change (no news for listeners)', () => {
    const failed = nextLinkState(at('connecting'), INPUTS.connectError);
    expect(nextLinkState(failed, INPUTS.connectError)).toBe(failed);
  });

  it('counts ready and degraded as connected, nothing else', () => {
    expect((['idle', 'connecting', 'ready', 'degraded', 'reconnecting', 'failed', 'closed'] as const).filter(isConnected)).toEqual(['ready', 'degraded']);
  });
});
