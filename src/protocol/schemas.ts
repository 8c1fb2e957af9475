/**
 * The BIZTEL Open CTI wire contract, version 1: payload schemas shared by the panel and the simulator.
 * The real BIZTEL protocol is not public; this one is ours, and the simulator is its reference
 * implementation. Schemas use `zod/mini` because they ship in the panel (size budget).
 */
import * as z from 'zod/mini';

/** Bumped on any incompatible change; the server says which one it speaks in `hello`. */
export const PROTOCOL_VERSION = 1;

const text = (max = 200) => z.string().check(z.maxLength(max));
const id = () => z.string().check(z.minLength(1), z.maxLength(100));
const millis = () => z.number().check(z.int(), z.nonnegative());

/**
 * A Salesforce record Id: 15 characters, or 18 with the case-safe suffix. Here because the protocol
 * carries one (the screen-transferred record); every other layer takes it from here.
 */
export const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
export const salesforceIdSchema = z.string().check(z.regex(SALESFORCE_ID));

/** A BIZTEL product version such as `3.9.0`. */
const serverVersionSchema = z.string().check(z.regex(/^\d{1,3}\.\d{1,3}\.\d{1,3}$/));

export const callDirectionSchema = z.enum(['inbound', 'outbound', 'internal']);
export type CallDirection = z.infer<typeof callDirectionSchema>;

/** The state of this agent's leg of a call, as the PBX sees it. */
export const callStateSchema = z.enum(['ringing', 'dialing', 'connected', 'held', 'parked', 'ended']);
export type CallState = z.infer<typeof callStateSchema>;

/** Why this agent's leg ended. */
export const endReasonSchema = z.enum([
  'completed', // talked, then someone hung up
  'declined', // this agent declined the ring
  'missed', // rang at this agent, nobody answered here (caller gave up, or timed out)
  'answeredElsewhere', // a queue call picked up by another agent
  'canceled', // this agent cancelled its own outbound call before it was answered
  'busy',
  'noAnswer',
  'invalidNumber',
  'transferred', // handed over to another agent / number
  'consultCanceled', // this agent was consulted, and the transfer was not completed to it
  'failed',
]);
export type EndReason = z.infer<typeof endReasonSchema>;

/** The Salesforce record that travels with a transferred call (screen transfer, 画面転送). */
export const screenTransferSchema = z.object({
  recordId: salesforceIdSchema,
  recordName: z.optional(text()),
  objectType: z.optional(text(80)),
  fromAgent: z.optional(id()),
});
export type ScreenTransfer = z.infer<typeof screenTransferSchema>;

/** A consultative transfer in progress on this call, or a blind one to an outside number that has not answered yet. */
const consultSchema = z.object({
  target: text(40),
  targetName: z.optional(text()),
  /** failed: the target did not take the consult call; the agent cancels to go back to the caller. */
  state: z.enum(['dialing', 'connected', 'failed']),
  failure: z.nullable(endReasonSchema),
  /**
   * consult: the agent talks to the target first (打診転送). blind: the call goes to the outside number
   * as soon as it answers (転送中), without the agent speaking to it. Added within protocol 1: a server
   * that does not send it means a consult.
   */
  kind: z.optional(z.enum(['consult', 'blind'])),
});

/** The notes of a hand-over are bounded like the agent's notes (the Task's Description); the result like CallDisposition. */
export const HANDOVER_LIMITS = { notes: 32_000, result: 255 } as const;

/**
 * The hand-over (申し送り) that travels with a call from one agent to the next: the transferring agent's
 * notes so far, the result they typed and the record they linked the call to. The panel sends it with
 * a transfer or a park; the server adds who it came from and shows it, read-only, to the agent who
 * receives the call. Added within protocol 1: absent when the server does not carry hand-overs.
 */
export const handoverSchema = z.object({
  notes: text(HANDOVER_LIMITS.notes),
  result: text(HANDOVER_LIMITS.result),
  record: z.nullable(
    z.object({
      recordId: salesforceIdSchema,
      name: z.optional(text(255)),
      objectType: z.optional(text(80)),
    }),
  ),
  /** Set by the server: the agent the call came from (login ID and name) and how (transfer, park). */
  fromAgent: z.optional(id()),
  fromAgentName: z.optional(text()),
  via: z.optional(z.enum(['transfer', 'park'])),
});
export type Handover = z.infer<typeof handoverSchema>;

/**
 * An http(s) link, read as zod's url check with an http(s) protocol reads it (that check weighs
 * about 1 KB in the panel): trimmed; written with `http://` or `https://`; one the URL parser takes;
 * tabs and line breaks (which the parser ignores) dropped from what is kept.
 */
export const httpUrl = () =>
  z.string().check(
    z.trim(),
    z.refine((value) => /^https?:\/\//i.test(value) && canParseUrl(value), 'Invalid URL'),
    z.overwrite((value) => value.replace(/[\t\n\r]/g, '')),
  );

function canParseUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** One call as seen by one agent. Sent whole on every change, so the client never merges deltas. */
export const callSchema = z.object({
  callId: id(),
  /**
   * Increases on every change of this agent's view of the call, across legs: when the same call comes
   * to the same agent again (consulted again after a cancel, transferred back), the new leg's
   * revisions continue above the old leg's. A client drops a view older than the one it has.
   */
  rev: z.number().check(z.int(), z.nonnegative()),
  direction: callDirectionSchema,
  /** This agent dialled the call (outbound, or an internal call it placed); false for calls it received. */
  placedByAgent: z.boolean(),
  state: callStateSchema,
  /** inbound: the caller (null = anonymous, 非通知); outbound: the caller ID used; internal: extension. */
  from: z.nullable(text(40)),
  /** inbound: the dialled company number; outbound: the dialled number; internal: extension. */
  to: text(40),
  /** The other party's display name when the PBX knows it (another agent). */
  peerName: z.optional(text()),
  queue: z.optional(text(80)),
  /** When this agent's leg began (its ring, or its dial): a new leg of the same call has a new one. */
  startedAt: millis(),
  connectedAt: z.nullable(millis()),
  endedAt: z.nullable(millis()),
  endReason: z.nullable(endReasonSchema),
  parkNumber: z.nullable(text(10)),
  consult: z.nullable(consultSchema),
  screenTransfer: z.nullable(screenTransferSchema),
  /** What the agent who handed this call over wrote (see `handoverSchema`); only on the receiving agent's leg. */
  handover: z.optional(z.nullable(handoverSchema)),
  /** Set once the PBX has stored the recording (after the call ended). */
  recordingUrl: z.nullable(httpUrl()),
});
export type Call = z.infer<typeof callSchema>;

export const statusSchema = z.object({
  id: id(),
  name: text(60),
  /** ready / acw (後作業) / break / away / loggedOff / custom (admin-defined) / system (set by the PBX). */
  kind: z.enum(['ready', 'acw', 'break', 'away', 'loggedOff', 'custom', 'system']),
  selectable: z.boolean(),
});
export type AgentStatus = z.infer<typeof statusSchema>;

export const callerIdSchema = z.object({ number: text(40), label: z.optional(text(80)) });
export type CallerIdOption = z.infer<typeof callerIdSchema>;

export const agentSchema = z.object({
  loginId: id(),
  name: text(),
  extension: text(10),
  statusId: id(),
  /** The agent's phone endpoint (desktop softphone or hard phone) is registered: ★ functions work. */
  phoneRegistered: z.boolean(),
  callerId: z.nullable(text(40)),
  /**
   * A status the agent chose during a call, which the server applies when the call ends (null: none).
   * Added within protocol 1: a server that does not send it has no such state; clients ignore it.
   */
  pendingStatusId: z.optional(z.nullable(id())),
});
export type Agent = z.infer<typeof agentSchema>;

export const inboundPopupSchema = z.enum(['never', 'ring', 'answer']);
export const outboundPopupSchema = z.enum(['never', 'dial', 'answer']);

/**
 * The server's system settings (pop timing, click-to-call). A field is absent when the server's version does not have that setting,
 * so the panel can tell "off" from "this server has no such setting".
 */
export const systemSettingsSchema = z.object({
  clickToCallDisabled: z.optional(z.boolean()),
  clickToCallImmediate: z.optional(z.boolean()),
  inboundPopup: z.optional(inboundPopupSchema),
  outboundPopup: z.optional(outboundPopupSchema),
  anonymousPopup: z.optional(z.boolean()),
});
export type SystemSettings = z.infer<typeof systemSettingsSchema>;

/** The server introduces itself on every connection, before sign-in. */
export const helloSchema = z.object({
  product: z.literal('BIZTEL'),
  protocol: z.number().check(z.int()),
  serverVersion: serverVersionSchema,
  scheduledUpgrade: z.nullable(serverVersionSchema),
  serverTime: millis(),
});
export type Hello = z.infer<typeof helloSchema>;

export const sessionEndedSchema = z.object({
  reason: z.enum(['signedInElsewhere', 'signedOut', 'expired', 'removed']),
});
export type SessionEnded = z.infer<typeof sessionEndedSchema>;

/** Everything an agent's panel needs after sign-in or resume: a full snapshot. */
export const sessionSchema = z.object({
  token: z.string().check(z.minLength(16), z.maxLength(200)),
  agent: agentSchema,
  statuses: z.array(statusSchema),
  callerIds: z.array(callerIdSchema),
  settings: systemSettingsSchema,
  /** Calls in progress, and calls that ended recently (so a client that missed the end can log it). */
  calls: z.array(callSchema),
  /** The sequence number of the last agent event included in this snapshot. */
  seq: z.number().check(z.int(), z.nonnegative()),
});
export type Session = z.infer<typeof sessionSchema>;

/** Agent-scoped events carry a per-session sequence number, so a gap is visible to the client. */
export const agentEventSchema = z.union([
  z.object({ type: z.literal('call'), seq: z.number(), call: callSchema }),
  z.object({ type: z.literal('agent'), seq: z.number(), agent: agentSchema }),
  z.object({ type: z.literal('settings'), seq: z.number(), settings: systemSettingsSchema }),
]);
export type AgentEvent = z.infer<typeof agentEventSchema>;

export const errorCodeSchema = z.enum([
  'BAD_REQUEST',
  'AUTH_FAILED',
  'NOT_SIGNED_IN',
  'SESSION_EXPIRED',
  'NO_SUCH_CALL',
  'INVALID_STATE',
  'PHONE_NOT_REGISTERED',
  'INVALID_NUMBER',
  'NOT_SELECTABLE',
  'TARGET_UNAVAILABLE',
  'UNSUPPORTED',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const commandErrorSchema = z.object({ code: errorCodeSchema, message: text(500) });
export type CommandError = z.infer<typeof commandErrorSchema>;
