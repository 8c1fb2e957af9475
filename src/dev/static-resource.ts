/**
 * The static resource `biztelcti`: the production build (`dist/`) zipped for Visualforce, byte for
 * byte the same from the same build (fixed timestamps, sorted entries), with a size budget.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { PROJECT_ROOT } from './mock-stack';

export const DIST = join(PROJECT_ROOT, 'dist');
export const RESOURCE_FILE = join(PROJECT_ROOT, 'visualforce', 'force-app', 'main', 'default', 'staticresources', 'biztelcti.resource');

/** Salesforce's limit for one static resource. */
export const SALESFORCE_LIMIT_BYTES = 5 * 1024 * 1024;
/** Ours: well under it; raise it knowingly (the budget for what agents download is in size-budget tests). */
export const RESOURCE_BUDGET_BYTES = 300 * 1024;
const FIXED_TIME = new Date('2026-01-01T00:00:00Z');

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? files(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))));
  return nested.flat().sort();
}

export async function buildStaticResource(): Promise<{ bytes: number; entries: string[] }> {
  const zippable: Zippable = {};
  const entries: string[] = [];
  for (const file of await files(DIST)) {
    const name = relative(DIST, file).split(sep).join('/');
    entries.push(name);
    zippable[name] = [await readFile(file), { mtime: FIXED_TIME, level: 9 }];
  }
  const zip = zipSync(zippable);
  if (zip.byteLength > SALESFORCE_LIMIT_BYTES) {
    throw new Error(`The static resource is ${zip.byteLength} bytes, over Salesforce's 5 MB limit.`);
  }
  if (zip.byteLength > RESOURCE_BUDGET_BYTES) {
    throw new Error(`The static resource is ${zip.byteLength} bytes, over its budget of ${RESOURCE_BUDGET_BYTES} bytes (src/dev/static-resource.ts).`);
  }
  await writeFile(RESOURCE_FILE, zip);
  return { bytes: zip.byteLength, entries };
}

/** The built resource's files, as Visualforce would serve them from /resource/<timestamp>/biztelcti/. */
export async function readStaticResource(): Promise<Map<string, Uint8Array>> {
  await stat(RESOURCE_FILE);
  return new Map(Object.entries(unzipSync(new Uint8Array(await readFile(RESOURCE_FILE)))));
}
