/**
 * Quirks for the next call: values a misbehaving (or newer) BIZTEL server might send, carried by that
 * one call exactly as given, never checked against the wire schemas. They let tests and QA see what
 * the panel does with a caller ID that is a SIP URI, a recording link that is not a web address, or
 * fields it has never heard of. Only the quirks' own bounds are checked.
 */
import * as z from 'zod/mini';
import { callSchema, type Call } from '../protocol';

/** Field names the protocol gives a call: `extra` may only add others. */
const CALL_FIELDS: ReadonlySet<string> = new Set(Object.keys(callSchema.shape));

/** `{}` disarms quirks armed before. */
export const callQuirksSchema = z.object({
  /** The caller ID (inbound), caller ID used (outbound) or extension (internal), as sent. */
  from: z.optional(z.string().check(z.maxLength(1_000))),
  /** Sent when the call ends, in place of the recording page's link. */
  recordingUrl: z.optional(z.string().check(z.maxLength(10_000))),
  /** Unknown fields, added to the call in every view of it: in events, snapshots and answers. */
  extra: z.optional(
    z.record(z.string(), z.unknown()).check(
      z.refine((extra) => Object.keys(extra).every((key) => !CALL_FIELDS.has(key)), {
        message: 'extra adds fields a call does not have; set from and recordingUrl by their own names, and no other known field',
      }),
    ),
  ),
});

export type CallQuirks = z.infer<typeof callQuirksSchema>;

/** A call's view with its quirks' unknown fields. The protocol's own fields always win. */
export function withExtra(view: Call, quirks: CallQuirks | null): Call {
  return quirks?.extra ? { ...quirks.extra, ...view } : view;
}
