/**
 * An HTTPS reverse proxy that puts the mock stack (or the dev server) under Salesforce-like names
 * (see the README's mock-page addresses): every request, WebSocket upgrades included, goes to a loopback port with the Host
 * header rewritten, as a corporate proxy or Salesforce's own edge would. `*.force.com` is HSTS
 * preloaded, so plain http under those names is impossible; the certificate is self-signed and made
 * at start-up (`self-signed-cert.ts`), so the browser must ignore certificate errors.
 */
import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import { selfSignedCert } from './self-signed-cert';

export interface HttpsProxyOptions {
  /** The loopback port to pass everything to. */
  targetPort: number;
  /** The Host header the target sees; default `localhost:<targetPort>`. */
  targetHost?: string;
  /** Where the proxy listens (loopback); 0 picks a free port. */
  port?: number;
  /** Names in the certificate. */
  dnsNames?: readonly string[];
}

export interface HttpsProxy {
  port: number;
  close(): Promise<void>;
}

/** Chromium flags for reaching the proxy under force.com names on this machine. */
export const FORCE_COM_BROWSER_FLAGS = ['--host-resolver-rules=MAP *.force.com 127.0.0.1', '--ignore-certificate-errors'];

const DEFAULT_NAMES = ['*.lightning.force.com', '*.vf.force.com', '*.my.salesforce.com', '*.force.com', 'localhost'];

/** The headers to send on: Host rewritten, the original host and scheme kept as X-Forwarded-*. */
function forwardHeaders(req: IncomingMessage, host: string): IncomingHttpHeaders {
  return { ...req.headers, host, 'x-forwarded-host': req.headers.host ?? '', 'x-forwarded-proto': 'https' };
}

function rawHeaders(headers: IncomingHttpHeaders): string {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${v}`);
  }
  return lines.join('\r\n');
}

export async function startHttpsProxy(options: HttpsProxyOptions): Promise<HttpsProxy> {
  const targetHost = options.targetHost ?? `localhost:${options.targetPort}`;
  const server = createServer(selfSignedCert(options.dnsNames ?? DEFAULT_NAMES));
  const sockets = new Set<Socket | Duplex>();
  const track = (socket: Socket | Duplex) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  server.on('connection', track);

  server.on('request', (req: IncomingMessage, res) => {
    const upstream = request(
      { host: '127.0.0.1', port: options.targetPort, method: req.method, path: req.url, headers: forwardHeaders(req, targetHost) },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`Proxy: the target did not answer (${error.message}).`);
    });
    req.pipe(upstream);
  });

  // WebSocket (and any other) upgrades: replay the request line and headers, then splice the sockets.
  server.on('upgrade', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    track(client);
    const upstream = connect(options.targetPort, '127.0.0.1', () => {
      upstream.write(`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1\r\n${rawHeaders(forwardHeaders(req, targetHost))}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    const end = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', end);
    client.on('error', end);
    upstream.on('close', end);
    client.on('close', end);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
