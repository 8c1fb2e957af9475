/**
 * Routes that serve the built panel the way Salesforce serves the package: `/apex/<page>` renders our
 * Visualforce page (mode from the query Salesforce passes, as `$CurrentPage.parameters.mode`) and
 * `/resource/<timestamp>/biztelcti/<path>` serves files out of the built static resource zip. For the
 * mock stack's `routes` option.
 */
import { stat } from 'node:fs/promises';
import type { MockStackOptions } from './mock-stack';
import { RESOURCE_FILE } from './paths';
import { readStaticResource } from './static-resource';
import { contentType } from './static-files';
import { renderPage } from './visualforce-page';

/** Salesforce puts the resource's upload time in its URL; any number reaches the current version. */
export const RESOURCE_BASE = '/resource/1767225600000/biztelcti';
const PAGES = new Set(['biztelcti', 'biztelctistandby']);

export interface VisualforceRouteOptions {
  /** `$User.LanguageLocaleKey` of the user viewing the page (e.g. `ja`, `en_US`). */
  userLanguage?: () => string;
  /** Extra headers for the pages, e.g. a Content-Security-Policy. */
  pageHeaders?: Record<string, string>;
}

/**
 * The resource's files, unzipped again only when the zip's modification time changes: the build may
 * be redone while a test stack runs, but a page load asks for several files of the same zip.
 */
function staticResourceReader(): () => Promise<Map<string, Uint8Array>> {
  let cached: { mtimeMs: number; files: Promise<Map<string, Uint8Array>> } | undefined;
  return async () => {
    const { mtimeMs } = await stat(RESOURCE_FILE);
    if (cached?.mtimeMs !== mtimeMs) {
      const files = readStaticResource();
      cached = { mtimeMs, files };
      // A zip read while the build was writing it must not stay cached.
      files.catch(() => {
        if (cached?.files === files) cached = undefined;
      });
    }
    return cached.files;
  };
}

export function visualforceRoutes(options: VisualforceRouteOptions = {}): NonNullable<MockStackOptions['routes']> {
  const resourceFiles = staticResourceReader();
  return async (req, res, path) => {
    const page = /^\/apex\/([A-Za-z0-9_]+)$/.exec(path)?.[1];
    if (page && PAGES.has(page)) {
      const query = new URL(req.url ?? '/', 'http://visualforce').searchParams;
      const html = await renderPage(page, { mode: query.get('mode'), resourceBase: RESOURCE_BASE, userLanguage: options.userLanguage?.() ?? 'ja' });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...options.pageHeaders }).end(html);
      return true;
    }
    const file = /^\/resource\/\d+\/biztelcti\/(.+)$/.exec(path)?.[1];
    if (file) {
      const body = (await resourceFiles()).get(decodeURIComponent(file));
      if (!body) res.writeHead(404, { 'content-type': 'text/plain' }).end(`No ${file} in the static resource biztelcti.`);
      else res.writeHead(200, { 'content-type': contentType(file), 'cache-control': 'no-store' }).end(body);
      return true;
    }
    return false;
  };
}
