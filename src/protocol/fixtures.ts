/** Test fixtures: a valid call view with overrides. Used by tests only. */
import type { Call } from './schemas';

export function makeCall(overrides: Partial<Call> = {}): Call {
  return {
    callId: 'BZTEST0001',
    rev: 1,
    direction: 'inbound',
    placedByAgent: false,
    state: 'ringing',
    from: '03-5555-0101',
    to: '03-1234-5678',
    startedAt: Date.UTC(2026, 10, 24, 1, 0, 0),
    connectedAt: null,
    endedAt: null,
    endReason: null,
    parkNumber: null,
    consult: null,
    screenTransfer: null,
    recordingUrl: null,
    ...overrides,
  };
}
