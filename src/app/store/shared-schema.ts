/**
 * The state the leader panel shares with the agent's other panels: everything about the BIZTEL link,
 * the session and the calls. Defined as a schema because it crosses the tab channel: a follower parses
 * what it receives and applies the parsed value, never the raw one. The types come from here.
 */
import * as z from 'zod/mini';
import { LINK_STATUSES } from '../../biztel/link-machine';
import { NO_POP_REASONS } from '../../domain/pop-reasons';
import { TASK_LIMITS } from '../../domain/task-field-limits';
import { agentSchema, callSchema, callerIdSchema, helloSchema, salesforceIdSchema, statusSchema, systemSettingsSchema } from '../../protocol';
import { foundRecordSchema } from '../../salesforce/types';

const text = (max: number) => z.string().check(z.maxLength(max));
const count = () => z.number().check(z.int(), z.nonnegative());

/** More than a panel ever keeps (live calls plus the last ended ones); a bound against a hostile sender. */
const MAX_SHARED_CALLS = 100;

/**
 * Why a call did not pop: a policy reason, or what happened in Salesforce (nothing matched; the search
 * failed and is tried again; it failed for good and the call is logged without a record).
 */
const noPopSchema = z.enum([...NO_POP_REASONS, 'noMatch', 'searchRetrying', 'salesforceError']);

/** refused: Salesforce refused the Task as it is (kept, shown, retried slowly). */
const logStatusSchema = z.enum(['none', 'saving', 'saved', 'retrying', 'refused']);

export const contextRecordSchema = z.object({ recordId: salesforceIdSchema, name: z.nullable(text(255)) });
export type ContextRecord = z.infer<typeof contextRecordSchema>;

/** A call as the panel keeps it: the PBX's view plus what Salesforce found and what the agent added. */
export const callEntrySchema = z.object({
  call: callSchema,
  /** What the number search found (pop or link). */
  records: z.array(foundRecordSchema).check(z.maxLength(200)),
  searched: z.boolean(),
  popped: z.boolean(),
  noPop: z.nullable(noPopSchema),
  /** The record the agent picked among several matches. */
  chosenRecordId: z.nullable(salesforceIdSchema),
  /**
   * The record this agent chose for the number on an earlier call, when the search found it again:
   * listed first and preselected for the Task link (never what pops). Optional: a tab's memory from
   * before this field has none.
   */
  rememberedRecordId: z.optional(z.nullable(salesforceIdSchema)),
  /** A record given by context: the click-to-call record, or the screen-transferred one. */
  contextRecord: z.nullable(contextRecordSchema),
  notes: text(TASK_LIMITS.Description),
  /** The call's result as the agent typed it (the Task's CallDisposition); '' leaves the automatic one. */
  disposition: text(TASK_LIMITS.CallDisposition),
  /** Talk time on this agent's earlier legs of the call (it came back: transferred back, consulted again). */
  earlierTalkSeconds: z.number().check(z.nonnegative()),
  /**
   * The panel ended the call itself: the link dropped and the server had forgotten the session (a
   * restart). The server's own later view of the call replaces this one.
   */
  endedLocally: z._default(z.boolean(), false),
  /**
   * The panel first heard of this call after it ended (a new sign-in's snapshot), and the agent has not
   * changed it here: its log only fills in what the Task lacks, so notes another panel wrote stay.
   */
  logFillOnly: z._default(z.boolean(), false),
  /** writes: how many times Salesforce confirmed this call's Task (each time, the record page may show it anew). */
  log: z.object({ status: logStatusSchema, taskId: z.nullable(salesforceIdSchema), error: z.nullable(text(500)), attempts: count(), writes: z._default(count(), 0) }),
});
export type CallEntry = z.infer<typeof callEntrySchema>;

/** A call as the panel first keeps it: nothing found or typed yet, not logged; with the record it came with, if any. */
export function newCallEntry(call: CallEntry['call'], contextRecord: ContextRecord | null): CallEntry {
  return {
    call,
    records: [],
    searched: false,
    popped: false,
    noPop: null,
    chosenRecordId: null,
    rememberedRecordId: null,
    contextRecord,
    notes: '',
    disposition: '',
    earlierTalkSeconds: 0,
    endedLocally: false,
    logFillOnly: false,
    log: { status: 'none', taskId: null, error: null, attempts: 0, writes: 0 },
  };
}

/** What the server's plain HTTP endpoint said when the socket could not connect (server-probe.ts). */
export const serverProbeSchema = z.union([
  z.object({ kind: z.literal('answered'), version: text(20) }),
  z.object({ kind: z.literal('status'), status: count() }),
  z.object({ kind: z.literal('notBiztel') }),
  z.object({ kind: z.literal('noAnswer') }),
]);
export type ServerProbe = z.infer<typeof serverProbeSchema>;

/** Start-up failures on the BIZTEL side: the leader finds them, every panel shows them. */
export const serverFailureSchema = z.union([
  z.object({ kind: z.literal('serverUnreachable'), url: text(2000), detail: text(500), probe: z.optional(serverProbeSchema) }),
  z.object({ kind: z.literal('unsupportedVersion'), version: text(20) }),
  z.object({ kind: z.literal('protocolMismatch'), url: text(2000) }),
]);
export type ServerFailure = z.infer<typeof serverFailureSchema>;

export const agentSessionSchema = z.object({
  agent: agentSchema,
  statuses: z.array(statusSchema).check(z.maxLength(200)),
  callerIds: z.array(callerIdSchema).check(z.maxLength(200)),
  settings: systemSettingsSchema,
});
export type AgentSession = z.infer<typeof agentSessionSchema>;

export const signedOutReasonSchema = z.enum(['signedInElsewhere', 'expired', 'removed', 'salesforceSession']);
export type SignedOutReason = z.infer<typeof signedOutReasonSchema>;

export const refusedLogSchema = z.object({ callId: text(100), subject: text(300), reason: text(500) });
export type RefusedLog = z.infer<typeof refusedLogSchema>;

export const sharedStateSchema = z.object({
  link: z.object({ status: z.enum(LINK_STATUSES), error: z.nullable(text(300)) }),
  hello: z.nullable(helloSchema),
  /** serverTime − local time, so call timers agree with the PBX's timestamps. */
  clockOffsetMs: z.number(),
  serverFailure: z.nullable(serverFailureSchema),
  session: z.nullable(agentSessionSchema),
  signedOutReason: z.nullable(signedOutReasonSchema),
  calls: z.record(z.string().check(z.maxLength(100)), callEntrySchema).check(z.refine((calls) => Object.keys(calls).length <= MAX_SHARED_CALLS, 'too many calls')),
  /** Call logs waiting for Salesforce, those it refused as they are, and whether they survive a reload. */
  logs: z.object({ pending: count(), refused: z.array(refusedLogSchema).check(z.maxLength(MAX_SHARED_CALLS)), durable: z.boolean() }),
  /** The Salesforce session: expired means signed out of BIZTEL, logs kept until it is back. */
  salesforceSession: z.enum(['ok', 'expired']),
});
export type SharedState = z.infer<typeof sharedStateSchema>;

export const INITIAL_SHARED: SharedState = {
  link: { status: 'idle', error: null },
  hello: null,
  clockOffsetMs: 0,
  serverFailure: null,
  session: null,
  signedOutReason: null,
  calls: {},
  logs: { pending: 0, refused: [], durable: false },
  salesforceSession: 'ok',
};
