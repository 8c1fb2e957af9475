/**
 * The BIZTEL server's HTTP API: fetchers validated at the boundary. Loaded when first used (the
 * recent calls, or the diagnosis of a server that cannot be reached), not with the first screen.
 */
import * as z from 'zod/mini';
import { HTTP_PATHS, infoSchema, issuesText, recentCallsReader, type Hello, type RecentCall } from '../protocol';

export class HttpError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'status' | 'invalid',
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

async function getJson<T>(url: string, schema: z.ZodMiniType<T>, init: RequestInit & { timeoutMs?: number } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(init.timeoutMs ?? 8000) });
  } catch (error) {
    throw new HttpError('unreachable', `${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new HttpError('status', `${url}: HTTP ${response.status}`, response.status);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new HttpError('invalid', `${url}: the answer is not JSON`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HttpError('invalid', `${url}: ${issuesText(parsed.error)}`);
  return parsed.data;
}

/** Reachability probe for the start-up diagnosis "cannot connect to the server". */
export function fetchServerInfo(serverUrl: string, timeoutMs = 5000): Promise<Hello> {
  return getJson(new URL(HTTP_PATHS.info, serverUrl).href, infoSchema, { timeoutMs });
}

export async function fetchRecentCalls(serverUrl: string, token: string, signal?: AbortSignal): Promise<RecentCall[]> {
  const init: RequestInit = { headers: { authorization: `Bearer ${token}` } };
  if (signal) init.signal = signal;
  const body = await getJson(new URL(HTTP_PATHS.recentCalls, serverUrl).href, recentCallsReader, init);
  return body.calls;
}
