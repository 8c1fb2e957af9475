import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_PATHS } from '../protocol';
import { HttpError, fetchRecentCalls, fetchServerInfo } from './http';

const BASE = 'https://s000000000000.u.biztel.jp:8000/';
const hello = { product: 'BIZTEL', protocol: 1, serverVersion: '3.9.0', scheduledUpgrade: null, serverTime: 1_790_000_000_000 };
const recent = { callId: 'BZ1', direction: 'inbound', number: '0355550101', startedAt: 1, durationSeconds: 12, endReason: 'completed' };

const server = setupServer(
  http.get(new URL(HTTP_PATHS.info, BASE).href, () => HttpResponse.json(hello)),
  http.get(new URL(HTTP_PATHS.recentCalls, BASE).href, ({ request }) =>
    request.headers.get('authorization') === 'Bearer token-123'
      ? HttpResponse.json({ calls: [recent] })
      : HttpResponse.json({ error: { code: 'NOT_SIGNED_IN', message: 'Sign in first.' } }, { status: 401 }),
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('the BIZTEL HTTP client', () => {
  it('reads the server info (the reachability probe)', async () => {
    expect(await fetchServerInfo(BASE)).toEqual(hello);
  });

  it('refuses an answer that is not the BIZTEL info shape', async () => {
    server.use(http.get(new URL(HTTP_PATHS.info, BASE).href, () => HttpResponse.json({ product: 'Other', protocol: 'x' })));
    await expect(fetchServerInfo(BASE)).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('refuses an answer that is not JSON', async () => {
    server.use(http.get(new URL(HTTP_PATHS.info, BASE).href, () => new HttpResponse('<html>proxy login</html>', { headers: { 'content-type': 'text/html' } })));
    await expect(fetchServerInfo(BASE)).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('tells an unreachable server from an HTTP error', async () => {
    server.use(http.get(new URL(HTTP_PATHS.info, BASE).href, () => HttpResponse.error()));
    const unreachable = await fetchServerInfo(BASE).catch((e: unknown) => e);
    expect(unreachable).toBeInstanceOf(HttpError);
    expect((unreachable as HttpError).kind).toBe('unreachable');
    server.use(http.get(new URL(HTTP_PATHS.info, BASE).href, () => new HttpResponse(null, { status: 503 })));
    await expect(fetchServerInfo(BASE)).rejects.toMatchObject({ kind: 'status', status: 503 });
  });

  it('sends the session token for the recent calls, and checks every entry on its own', async () => {
    expect(await fetchRecentCalls(BASE, 'token-123')).toEqual([recent]);
    await expect(fetchRecentCalls(BASE, 'wrong')).rejects.toMatchObject({ kind: 'status', status: 401 });
    // An entry the panel cannot read is left out, a number too long is cut, the list is bounded.
    const sip = `sip:${'1'.repeat(80)}@pbx`;
    server.use(http.get(new URL(HTTP_PATHS.recentCalls, BASE).href, () => HttpResponse.json({ calls: [{ ...recent, direction: 'sideways' }, { ...recent, number: sip }, ...Array.from({ length: 300 }, () => recent)] })));
    const calls = await fetchRecentCalls(BASE, 'token-123');
    expect(calls[0]).toEqual({ ...recent, number: sip.slice(0, 40) });
    expect(calls).toHaveLength(199); // the first 200 entries are read; the unreadable one among them is left out
    server.use(http.get(new URL(HTTP_PATHS.recentCalls, BASE).href, () => HttpResponse.json({ calls: 'none' })));
    await expect(fetchRecentCalls(BASE, 'token-123')).rejects.toMatchObject({ kind: 'invalid' });
  });
});
