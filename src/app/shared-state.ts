/**
 * The state the leader panel shares with the user's other panels: everything about the BIZTEL
 * session and the calls. Per-tab things (alerts, the dial pad, the start-up of this frame) stay local.
 */
import * as z from 'zod/mini';
import { agentSchema, callerIdSchema, callSchema, helloSchema, statusSchema, systemSettingsSchema } from '../protocol';
import type { PanelState } from './store';

export const SHARED_KEYS = [
  'phase',
  'failure',
  'linkStatus',
  'linkError',
  'hello',
  'caps',
  'clockOffsetMs',
  'session',
  'signedOutReason',
  'calls',
  'pendingLogs',
  'refusedLogs',
  'durableLogs',
  'salesforceSession',
] as const satisfies readonly (keyof PanelState)[];

export type SharedState = Pick<PanelState, (typeof SHARED_KEYS)[number]> & {
  /** For a follower that becomes leader: resume the same BIZTEL session. Memory only. */
  resume: { token: string; lastSeq: number } | null;
};

export function pickShared(state: PanelState, resume: SharedState['resume']): SharedState {
  const shared = { resume } as SharedState;
  for (const key of SHARED_KEYS) (shared as Record<string, unknown>)[key] = state[key];
  return shared;
}

const recordSchema = z.object({ recordId: z.string(), name: z.string(), objectType: z.string() });
const entrySchema = z.object({
  call: callSchema,
  records: z.array(recordSchema),
  searched: z.boolean(),
  popped: z.boolean(),
  noPop: z.nullable(z.string()),
  chosenRecordId: z.nullable(z.string()),
  contextRecord: z.nullable(z.object({ recordId: z.string(), name: z.nullable(z.string()) })),
  notes: z.string().check(z.maxLength(32_000)),
  // Defaults: what a tab remembered before a reload may predate these fields.
  disposition: z._default(z.string().check(z.maxLength(255)), ''),
  earlierTalkSeconds: z._default(z.number().check(z.nonnegative()), 0),
  log: z.object({ status: z.enum(['none', 'saving', 'saved', 'retrying', 'refused']), taskId: z.nullable(z.string()), error: z.nullable(z.string()), attempts: z.number() }),
});

/** The parts a follower checks before trusting them (calls and session drive what it shows and does). */
export const sharedStateSchema = z.looseObject({
  phase: z.enum(['starting', 'bare', 'failed', 'ready']),
  linkStatus: z.enum(['idle', 'connecting', 'ready', 'degraded', 'reconnecting', 'failed', 'closed']),
  hello: z.nullable(helloSchema),
  session: z.nullable(
    z.object({ agent: agentSchema, statuses: z.array(statusSchema), callerIds: z.array(callerIdSchema), settings: systemSettingsSchema }),
  ),
  calls: z.record(z.string(), entrySchema),
  pendingLogs: z.number(),
  refusedLogs: z._default(z.array(z.object({ callId: z.string().check(z.maxLength(100)), subject: z.string().check(z.maxLength(300)), reason: z.string().check(z.maxLength(500)) })), []),
  salesforceSession: z.enum(['ok', 'expired']),
  resume: z.nullable(z.object({ token: z.string().check(z.maxLength(200)), lastSeq: z.number() })),
});

/** Over a shift the calls map would only grow: keep live calls, unconfirmed logs and the last few. */
export function pruneCalls(calls: PanelState['calls'], activeCallId: string | null, keepEnded = 20): PanelState['calls'] {
  const ended = Object.values(calls)
    .filter((e) => e.call.state === 'ended' && (e.log.status === 'none' || e.log.status === 'saved') && e.call.callId !== activeCallId)
    .sort((a, b) => (b.call.endedAt ?? 0) - (a.call.endedAt ?? 0));
  if (ended.length <= keepEnded) return calls;
  const dropped = new Set(ended.slice(keepEnded).map((e) => e.call.callId));
  return Object.fromEntries(Object.entries(calls).filter(([callId]) => !dropped.has(callId)));
}
