/**
 * The static resource `biztelcti`: the production build (`dist/`) zipped for Visualforce, byte for
 * byte the same from the same build (fixed timestamps, sorted entries), within Salesforce's limit.
 * (What agents download is held to the gzip budget of src/dev/size-budget.ts, which is far tighter.)
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { DIST, RESOURCE_FILE } from './paths';
import { listFiles } from './static-files';

export { RESOURCE_FILE };

/** Salesforce's limit for one static resource. */
export const SALESFORCE_LIMIT_BYTES = 5 * 1024 * 1024;
/** Entries biztelcti.page names by path (vite.config.ts fixes their names); hashed chunks load relative to them. */
export const FIXED_ENTRIES = ['assets/biztelcti.js', 'assets/biztelcti.css', 'favicon.svg'] as const;
const FIXED_TIME = new Date('2026-01-01T00:00:00Z');

/**
 * Why a resource of `bytes` cannot be deployed, or null. Pure, so a test can prove the check with a
 * tiny limit; the build throws on it, which fails `npm run build` and `npm test`.
 */
export function resourceSizeProblem(bytes: number, limitBytes = SALESFORCE_LIMIT_BYTES): string | null {
  return bytes > limitBytes ? `The static resource is ${bytes} bytes, over Salesforce's limit for one static resource (${limitBytes} bytes).` : null;
}

/** The zip of these files, the same bytes for the same files in any order. */
export function zipResource(entries: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const name of [...entries.keys()].sort()) zippable[name] = [entries.get(name)!, { mtime: FIXED_TIME, level: 9 }];
  return zipSync(zippable);
}

/** `dist/` as the resource's entries: forward-slash paths relative to dist, in sorted order. */
export async function readDist(): Promise<Map<string, Uint8Array>> {
  const entries = new Map<string, Uint8Array>();
  for (const name of await listFiles(DIST)) entries.set(name, new Uint8Array(await readFile(join(DIST, name))));
  return entries;
}

export async function buildStaticResource(): Promise<{ bytes: number; entries: string[] }> {
  const entries = await readDist();
  const zip = zipResource(entries);
  const problem = resourceSizeProblem(zip.byteLength);
  if (problem) {
    // No resource of an older build may stay behind and be deployed or tested as if it were this one.
    await rm(RESOURCE_FILE, { force: true });
    throw new Error(problem);
  }
  await writeFile(RESOURCE_FILE, zip);
  return { bytes: zip.byteLength, entries: [...entries.keys()] };
}

/** The built resource's files, as Visualforce would serve them from /resource/<timestamp>/biztelcti/. */
export async function readStaticResource(): Promise<Map<string, Uint8Array>> {
  return new Map(Object.entries(unzipSync(new Uint8Array(await readFile(RESOURCE_FILE)))));
}
