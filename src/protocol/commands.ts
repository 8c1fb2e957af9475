/**
 * Commands the panel sends; each is acknowledged with `{ ok: true, data }` or `{ ok: false, error }`.
 * A command never gets queued by the client while offline (see `src/biztel/link.ts`).
 */
import * as z from 'zod/mini';
import {
  callSchema,
  commandErrorSchema,
  handoverSchema,
  screenTransferSchema,
  sessionSchema,
  type CommandError,
} from './schemas';

const callRef = z.object({ callId: z.string().check(z.minLength(1), z.maxLength(100)) });
const number = z.string().check(z.minLength(1), z.maxLength(40));

/** Request schemas, keyed by command name. The simulator validates every request against these. */
export const commandRequestSchemas = {
  signIn: z.object({
    loginId: z.string().check(z.minLength(1), z.maxLength(100)),
    password: z.string().check(z.maxLength(200)),
  }),
  resume: z.object({
    token: z.string().check(z.maxLength(200)),
    lastSeq: z.number(),
    /** Calls the client still shows as live: the snapshot reports them however long ago they ended. */
    knownCallIds: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50))),
  }),
  signOut: z.object({}),
  setStatus: z.object({ statusId: z.string().check(z.minLength(1), z.maxLength(100)) }),
  setCallerId: z.object({ number }),
  answer: callRef,
  decline: callRef,
  hangup: callRef,
  dial: z.object({ number, callerId: z.optional(number) }),
  hold: callRef,
  unhold: callRef,
  /**
   * handover: for a server where another agent can pick the park up (dialling its park number); it is
   * given to that agent, never back to the one who parked. A server where only the parking agent
   * unparks ignores it.
   */
  park: z.extend(callRef, { handover: z.optional(handoverSchema) }),
  unpark: callRef,
  dtmf: z.object({
    callId: z.string().check(z.minLength(1)),
    digits: z.string().check(z.regex(/^[0-9*#]{1,32}$/)),
  }),
  transfer: z.object({
    callId: z.string().check(z.minLength(1)),
    target: number,
    mode: z.enum(['blind', 'consult']),
    screen: z.optional(screenTransferSchema),
    /** The hand-over (申し送り) for the receiving agent; the server adds who it came from. */
    handover: z.optional(handoverSchema),
  }),
  /** handover: the notes as they are now, replacing those sent when the consult began. */
  completeTransfer: z.extend(callRef, { handover: z.optional(handoverSchema) }),
  cancelTransfer: callRef,
} as const;

export type CommandName = keyof typeof commandRequestSchemas;
export type CommandRequest<C extends CommandName> = z.infer<(typeof commandRequestSchemas)[C]>;

const empty = z.object({});
/** Response data schemas: the client validates every acknowledgement against these. */
export const commandResponseSchemas = {
  signIn: sessionSchema,
  resume: z.object({ session: sessionSchema, missed: z.array(z.unknown()) }),
  signOut: empty,
  setStatus: empty,
  setCallerId: empty,
  answer: callSchema,
  decline: empty,
  hangup: empty,
  dial: callSchema,
  hold: callSchema,
  unhold: callSchema,
  park: callSchema,
  unpark: callSchema,
  dtmf: empty,
  transfer: callSchema,
  completeTransfer: empty,
  cancelTransfer: callSchema,
} as const satisfies Record<CommandName, z.ZodMiniType>;

export type CommandResponse<C extends CommandName> = z.infer<(typeof commandResponseSchemas)[C]>;

/*
 * One command's schemas, typed by its name. TypeScript sees the table's entry for a generic name as the
 * union of every entry; the table's `satisfies` above is what guarantees each name its own schema.
 */
export const requestSchemaOf = <C extends CommandName>(name: C) => commandRequestSchemas[name] as unknown as z.ZodMiniType<CommandRequest<C>>;
export const responseSchemaOf = <C extends CommandName>(name: C) => commandResponseSchemas[name] as unknown as z.ZodMiniType<CommandResponse<C>>;

export type Ack<T> = { ok: true; data: T } | { ok: false; error: CommandError };

export const ackEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: commandErrorSchema }),
]);
