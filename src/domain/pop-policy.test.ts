import { describe, expect, it } from 'vitest';
import { makeCall } from '../protocol/fixtures';
import type { Call, SystemSettings } from '../protocol';
import { decidePop, type PopContext, type PopMoment } from './pop-policy';
import { capabilitiesFor, parseVersion } from './version';

function ctx(version: string, settings: SystemSettings = {}, extra: Partial<PopContext> = {}): PopContext {
  return { host: 'lightning', caps: capabilitiesFor(parseVersion(version)!), settings, legacyPopupMode: null, ...extra };
}
const seed: SystemSettings = { inboundPopup: 'ring', outboundPopup: 'never', anonymousPopup: false, clickToCallDisabled: false, clickToCallImmediate: false };
const inbound = makeCall();
const outbound = makeCall({ direction: 'outbound', placedByAgent: true, state: 'dialing', from: '03-1234-5678', to: '0355550101' });
const decide = (call: Call, moment: PopMoment, c: PopContext) => decidePop({ call, moment }, c);

describe('inbound pops (server 3.3.0 and later: system settings)', () => {
  it('pops at ring with timing "ring", searching national digits with call type inbound', () => {
    expect(decide(inbound, 'ring', ctx('3.9.0', seed))).toEqual({ kind: 'pop', callType: 'inbound', searchNumber: '0355550101' });
    expect(decide(inbound, 'answer', ctx('3.9.0', seed))).toEqual({ kind: 'none', reason: 'timingEarlier' });
  });

  it('with timing "answer" links at ring and pops at answer', () => {
    const c = ctx('3.9.0', { ...seed, inboundPopup: 'answer' });
    expect(decide(inbound, 'ring', c)).toEqual({ kind: 'link', callType: 'inbound', searchNumber: '0355550101', reason: 'timingLater' });
    expect(decide(inbound, 'answer', c)).toEqual({ kind: 'pop', callType: 'inbound', searchNumber: '0355550101' });
  });

  it('with timing "never" only links the log, once', () => {
    const c = ctx('3.9.0', { ...seed, inboundPopup: 'never' });
    expect(decide(inbound, 'ring', c)).toEqual({ kind: 'link', callType: 'inbound', searchNumber: '0355550101', reason: 'timingNever' });
    expect(decide(inbound, 'answer', c)).toEqual({ kind: 'none', reason: 'timingNever' });
  });

  it('never searches or pops a caller ID that is not a number (a SIP URI, letters): its digits could be a stranger’s', () => {
    for (const from of ['sip:0355550101@pbx.example.com', 'UNKNOWN', '<script>']) {
      expect(decide(makeCall({ from }), 'ring', ctx('3.9.0', seed))).toEqual({ kind: 'none', reason: 'notANumber' });
      expect(decide(makeCall({ from, state: 'connected', connectedAt: 2 }), 'answer', ctx('3.9.0', { ...seed, inboundPopup: 'answer' }))).toEqual({ kind: 'none', reason: 'notANumber' });
    }
    expect(decide(makeCall({ from: '03-5555-0101' }), 'ring', ctx('3.9.0', seed))).toMatchObject({ kind: 'pop', searchNumber: '0355550101' });
  });

  it('anonymous callers follow the setting; a pop searches an empty number so the no-match rule decides', () => {
    const anonymous = makeCall({ from: null });
    expect(decide(anonymous, 'ring', ctx('3.9.0', seed))).toEqual({ kind: 'none', reason: 'anonymousSetting' });
    expect(decide(anonymous, 'ring', ctx('3.9.0', { ...seed, anonymousPopup: true }))).toEqual({ kind: 'pop', callType: 'inbound', searchNumber: '' });
  });

  it('a screen-transferred call pops the record it carries, with no number search', () => {
    const transferred = makeCall({ screenTransfer: { recordId: '0035555000001AA' } });
    expect(decide(transferred, 'ring', ctx('3.9.0', seed))).toEqual({ kind: 'popRecord', callType: 'inbound', recordId: '0035555000001AA' });
    expect(decide(transferred, 'ring', ctx('3.9.0', { ...seed, inboundPopup: 'answer' }))).toEqual({ kind: 'none', reason: 'timingLater' });
  });
});

describe('servers before 3.3.0: the call center item "BIZTEL Popup mode"', () => {
  it.each([
    ['0', 'ring', { kind: 'link', callType: 'inbound', searchNumber: '0355550101', reason: 'timingNever' }],
    ['1', 'ring', { kind: 'pop', callType: 'inbound', searchNumber: '0355550101' }],
    ['2', 'ring', { kind: 'link', callType: 'inbound', searchNumber: '0355550101', reason: 'timingLater' }],
    ['2', 'answer', { kind: 'pop', callType: 'inbound', searchNumber: '0355550101' }],
    ['7', 'ring', { kind: 'link', callType: 'inbound', searchNumber: '0355550101', reason: 'legacyPopupModeInvalid' }],
  ] as const)('mode %s at %s', (mode, moment, expected) => {
    expect(decide(inbound, moment, ctx('3.2.21', {}, { legacyPopupMode: mode }))).toEqual(expected);
  });

  it('ignores the item from 3.3.0 on, even when present', () => {
    expect(decide(inbound, 'ring', ctx('3.3.0', { ...seed, inboundPopup: 'never' }, { legacyPopupMode: '1' })).kind).toBe('link');
  });

  it('never pops anonymous callers', () => {
    expect(decide(makeCall({ from: null }), 'ring', ctx('3.2.21', {}, { legacyPopupMode: '1' }))).toEqual({ kind: 'none', reason: 'anonymousOldServer' });
  });
});

describe('outbound pops', () => {
  it('pop on dial by the dialled number from 3.5.10', () => {
    expect(decide(outbound, 'dial', ctx('3.9.0', { ...seed, outboundPopup: 'dial' }))).toEqual({ kind: 'pop', callType: 'outbound', searchNumber: '0355550101' });
  });

  it('search by the caller-ID number before 3.5.10', () => {
    expect(decide(outbound, 'dial', ctx('3.5.3', { ...seed, outboundPopup: 'dial' }))).toEqual({ kind: 'pop', callType: 'outbound', searchNumber: '0312345678' });
  });

  it('pop on answer, linking at dial', () => {
    const c = ctx('3.9.0', { ...seed, outboundPopup: 'answer' });
    expect(decide(outbound, 'dial', c).kind).toBe('link');
    expect(decide(outbound, 'answer', c)).toEqual({ kind: 'pop', callType: 'outbound', searchNumber: '0355550101' });
  });

  it('never pop in Classic, but still link', () => {
    expect(decide(outbound, 'dial', ctx('3.9.0', { ...seed, outboundPopup: 'dial' }, { host: 'classic' }))).toEqual({
      kind: 'link',
      callType: 'outbound',
      searchNumber: '0355550101',
      reason: 'classicOutbound',
    });
  });

  it('do not exist before 3.4.0', () => {
    expect(decide(outbound, 'dial', ctx('3.3.21', seed)).kind === 'link' && decide(outbound, 'dial', ctx('3.3.21', seed))).toMatchObject({ reason: 'outboundUnsupported' });
  });
});

describe('internal calls', () => {
  const placed = makeCall({ direction: 'internal', placedByAgent: true, state: 'dialing', from: '2001', to: '2002' });
  const received = makeCall({ direction: 'internal', placedByAgent: false, from: '2002', to: '2001' });
  it('use the Outbound layout for calls the agent places before 3.7.0, the Internal layout after', () => {
    const c = (v: string) => ctx(v, { ...seed, outboundPopup: 'dial' });
    expect(decide(placed, 'dial', c('3.6.5'))).toMatchObject({ callType: 'outbound' });
    expect(decide(placed, 'dial', c('3.7.0'))).toMatchObject({ callType: 'internal' });
  });
  it('use the Internal layout for internal calls the agent receives', () => {
    expect(decide(received, 'ring', ctx('3.6.5', seed))).toMatchObject({ callType: 'internal', searchNumber: '2002' });
  });
});
