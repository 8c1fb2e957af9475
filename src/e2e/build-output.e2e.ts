import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../dev/paths';
import { listFiles } from '../dev/static-files';

describe('the production build (what the static resource ships)', () => {
  it('contains none of the mock page or the simulator', async () => {
    const all = (await listFiles(DIST)).map((name) => join(DIST, name));
    expect(all.some((f) => f.endsWith('assets/biztelcti.js'))).toBe(true);
    // Strings that exist only in src/mock and src/simulator.
    const markers = ['mockCti', '__mock/api', 'FakeOrg', 'BIZTEL simulator', 'Injected failure', 'remote-hangup', 'socket.io-server', 'recordingWav'];
    for (const file of all) {
      const text = await readFile(file, 'utf8');
      for (const marker of markers) expect(text.includes(marker), `${marker} in ${file}`).toBe(false);
    }
    expect(all.some((f) => f.includes('support/api'))).toBe(false);
  });

  it('loads everything by relative URL, so it works from /resource/<timestamp>/biztelcti/', async () => {
    const html = await readFile(join(DIST, 'index.html'), 'utf8');
    expect(html).toContain('src="./assets/biztelcti.js"');
    expect(html).not.toMatch(/(src|href)="\/(?!\/)/);
  });
});
