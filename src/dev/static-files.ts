/** Built files: listing them, their content types, and serving them with safe path resolution under a root. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, relative, sep } from 'node:path';
import type { ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Every file under `dir` (recursively), as forward-slash paths relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** The content type a server (ours, or Salesforce for a static resource's files) gives a file name. */
export function contentType(name: string): string {
  return TYPES[extname(name)] ?? 'application/octet-stream';
}

/** Sends `relative` from `root`; false when there is no such file (or it escapes the root). */
export async function sendFile(res: ServerResponse, root: string, relative: string, headers: Record<string, string> = {}): Promise<boolean> {
  const file = normalize(join(root, decodeURIComponent(relative)));
  if (!file.startsWith(normalize(root) + sep)) return false;
  try {
    if (!(await stat(file)).isFile()) return false;
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': contentType(file), 'cache-control': 'no-store', ...headers });
    res.end(body);
    return true;
  } catch {
    return false;
  }
}
