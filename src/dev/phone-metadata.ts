/**
 * The Japan-only slice of libphonenumber-js's metadata that the panel formats numbers with
 * (`src/domain/phone-metadata.jp.json`). The whole metadata is ~80 KB; Japan's is ~3 KB. Run
 * `npx tsx src/dev/phone-metadata.ts` after upgrading libphonenumber-js; a unit test says when the
 * committed file is stale.
 */
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const METADATA_FILE = fileURLToPath(new URL('../domain/phone-metadata.jp.json', import.meta.url));

interface Metadata {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown>;
  nonGeographic?: Record<string, unknown>;
}

export function japanMetadata(): Metadata {
  const full = createRequire(import.meta.url)('libphonenumber-js/metadata.min.json') as Metadata;
  const japan = full.countries.JP;
  if (!japan) throw new Error('libphonenumber-js has no metadata for JP');
  return { version: full.version, country_calling_codes: { '81': ['JP'] }, countries: { JP: japan }, nonGeographic: {} };
}

export const serialiseMetadata = (metadata: Metadata): string => `${JSON.stringify(metadata)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(METADATA_FILE, serialiseMetadata(japanMetadata()));
  console.log(`wrote ${METADATA_FILE}`);
}
