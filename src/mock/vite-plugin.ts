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
import { realScriptFile } from './real-scripts.ts';
import { STAND_IN_PATHS, buildStandIn } from './stand-ins.ts';
import { withUserLanguage } from './user-language.ts';

export const MOCK_PAGE_HTML = '/src/mock/index.html';

/** Salesforce's own script for that path when an environment variable names one (`real-scripts.ts`). */
function realScript(path: string): Promise<string> | null {
  const file = realScriptFile(path);
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
            code = realScript(url.pathname) ?? buildStandIn(entry);
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
    // The dev server's panel page, with the user's language as the Visualforce page has it.
    transformIndexHtml(html, context) {
      if (context.path !== '/' && context.path !== '/index.html') return html;
      return withUserLanguage(html, new URL(context.originalUrl ?? context.path, 'http://dev').searchParams);
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
