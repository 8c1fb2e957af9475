import { describe, expect, it } from 'vitest';
import { makeCall } from '../protocol/fixtures';
import type { CallState } from '../protocol';
import { availableActions, callPhase, canTransition, newerCall, talkSeconds } from './call';

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
