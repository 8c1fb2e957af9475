/**
 * What the panels of one Salesforce user say to each other over BroadcastChannel. Same-origin only
 * by design, but still validated: a malformed message is dropped with a diagnostic.
 */
import * as z from 'zod/mini';

const id = z.string().check(z.minLength(1), z.maxLength(64));

export const tabMessageSchema = z.discriminatedUnion('type', [
  /** A panel's presence: is its Salesforce tab visible, and when did the agent last use it. */
  z.object({ type: z.literal('presence'), from: id, visible: z.boolean(), activeAt: z.number() }),
  z.object({ type: z.literal('bye'), from: id }),
  /** Leadership without Web Locks: heartbeats and claims (see leadership.ts). */
  z.object({ type: z.literal('leader'), from: id, term: z.number() }),
  z.object({ type: z.literal('claim'), from: id, term: z.number() }),
  z.object({ type: z.literal('resign'), from: id }),
  /** A follower asks for the leader's full state. */
  z.object({ type: z.literal('sync'), from: id }),
  /** The leader's shared state; validated again by the replica (it is large and nested). */
  z.object({ type: z.literal('state'), from: id, seq: z.number(), state: z.unknown() }),
  /** Requests between panels (a follower's command; the leader asking a tab to pop). */
  z.object({ type: z.literal('request'), from: id, to: id, requestId: id, method: z.string().check(z.maxLength(40)), args: z.unknown() }),
  z.object({ type: z.literal('reply'), from: id, to: id, requestId: id, ok: z.boolean(), value: z.unknown() }),
]);

export type TabMessage = z.infer<typeof tabMessageSchema>;
