import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../dev/mock-stack';

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? files(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))));
  return nested.flat();
}

describe('the production build (what the static resource ships)', () => {
  it('contains none of the mock page or the simulator', async () => {
    const dist = join(PROJECT_ROOT, 'dist');
    const all = await files(dist);
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
    const html = await readFile(join(PROJECT_ROOT, 'dist', 'index.html'), 'utf8');
    expect(html).toContain('src="./assets/biztelcti.js"');
    expect(html).not.toMatch(/(src|href)="\/(?!\/)/);
  });
});
