/**
 * The whole mock stage from built files, for end-to-end tests and the benchmark: the simulator, the
 * fake org, the mock page (`dist-mock/`) and the production panel (`dist/`), with no dev server (so no
 * reloads mid-test). Each test file starts its own on free ports. `INTERACTION_JS` / `OPENCTI_MIN_JS`
 * put Salesforce's own Open CTI script in place of our stand-in, as `npm start` does.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createOrgApi } from '../mock/org/api';
import { FakeOrg } from '../mock/org/org';
import { realScriptFile } from '../mock/real-scripts';
import { withUserLanguage } from '../mock/user-language';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../simulator/server';
import { DIST, DIST_MOCK } from './paths';
import { sendFile } from './static-files';

/** Salesforce's own Open CTI script, from a file a QA engineer named (INTERACTION_JS, OPENCTI_MIN_JS). */
async function sendRealScript(res: ServerResponse, file: string): Promise<boolean> {
  const body = await readFile(file);
  res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  return true;
}

/** The panel's page, with the user's language where the Visualforce page would put it. */
async function sendPanelPage(res: ServerResponse, query: URLSearchParams, headers: Record<string, string> = {}): Promise<boolean> {
  const html = withUserLanguage(await readFile(join(DIST, 'index.html'), 'utf8'), query);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(html);
  return true;
}

/** For the tests that took it from here before src/dev/paths.ts. */
export { PROJECT_ROOT } from './paths';

export interface MockStackOptions {
  port?: number;
  simulator?: SimulatorOptions;
  /** Extra routes tried before the static files (e.g. a Visualforce-like page). */
  routes?: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>;
  /** Headers for the panel's HTML (e.g. a Content-Security-Policy). */
  panelHeaders?: Record<string, string>;
}

export interface MockStack {
  /** http://localhost:<port> — the host page's origin. */
  origin: string;
  port: number;
  simulator: RunningSimulator;
  org: FakeOrg;
  /** The mock page URL for a query such as `user=agent02&mode=classic`. */
  mockUrl(query?: string): string;
  close(): Promise<void>;
}

export async function startMockStack(options: MockStackOptions = {}): Promise<MockStack> {
  const simulator = await startSimulator({ port: 0, ...options.simulator });
  const org = new FakeOrg(simulator.url);
  const orgApi = createOrgApi(org, { simulatorUrl: simulator.url });

  const serveStatic = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://stack').pathname;
    if (options.routes && (await options.routes(req, res, path))) return;
    let served = false;
    const realScript = realScriptFile(path);
    if (path === '/mock' || path === '/mock/' || path === '/mock/index.html') served = await sendFile(res, DIST_MOCK, 'src/mock/index.html');
    else if (realScript) served = await sendRealScript(res, realScript);
    else if (path.startsWith('/mock-assets/') || path.startsWith('/support/')) served = await sendFile(res, DIST_MOCK, path);
    else if (path === '/' || path === '/index.html') served = await sendPanelPage(res, new URL(req.url ?? '/', 'http://stack').searchParams, options.panelHeaders);
    else served = await sendFile(res, DIST, path);
    if (!served) res.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${path}`);
  };

  const server = createServer((req, res) => {
    orgApi(req, res, () => {
      serveStatic(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500).end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://localhost:${port}`;
  return {
    origin,
    port,
    simulator,
    org,
    mockUrl: (query = '') => `${origin}/mock/${query ? `?${query}` : ''}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await simulator.close();
    },
  };
}
