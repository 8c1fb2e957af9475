/**
 * The simulator's control API: what the mock page's `mockCti.server` and the tests use to act as
 * the outside world (callers, called parties, the BIZTEL admin). JSON over HTTP, CORS for any origin.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod/mini';
import { inboundPopupSchema, outboundPopupSchema } from '../protocol';
import { PbxError } from './errors';
import { readJson, sendJson } from './http-util';
import { simCallDetails } from './lists';
import type { Pbx } from './pbx';
import { callQuirksSchema } from './quirks';
import type { SocketLogEntry } from './socket-log';

const str = (max = 100) => z.string().check(z.maxLength(max));
const version = z.string().check(z.regex(/^\d{1,3}\.\d{1,3}\.\d{1,3}$/));

const schemas = {
  incomingCall: z.object({
    from: z.nullable(str(40)),
    to: z.optional(str(40)),
    agent: z.optional(str()),
    queue: z.optional(str()),
    ringAll: z.optional(z.boolean()),
  }),
  outcome: z.object({ number: str(40), outcome: z.enum(['answer', 'busy', 'noAnswer', 'invalid']) }),
  systemSettings: z.object({
    clickToCallDisabled: z.optional(z.boolean()),
    clickToCallImmediate: z.optional(z.boolean()),
    inboundPopup: z.optional(inboundPopupSchema),
    outboundPopup: z.optional(outboundPopupSchema),
    anonymousPopup: z.optional(z.boolean()),
  }),
  version: z.object({ version }),
  scheduledUpgrade: z.object({ version: z.nullable(version) }),
  desktopSoftphone: z.object({ agent: str(), running: z.boolean() }),
  dropConnections: z.object({ forMs: z.number().check(z.int(), z.nonnegative(), z.maximum(600_000)) }),
  afterCallWork: z.object({ enabled: z.boolean() }),
  nextCallQuirks: callQuirksSchema,
};

async function body<T>(req: IncomingMessage, schema: z.ZodMiniType<T>): Promise<T> {
  const parsed = schema.safeParse(await readJson(req));
  if (!parsed.success) throw new PbxError('BAD_REQUEST', z.prettifyError(parsed.error));
  return parsed.data;
}

export interface ControlHooks {
  dropConnections(forMs: number): void;
  /** `GET /control/stream`: the state and the socket log as server-sent events (`control-stream.ts`). */
  openStream(req: IncomingMessage, res: ServerResponse): void;
  socketEvents(): SocketLogEntry[];
  clearSocketLog(): void;
}

/** Handles `/control/...`; returns false when the path is not a control route. */
export async function handleControl(
  pbx: Pbx,
  hooks: ControlHooks,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<boolean> {
  const method = req.method ?? 'GET';
  const call = /^\/control\/calls\/([^/]+)\/(remote-answer|remote-hangup)$/.exec(path);
  const ok = () => sendJson(res, 200, { ok: true });
  if (method === 'GET' && path === '/control/calls') sendJson(res, 200, pbx.simCalls());
  else if (method === 'GET' && path === '/control/state') sendJson(res, 200, controlState(pbx));
  else if (method === 'GET' && path === '/control/stream') hooks.openStream(req, res);
  else if (method === 'GET' && path === '/control/log') sendJson(res, 200, report(pbx, hooks));
  else if (method !== 'POST') return false;
  else if (path === '/control/reset') {
    pbx.reset();
    hooks.clearSocketLog();
    ok();
  } else if (path === '/control/restart') {
    pbx.restart();
    ok();
  } else if (path === '/control/next-call-quirks') {
    pbx.nextCallQuirks(await body(req, schemas.nextCallQuirks));
    ok();
  } else if (path === '/control/incoming-call') sendJson(res, 200, pbx.incomingCall(await body(req, schemas.incomingCall)));
  else if (call) {
    const callId = decodeURIComponent(call[1] ?? '');
    if (call[2] === 'remote-answer') pbx.remoteAnswer(callId);
    else pbx.remoteHangup(callId);
    ok();
  } else if (path === '/control/outcome') {
    const { number, outcome } = await body(req, schemas.outcome);
    pbx.setOutcome(number, outcome);
    ok();
  } else if (path === '/control/system-settings') {
    pbx.setSystemSettings(await body(req, schemas.systemSettings));
    ok();
  } else if (path === '/control/version') {
    pbx.setVersion((await body(req, schemas.version)).version);
    ok();
  } else if (path === '/control/scheduled-upgrade') {
    pbx.setScheduledUpgrade((await body(req, schemas.scheduledUpgrade)).version);
    ok();
  } else if (path === '/control/desktop-softphone') {
    const { agent, running } = await body(req, schemas.desktopSoftphone);
    pbx.setDesktopSoftphone(agent, running);
    ok();
  } else if (path === '/control/drop-connections') {
    hooks.dropConnections((await body(req, schemas.dropConnections)).forMs);
    ok();
  } else if (path === '/control/after-call-work') {
    pbx.setAfterCallWork((await body(req, schemas.afterCallWork)).enabled);
    ok();
  } else return false;
  return true;
}

/**
 * The simulator's log for a bug report (the mock page's download): the server's state, every call
 * since the last reset with each agent's leg, and the socket events it still keeps.
 */
function report(pbx: Pbx, hooks: ControlHooks) {
  return { at: Date.now(), state: controlState(pbx), calls: simCallDetails(pbx.table), socketEvents: hooks.socketEvents() };
}

/** Everything the mock page's simulator panel shows. */
export function controlState(pbx: Pbx) {
  return {
    version: pbx.config.version,
    scheduledUpgrade: pbx.config.scheduledUpgrade,
    settings: pbx.config.settings,
    visibleSettings: pbx.config.visibleSettings(),
    afterCallWork: pbx.agents.afterCallWork,
    nextCallQuirks: pbx.table.pendingQuirks,
    agents: pbx.agents.all().map((a) => ({ ...pbx.agents.view(a), signedIn: a.session !== null })),
    calls: pbx.simCalls(),
  };
}
