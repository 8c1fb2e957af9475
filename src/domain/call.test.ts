import { describe, expect, it } from 'vitest';
import { makeCall } from '../protocol/fixtures';
import type { CallState } from '../protocol';
import { availableActions, callPhase, canTransition, isNewLeg, newerCall, talkSeconds } from './call';

const STATES: CallState[] = ['ringing', 'dialing', 'connected', 'held', 'parked', 'ended'];

describe('the call state machine', () => {
  it('allows exactly the PBX transitions', () => {
    const allowed = STATES.flatMap((from) => STATES.filter((to) => from !== to && canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(
      [
        'ringing→connected',
        'ringing→ended',
        'dialing→connected',
        'dialing→ended',
        'connected→held',
        'connected→parked',
        'connected→ended',
        'held→connected',
        'held→ended',
        'parked→connected',
        'parked→ended',
      ].sort(),
    );
  });

  it('never leaves ended', () => {
    for (const to of STATES.filter((s) => s !== 'ended')) expect(canTransition('ended', to)).toBe(false);
  });

  it('shows a connected call with a consult in progress as consulting', () => {
    expect(callPhase(makeCall({ state: 'connected' }))).toBe('connected');
    expect(callPhase(makeCall({ state: 'connected', consult: { target: '2002', state: 'dialing', failure: null } }))).toBe('consulting');
    expect(callPhase(makeCall({ state: 'connected', consult: { target: '2002', state: 'dialing', failure: null, kind: 'consult' } }))).toBe('consulting');
    // A blind transfer to an outside number that still rings is a transfer (転送中), not a consult.
    expect(callPhase(makeCall({ state: 'connected', consult: { target: '09011112222', state: 'dialing', failure: null, kind: 'blind' } }))).toBe('transferring');
    expect(callPhase(makeCall({ state: 'parked' }))).toBe('parked');
  });

  it('keeps the newer revision of a call, whatever order views arrive in', () => {
    const ringing = makeCall({ rev: 1, state: 'ringing' });
    const connected = makeCall({ rev: 2, state: 'connected', connectedAt: 1 });
    expect(newerCall(undefined, ringing)).toBe(ringing);
    expect(newerCall(ringing, connected)).toBe(connected);
    expect(newerCall(connected, ringing)).toBe(connected);
    expect(newerCall(connected, makeCall({ rev: 2, state: 'ended' }))).toBe(connected);
  });

  it('takes a second leg of the same call (consulted again, transferred back) over the ended first one', () => {
    const first = makeCall({ rev: 4, state: 'ended', endReason: 'consultCanceled', startedAt: 1000, endedAt: 2000 });
    // The PBX continues the revisions: the new leg is newer by revision and by start.
    const again = makeCall({ rev: 5, state: 'ringing', startedAt: 3000 });
    expect(newerCall(first, again)).toBe(again);
    expect(newerCall(again, first)).toBe(again); // a late view of the old leg changes nothing
    // A server that restarted the new leg's revisions is followed all the same.
    const restarted = makeCall({ rev: 0, state: 'ringing', startedAt: 3000 });
    expect(newerCall(first, restarted)).toBe(restarted);
    expect(newerCall(makeCall({ rev: 1, state: 'connected', startedAt: 3000 }), first).state).toBe('connected');
  });

  it('tells a new leg of a call from a change of the same leg', () => {
    const ringing = makeCall({ rev: 1, state: 'ringing', startedAt: 1000 });
    expect(isNewLeg(ringing, { ...ringing, rev: 2, state: 'connected' })).toBe(false);
    expect(isNewLeg({ ...ringing, state: 'ended' }, { ...ringing, rev: 9, startedAt: 5000 })).toBe(true);
    // Same millisecond, but an ended leg never rings again.
    expect(isNewLeg({ ...ringing, state: 'ended' }, { ...ringing, rev: 3 })).toBe(true);
  });

  it('counts talk time from connect to end, 0 when never answered', () => {
    expect(talkSeconds(makeCall({ connectedAt: 10_000, endedAt: 75_400 }))).toBe(65);
    expect(talkSeconds(makeCall({ connectedAt: null, endedAt: 75_000 }))).toBe(0);
    expect(talkSeconds(makeCall({ connectedAt: 10_000, endedAt: null }), 13_000)).toBe(3);
  });

  it('offers the actions each state allows', () => {
    expect(availableActions(makeCall({ state: 'ringing' }))).toEqual(['answer', 'decline']);
    expect(availableActions(makeCall({ state: 'dialing' }))).toEqual(['hangup']);
    expect(availableActions(makeCall({ state: 'connected' }))).toEqual(['hangup', 'hold', 'park', 'transfer', 'keypad']);
    expect(availableActions(makeCall({ state: 'held' }))).toEqual(['hangup', 'unhold', 'transfer']);
    const consult = (state: 'dialing' | 'connected' | 'failed') => makeCall({ state: 'connected', consult: { target: '2002', state, failure: null } });
    expect(availableActions(consult('dialing'))).toEqual(['hangup', 'cancelTransfer']);
    expect(availableActions(consult('connected'))).toEqual(['hangup', 'completeTransfer', 'cancelTransfer', 'keypad']);
    expect(availableActions(consult('failed'))).toEqual(['hangup', 'cancelTransfer']);
    expect(availableActions(makeCall({ state: 'parked' }))).toEqual(['unpark']);
    expect(availableActions(makeCall({ state: 'ended' }))).toEqual([]);
  });
});
