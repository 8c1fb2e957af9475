/**
 * An HTTPS reverse proxy that puts the mock stack (or the dev server) under Salesforce-like names
 * (see the README's mock-page addresses): every request, WebSocket upgrades included, goes to a loopback port with the Host
 * header rewritten, as a corporate proxy or Salesforce's own edge would. `*.force.com` is HSTS
 * preloaded, so plain http under those names is impossible; the certificate is self-signed and made
 * at start-up (`self-signed-cert.ts`), so the browser must ignore certificate errors.
 *
 * It is Vite's own server proxy, on a Vite server that serves nothing itself: no config file, no
 * plugins, no file watching, no HMR socket of its own (so the dev server's HMR passes through like
 * any other WebSocket), no CORS headers, and every Host name allowed.
 */
import type { AddressInfo } from 'node:net';
import { createServer } from 'vite';
import { PROJECT_ROOT } from './paths';
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

export async function startHttpsProxy(options: HttpsProxyOptions): Promise<HttpsProxy> {
  const targetHost = options.targetHost ?? `localhost:${options.targetPort}`;
  const server = await createServer({
    configFile: false,
    root: PROJECT_ROOT,
    appType: 'custom',
    logLevel: 'silent',
    clearScreen: false,
    optimizeDeps: { noDiscovery: true, include: [] },
    server: {
      host: '127.0.0.1',
      port: options.port ?? 0,
      strictPort: true,
      https: await selfSignedCert(options.dnsNames ?? DEFAULT_NAMES),
      ws: false,
      watch: null,
      cors: false,
      allowedHosts: true,
      proxy: {
        // Everything: '/' prefixes every path.
        '/': {
          // The loopback address (the servers listen on 127.0.0.1), under the Host name they expect.
          target: `http://127.0.0.1:${options.targetPort}`,
          ws: true,
          changeOrigin: false,
          headers: { host: targetHost },
          // The original host and scheme go along as X-Forwarded-Host and X-Forwarded-Proto.
          xfwd: true,
        },
      },
    },
  });
  await server.listen();
  const address = server.httpServer?.address() as AddressInfo | null;
  if (!address) throw new Error('The HTTPS proxy is not listening.');
  return { port: address.port, close: () => server.close() };
}
