import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { METADATA_FILE, japanMetadata, serialiseMetadata } from './phone-metadata';

describe('the Japan phone metadata the panel ships', () => {
  it('is the slice of the installed libphonenumber-js (run src/dev/phone-metadata.ts when this fails)', async () => {
    expect(await readFile(METADATA_FILE, 'utf8')).toBe(serialiseMetadata(japanMetadata()));
  });

  it('holds Japan only', () => {
    const metadata = japanMetadata();
    expect(Object.keys(metadata.countries)).toEqual(['JP']);
    expect(metadata.country_calling_codes).toEqual({ '81': ['JP'] });
  });
});
