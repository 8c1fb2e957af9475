import { createServer, type IncomingMessage } from 'node:http';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connectClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpsProxy, type HttpsProxy } from './https-proxy';

let proxy: HttpsProxy;
let target: ReturnType<typeof createServer>;
let io: Server;
const seen: { host?: string | undefined; forwardedHost?: string | undefined; forwardedProto?: string | undefined }[] = [];

beforeAll(async () => {
  target = createServer((req: IncomingMessage, res) => {
    seen.push({ host: req.headers.host, forwardedHost: req.headers['x-forwarded-host'] as string, forwardedProto: req.headers['x-forwarded-proto'] as string });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => res.writeHead(201, { 'content-type': 'text/plain', 'x-target': 'yes' }).end(`${req.method} ${req.url} ${Buffer.concat(chunks).toString()}`));
  });
  io = new Server(target, { path: '/ws-test/' });
  io.on('connection', (socket) => socket.on('echo', (text: string, ack: (reply: string) => void) => ack(`${text} via ${socket.handshake.headers.host ?? ''}`)));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  proxy = await startHttpsProxy({ targetPort: (target.address() as AddressInfo).port, targetHost: 'localhost:5173' });
});
afterAll(async () => {
  await proxy?.close();
  await io?.close();
});

function get(path: string, body: string): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: proxy.port, path, method: 'POST', rejectUnauthorized: false, servername: 'acme.lightning.force.com', headers: { host: `acme.lightning.force.com:${proxy.port}` } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the HTTPS proxy for Salesforce-like names', () => {
  it('passes requests with their body, rewrites Host and keeps the original as X-Forwarded-Host', async () => {
    const answer = await get('/mock/?mode=classic', 'hello');
    expect(answer).toMatchObject({ status: 201, text: 'POST /mock/?mode=classic hello', headers: { 'x-target': 'yes' } });
    expect(seen.at(-1)).toEqual({ host: 'localhost:5173', forwardedHost: `acme.lightning.force.com:${proxy.port}`, forwardedProto: 'https' });
  });

  it('passes WebSocket upgrades both ways', async () => {
    const socket = connectClient(`https://localhost:${proxy.port}`, { path: '/ws-test/', transports: ['websocket'], rejectUnauthorized: false });
    try {
      const reply = (await socket.timeout(5000).emitWithAck('echo', 'ping')) as string;
      expect(reply).toBe('ping via localhost:5173');
      expect(socket.io.engine.transport.name).toBe('websocket');
    } finally {
      socket.close();
    }
  });
});
