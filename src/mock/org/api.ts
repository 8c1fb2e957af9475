/**
 * The fake org's HTTP API under `/__mock/api/`, mounted by the dev server and by the test server.
 * The mock host page is its only client; every request body is validated.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod/mini';
import { parseLayout } from './layout-schema.ts';
import { FakeOrg, OrgError } from './org.ts';
import type { SoftphoneLayout } from './types.ts';

const ORG_API_PREFIX = '/__mock/api/';

type Next = (error?: unknown) => void;
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

const username = z.string().check(z.regex(/^agent0[1-5]$/));
const callType = z.enum(['inbound', 'outbound', 'internal']);
const schemas = {
  search: z.object({ searchParams: z.string().check(z.maxLength(200)), callType }),
  apex: z.object({
    user: username,
    language: z.string().check(z.maxLength(10)),
    apexClass: z.string().check(z.maxLength(100)),
    methodName: z.string().check(z.maxLength(100)),
    methodParams: z.string().check(z.maxLength(100_000)),
  }),
  saveLog: z.object({ user: username, value: z.record(z.string(), z.unknown()) }),
  callCenter: z.record(z.string().check(z.regex(/^\/[A-Za-z0-9_]+\/[A-Za-z0-9_]+$/)), z.string().check(z.maxLength(2000))),
  directoryNumbers: z.array(z.object({ name: z.string().check(z.minLength(1), z.maxLength(80)), phone: z.string().check(z.minLength(1), z.maxLength(40)) })),
};

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 256 * 1024) throw new OrgError('INVALID_PARAM', 'Request too large.');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown;
  } catch {
    throw new OrgError('INVALID_PARAM', 'The body is not JSON.');
  }
}

function parse<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new OrgError('INVALID_PARAM', z.prettifyError(parsed.error));
  return parsed.data;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Salesforce's Setup refuses malformed layouts; so does the fake org. */
function checkLayout(value: unknown): SoftphoneLayout {
  const parsed = parseLayout(value);
  if (!parsed.ok) throw new OrgError('INVALID_PARAM', parsed.reason);
  return parsed.layout;
}

export function createOrgApi(org: FakeOrg, config: { simulatorUrl: string }): Middleware {
  const handle = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === 'config') send(res, 200, { simulatorUrl: config.simulatorUrl });
    else if (method === 'GET' && path === 'org') send(res, 200, org.snapshot());
    else if (method === 'GET' && path === 'events') {
      // Server-sent events: the whole (small) org on every change, so every page's mirror is current.
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      const push = () => res.write(`data: ${JSON.stringify(org.snapshot())}\n\n`);
      push();
      const off = org.subscribe(push);
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      req.on('close', () => {
        off();
        clearInterval(keepAlive);
      });
    } else if (method !== 'POST' && method !== 'PUT') return false;
    else if (path === 'reset') {
      org.reset();
      send(res, 200, { ok: true });
    } else if (path === 'search') {
      const { searchParams, callType: type } = parse(schemas.search, await readBody(req));
      send(res, 200, { records: org.resultMap(org.search(searchParams, type), type) });
    } else if (path === 'apex') {
      const body = parse(schemas.apex, await readBody(req));
      const result = await org.apex(org.user(body.user), body.language, body.apexClass, body.methodName, body.methodParams);
      send(res, 200, { result });
    } else if (path === 'save-log') {
      const body = parse(schemas.saveLog, await readBody(req));
      send(res, 200, { id: org.saveLog(org.user(body.user), body.value) });
    } else if (path === 'layout') {
      org.setLayout(checkLayout(await readBody(req)));
      send(res, 200, { ok: true });
    } else if (path === 'call-center') {
      org.setCallCenterSettings(parse(schemas.callCenter, await readBody(req)));
      send(res, 200, { ok: true });
    } else if (path === 'directory-numbers') {
      org.setDirectoryNumbers(parse(schemas.directoryNumbers, await readBody(req)));
      send(res, 200, { ok: true });
    } else return false;
    return true;
  };

  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://mock');
    if (!url.pathname.startsWith(ORG_API_PREFIX)) {
      next();
      return;
    }
    handle(req, res, url.pathname.slice(ORG_API_PREFIX.length)).then(
      (handled) => {
        if (!handled) send(res, 404, { error: { code: 'NOT_FOUND', message: `${req.method} ${url.pathname}` } });
      },
      (error: unknown) => {
        if (error instanceof OrgError) send(res, 400, { error: { code: error.code, message: error.message } });
        else send(res, 500, { error: { code: 'SERVER_ERROR', message: String(error) } });
      },
    );
  };
}
