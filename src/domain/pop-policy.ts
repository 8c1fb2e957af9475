/**
 * The screen-pop policy: for a call event, decide whether to pop (searchAndScreenPop), only link the
 * call log to the matching record without navigating (a deferred search), or do nothing — and why.
 * Pure: the app layer carries the decision out against the Salesforce host.
 */
import type { Call, SystemSettings } from '../protocol';
import type { Capabilities } from './version';
import { searchDigits } from './phone';
import type { NoPopReason } from './pop-reasons';

export type CallType = 'inbound' | 'outbound' | 'internal';
export type HostKind = 'lightning' | 'classic';
export type PopMoment = 'ring' | 'dial' | 'answer';
export type PopTiming = 'never' | PopMoment;


export type PopDecision =
  | { kind: 'pop'; callType: CallType; searchNumber: string }
  | { kind: 'popRecord'; callType: CallType; recordId: string }
  | { kind: 'link'; callType: CallType; searchNumber: string; reason: NoPopReason }
  | { kind: 'none'; reason: NoPopReason };

export interface PopContext {
  host: HostKind;
  caps: Capabilities;
  settings: SystemSettings;
  /** The call center item "BIZTEL Popup mode" (only read for servers before 3.3.0). */
  legacyPopupMode: string | null;
}

function inboundTiming(ctx: PopContext): PopTiming | 'invalid' {
  if (ctx.caps.popTimingSource === 'callCenterItem') {
    switch (ctx.legacyPopupMode?.trim()) {
      case '0':
        return 'never';
      case '1':
        return 'ring';
      case '2':
        return 'answer';
      default:
        return 'invalid';
    }
  }
  return ctx.settings.inboundPopup ?? 'never';
}

function outboundTiming(ctx: PopContext): PopTiming {
  if (!ctx.caps.outboundPopSetting) return 'never';
  return ctx.settings.outboundPopup ?? 'never';
}

/** The softphone layout (call type) Salesforce should apply for this call. */
function callTypeFor(call: Call, placedByAgent: boolean, caps: Capabilities): CallType {
  if (call.direction === 'internal') {
    return placedByAgent && caps.internalOutboundLayout === 'outbound' ? 'outbound' : 'internal';
  }
  return call.direction;
}

export interface PopInput {
  call: Call;
  moment: PopMoment;
}

/**
 * What to do at `moment` of `call`. A call is searched at most once for linking and popped at most
 * once; the caller remembers what it already did and asks again only at later moments.
 */
export function decidePop({ call, moment }: PopInput, ctx: PopContext): PopDecision {
  const { placedByAgent } = call;
  const callType = callTypeFor(call, placedByAgent, ctx.caps);
  const firstMoment: PopMoment = placedByAgent ? 'dial' : 'ring';

  if (!placedByAgent && call.screenTransfer) {
    // 画面転送: pop the record the transferring agent had open; no number search.
    const timing = inboundTiming(ctx);
    if (timing === moment) return { kind: 'popRecord', callType, recordId: call.screenTransfer.recordId };
    return { kind: 'none', reason: timing === 'never' || timing === 'invalid' ? 'timingNever' : 'timingLater' };
  }

  let timing: PopTiming | 'invalid';
  let searchNumber: string;
  let blocked: NoPopReason | null = null;
  if (placedByAgent) {
    searchNumber = searchDigits(ctx.caps.outboundPopSearch === 'callerId' && call.direction === 'outbound' ? call.from : call.to);
    timing = outboundTiming(ctx);
    if (ctx.host === 'classic') blocked = 'classicOutbound';
    else if (!ctx.caps.outboundPopSetting) blocked = 'outboundUnsupported';
  } else {
    // A received call: the other party is the caller, or the customer of an outbound call handed over.
    const party = call.direction === 'outbound' ? call.to : call.from;
    searchNumber = searchDigits(party);
    timing = inboundTiming(ctx);
    if (call.direction !== 'outbound' && call.from === null) {
      if (ctx.caps.anonymousPop === 'never') return { kind: 'none', reason: 'anonymousOldServer' };
      if (!ctx.settings.anonymousPopup) return { kind: 'none', reason: 'anonymousSetting' };
    }
    // A caller ID that is not a number: never searched (an empty search would pop the no-match form).
    if (party !== null && searchNumber === '') return { kind: 'none', reason: 'notANumber' };
  }

  if (timing === 'invalid') blocked = 'legacyPopupModeInvalid';
  if (blocked === null && timing === 'never') blocked = 'timingNever';

  if (blocked !== null) {
    // No pop at all: still link the log to the caller's record, once, at the first moment.
    if (moment !== firstMoment || searchNumber === '') return { kind: 'none', reason: blocked };
    return { kind: 'link', callType, searchNumber, reason: blocked };
  }
  if (timing === moment) return { kind: 'pop', callType, searchNumber };
  if (moment === firstMoment) {
    // Pop later (at answer); link now so a call that is never answered is still linked.
    if (searchNumber === '') return { kind: 'none', reason: 'timingLater' };
    return { kind: 'link', callType, searchNumber, reason: 'timingLater' };
  }
  return { kind: 'none', reason: 'timingEarlier' };
}
