/**
 * How the panel reads what a BIZTEL server sends: tolerant where the contract's schemas (schemas.ts,
 * commands.ts) are strict. A server that misbehaves, or a newer one, costs at most the field it got
 * wrong, never the call, the agent's other calls or the sign-in:
 * - display text longer than the contract allows is cut to fit;
 * - a field the panel cannot use (a recording link that is not http(s) or longer than Salesforce's
 *   URL field, an end reason it does not know, a malformed consult or screen transfer) is dropped;
 * - a list item it cannot read is left out, and every list has a bound;
 * - unknown fields are ignored.
 * Only what identifies a call (its id, revision, direction, state and times) must be right, or that
 * one call is left out. `strictIssues` says what the strict contract would have refused, so the panel
 * counts it as refused input while it goes on.
 */
import * as z from 'zod/mini';
import { recentCallSchema } from './http';
import {
  HANDOVER_LIMITS,
  agentSchema,
  callDirectionSchema,
  callStateSchema,
  callerIdSchema,
  endReasonSchema,
  httpUrl,
  salesforceIdSchema,
  statusSchema,
  systemSettingsSchema,
  type Call,
  type Session,
} from './schemas';
import { type CommandName, type CommandResponse, commandResponseSchemas } from './commands';
import { issuesText } from './issues';

/** Text cut to `max` characters (display text: the rest carries no meaning the panel needs). */
const cut = (max: number) => z.pipe(z.string(), z.transform((text) => text.slice(0, max)));
/** A value the panel can do without: the fallback when it is missing or malformed. */
const orElse = <T extends z.ZodMiniType>(schema: T, fallback: z.infer<T>) => z.catch(schema, fallback);
const millis = () => z.number().check(z.int(), z.nonnegative());

/** A list read item by item: unreadable items are left out, and at most `max` are kept. */
function listOf<T extends z.ZodMiniType>(item: T, max: number) {
  return z.pipe(
    z.array(z.unknown()),
    z.transform((items) =>
      items.slice(0, max).flatMap((raw) => {
        const parsed = item.safeParse(raw);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
  );
}

/**
 * The longest recording link the panel keeps: the Task's URL field holds 255 characters, and a link
 * Salesforce refuses would make the whole Task fail for ever.
 */
const MAX_RECORDING_URL = 255; // the Task field's length (domain/task-limits.ts), which this layer cannot import
const recordingUrlReader = httpUrl().check(z.maxLength(MAX_RECORDING_URL));

const consultReader = z.object({
  target: cut(40),
  targetName: orElse(z.optional(cut(200)), undefined),
  state: z.enum(['dialing', 'connected', 'failed']),
  failure: orElse(z.nullable(endReasonSchema), null),
  kind: orElse(z.optional(z.enum(['consult', 'blind'])), undefined),
});

const handoverReader = z.object({
  notes: orElse(cut(HANDOVER_LIMITS.notes), ''),
  result: orElse(cut(HANDOVER_LIMITS.result), ''),
  record: orElse(z.nullable(z.object({ recordId: salesforceIdSchema, name: orElse(z.optional(cut(255)), undefined), objectType: orElse(z.optional(cut(80)), undefined) })), null),
  fromAgent: orElse(z.optional(cut(100)), undefined),
  fromAgentName: orElse(z.optional(cut(200)), undefined),
  via: orElse(z.optional(z.enum(['transfer', 'park'])), undefined),
});

const screenTransferReader = z.object({
  recordId: salesforceIdSchema,
  recordName: orElse(z.optional(cut(200)), undefined),
  objectType: orElse(z.optional(cut(80)), undefined),
  fromAgent: orElse(z.optional(cut(100)), undefined),
});

const callReader = z.object({
  callId: z.string().check(z.minLength(1), z.maxLength(100)),
  rev: z.number().check(z.int(), z.nonnegative()),
  direction: callDirectionSchema,
  placedByAgent: z.boolean(),
  state: callStateSchema,
  from: orElse(z.nullable(cut(40)), null),
  to: orElse(cut(40), ''),
  peerName: orElse(z.optional(cut(200)), undefined),
  queue: orElse(z.optional(cut(80)), undefined),
  startedAt: millis(),
  connectedAt: z.nullable(millis()),
  endedAt: z.nullable(millis()),
  endReason: orElse(z.nullable(endReasonSchema), null),
  parkNumber: orElse(z.nullable(cut(10)), null),
  consult: orElse(z.nullable(consultReader), null),
  screenTransfer: orElse(z.nullable(screenTransferReader), null),
  handover: orElse(z.optional(z.nullable(handoverReader)), undefined),
  recordingUrl: orElse(z.nullable(recordingUrlReader), null),
});

/** Bounds on the server's lists: far more than a contact centre has, far less than would hurt the panel. */
const MAX_LIST = { statuses: 200, callerIds: 200, calls: 100, missed: 1000, recentCalls: 200 } as const;

const statusReader = z.object({ ...statusSchema.shape, name: cut(60) });
const callerIdReader = z.object({ number: callerIdSchema.shape.number, label: orElse(z.optional(cut(80)), undefined) });
const agentReader = z.object({ ...agentSchema.shape, name: cut(200) });

const sessionReader = z.object({
  token: z.string().check(z.minLength(16), z.maxLength(200)),
  agent: agentReader,
  statuses: listOf(statusReader, MAX_LIST.statuses),
  callerIds: listOf(callerIdReader, MAX_LIST.callerIds),
  settings: systemSettingsSchema,
  calls: listOf(callReader, MAX_LIST.calls),
  seq: z.number().check(z.int(), z.nonnegative()),
});

/** An agent event's envelope: enough to keep the sequence even when the payload cannot be read. */
export const agentEventEnvelope = z.looseObject({ type: z.string().check(z.maxLength(40)), seq: z.number().check(z.int(), z.nonnegative()) });

// A plain union (zod's discriminated union weighs more in the panel): the `type` literal decides all the same.
export const agentEventReader = z.union([
  z.object({ type: z.literal('call'), seq: z.number(), call: callReader }),
  z.object({ type: z.literal('agent'), seq: z.number(), agent: agentReader }),
  z.object({ type: z.literal('settings'), seq: z.number(), settings: systemSettingsSchema }),
]);

export const recentCallsReader = z.object({ calls: listOf(z.object({ ...recentCallSchema.shape, number: z.nullable(cut(40)) }), MAX_LIST.recentCalls) });

const readers: Partial<Record<CommandName, z.ZodMiniType>> = {
  signIn: sessionReader,
  resume: z.object({ session: sessionReader, missed: z.array(z.unknown()).check(z.maxLength(MAX_LIST.missed)) }),
  answer: callReader,
  dial: callReader,
  hold: callReader,
  unhold: callReader,
  park: callReader,
  unpark: callReader,
  transfer: callReader,
  cancelTransfer: callReader,
};

/** How the panel reads a command's answer: tolerantly where it carries calls or a session. */
export const responseReaderOf = <C extends CommandName>(name: C) => (readers[name] ?? commandResponseSchemas[name]) as unknown as z.ZodMiniType<CommandResponse<C>>;

/** What the strict contract says of a payload the tolerant reader accepted: '' when it fits the contract. */
export function strictIssues(strict: z.ZodMiniType, raw: unknown): string {
  const parsed = strict.safeParse(raw);
  if (parsed.success) return '';
  return issuesText(parsed.error).split('\n').slice(0, 5).join('; ').slice(0, 300);
}

// The readers give the contract's own types: a change to one side that the other lacks fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Keys compared too: an optional field the contract gained and the reader lacks would otherwise pass,
// and the reader would silently drop it.
true satisfies Same<z.infer<typeof callReader>, Call>;
true satisfies Same<keyof z.infer<typeof callReader>, keyof Call>;
true satisfies Same<keyof z.infer<typeof consultReader>, keyof NonNullable<Call['consult']>>;
true satisfies Same<keyof z.infer<typeof handoverReader>, keyof NonNullable<Call['handover']>>;
true satisfies Same<keyof z.infer<typeof screenTransferReader>, keyof NonNullable<Call['screenTransfer']>>;
true satisfies Same<z.infer<typeof sessionReader>, Session>;
true satisfies Same<keyof z.infer<typeof sessionReader>, keyof Session>;
