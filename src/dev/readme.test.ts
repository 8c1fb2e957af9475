/**
 * What README.md says about names must be true: every call center item (its key) is documented, and
 * the mock page's controls are named in both languages as the page names them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MOCK_CALL_CENTER_ITEMS } from '../mock/host/call-center-items';
import { en } from '../mock/host/i18n/en';
import { ja } from '../mock/host/i18n/ja';
import { seedCallCenter } from '../mock/org/seed';
import { CALL_CENTER_ITEMS } from '../salesforce/package-names';
import { callCenterFromImport, settingsMap } from './call-center';
import { PROJECT_ROOT } from './paths';

const README = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const IMPORT_XML = readFileSync(join(PROJECT_ROOT, 'visualforce', 'call-center-import.xml'), 'utf8');

/** The keys in the call center table of "2. The call center": its rows' second cell. */
function documentedKeys(): Set<string> {
  const start = README.indexOf('| item | key | read by | value |');
  expect(start).toBeGreaterThan(0);
  const rows = README.slice(start).split('\n\n')[0]!.split('\n').slice(2);
  return new Set(rows.map((row) => /^\|[^|]*\| `(\/[A-Za-z]+\/[A-Za-z]+)` \|/.exec(row)?.[1] ?? `unreadable row: ${row}`));
}

/** Every string of a text table, by its path (`sim.incoming.place`). */
function leaves(value: unknown, path = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof value === 'string') found.set(path, value);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) for (const [p, v] of leaves(item, path ? `${path}.${key}` : key)) found.set(p, v);
  return found;
}

describe('README', () => {
  it('documents every call center item: the package file’s, the mock org’s, and each one the panel or the mock page reads', () => {
    const documented = documentedKeys();
    const expected = new Set([
      ...Object.keys(settingsMap(callCenterFromImport(IMPORT_XML))),
      ...Object.keys(seedCallCenter('http://localhost:8000/')),
      ...Object.values(CALL_CENTER_ITEMS),
      ...Object.values(MOCK_CALL_CENTER_ITEMS),
    ]);
    expect([...expected].filter((key) => !documented.has(key))).toEqual([]);
    expect([...documented].filter((key) => !expected.has(key))).toEqual([]);
  });

  it('names the mock page’s controls in Japanese next to English exactly as the page does', () => {
    const english = leaves(en);
    const japanese = leaves(ja);
    const pairs = [...README.matchAll(/`([^`]+)` · `([^`]+)`/g)].map((m) => [m[1] ?? '', m[2] ?? ''] as const);
    let checked = 0;
    const wrong: string[] = [];
    for (const [enName, jaName] of pairs) {
      const paths = [...english].filter(([, v]) => v === enName).map(([p]) => p);
      if (paths.length === 0) continue; // made by a function (`Running (agent0N)`) or not the page's own word
      checked += 1;
      if (!paths.some((p) => japanese.get(p) === jaName)) wrong.push(`${enName} · ${jaName} (the page says ${paths.map((p) => japanese.get(p)).join(' or ')})`);
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });
});
