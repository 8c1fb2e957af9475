/**
 * The HTTP side of the BIZTEL server: lists the panel shows (recent calls) and a reachability
 * probe. Authenticated requests carry `Authorization: Bearer <session token>`.
 */
import * as z from 'zod/mini';
import { callDirectionSchema, endReasonSchema, helloSchema } from './schemas';

export const HTTP_PATHS = {
  info: '/api/v1/info',
  recentCalls: '/api/v1/calls/recent',
} as const;

export const infoSchema = helloSchema;

export const recentCallSchema = z.object({
  callId: z.string().check(z.minLength(1), z.maxLength(100)),
  direction: callDirectionSchema,
  /** The other party's number (null = anonymous). */
  number: z.nullable(z.string().check(z.maxLength(40))),
  startedAt: z.number(),
  durationSeconds: z.number().check(z.nonnegative()),
  endReason: z.nullable(endReasonSchema),
});
export type RecentCall = z.infer<typeof recentCallSchema>;
/** At most 200 calls: more than the panel shows, a bound against a misbehaving server. */
export const recentCallsSchema = z.object({ calls: z.array(recentCallSchema).check(z.maxLength(200)) });

