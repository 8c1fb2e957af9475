/**
 * The mock-CTI page inside Vite: `/mock/` serves the host page, the Salesforce paths serve our
 * stand-in Open CTI scripts, `/__mock/api/` is the fake org. In a `--mode mock` build it writes the
 * stand-ins next to the built page. The production build never includes this plugin.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { createOrgApi } from './org/api.ts';
import { FakeOrg } from './org/org.ts';
import { STAND_IN_PATHS, buildStandIn } from './stand-ins.ts';

export const MOCK_PAGE_HTML = '/src/mock/index.html';

const LIGHTNING_SCRIPT = '/support/api/57.0/lightning/opencti_min.js';

/**
 * `OPENCTI_MIN_JS=<file>`: serve that file (Salesforce's own opencti_min.js, saved from an org) at
 * the Lightning path instead of our stand-in. It refuses to start unless the page runs under
 * Salesforce-like names, so use it behind the HTTPS proxy (README, "QA").
 */
function realScript(): Promise<string> | null {
  const file = process.env.OPENCTI_MIN_JS;
  return file ? readFile(file, 'utf8') : null;
}

export function mockCtiPlugin(options: { simulatorUrl: string }): Plugin {
  const standIns = new Map<string, Promise<string>>();
  let config: ResolvedConfig | undefined;
  return {
    name: 'biztel-mock-cti',
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      const org = new FakeOrg(options.simulatorUrl);
      server.middlewares.use(createOrgApi(org, options));
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://dev');
        if (url.pathname === '/mock') {
          res.writeHead(302, { location: `/mock/${url.search}` }).end();
          return;
        }
        if (url.pathname === '/mock/' || url.pathname === '/mock/index.html') {
          req.url = MOCK_PAGE_HTML + url.search;
        }
        const entry = STAND_IN_PATHS[url.pathname];
        if (entry) {
          let code = standIns.get(entry);
          if (!code) {
            code = (url.pathname === LIGHTNING_SCRIPT ? realScript() : null) ?? buildStandIn(entry);
            standIns.set(entry, code);
          }
          code.then(
            (js) => res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(js),
            (error: unknown) => next(error),
          );
          return;
        }
        next();
      });
    },
    async closeBundle() {
      if (config?.command !== 'build') return;
      const outDir = config.build.outDir;
      for (const [path, entry] of Object.entries(STAND_IN_PATHS)) {
        const file = join(outDir, path);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, await buildStandIn(entry));
      }
    },
  };
}
