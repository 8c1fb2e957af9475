/**
 * A seeded generator of malformed payloads for the fuzz tests: random JSON values, hostile keys and
 * strings, and valid messages with one part broken. JSON-safe, so they can cross into a browser.
 */
import { makeCall } from './fixtures';

export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY_STRINGS = [
  '',
  ' ',
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  '__proto__',
  'constructor',
  'toString',
  '\u0000',
  '\ud800',
  '０３－５５５５－０１０１',
  'x'.repeat(5000),
  '1e309',
  'NaN',
  '-1',
  'null',
  '{"a":1}',
];
const NASTY_NUMBERS = [0, -1, 1.5, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, -0];

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function randomJson(random: () => number, depth = 0): Json {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const r = random();
  if (depth > 3 || r < 0.15) return pick([null, true, false]);
  if (r < 0.3) return pick(NASTY_NUMBERS);
  if (r < 0.5) return pick(NASTY_STRINGS);
  if (r < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => randomJson(random, depth + 1));
  const keys = ['type', 'seq', 'call', 'agent', 'settings', 'callId', 'state', 'from', 'number', 'recordId', '__proto__', 'constructor', 'ok', 'data', 'error'];
  const out: { [key: string]: Json } = {};
  for (let i = 0, n = Math.floor(random() * 5); i < n; i++) out[pick(keys)] = randomJson(random, depth + 1);
  return out;
}

/** A valid call view with one field replaced by something random. */
export function brokenCall(random: () => number): Json {
  const call = makeCall({ callId: `FZ${Math.floor(random() * 1e6)}` }) as unknown as { [key: string]: Json };
  const keys = Object.keys(call);
  const key = keys[Math.floor(random() * keys.length)]!;
  call[key] = randomJson(random, 2);
  return call;
}

/** A mix: random values, and near-misses of the shape the receiver expects. */
export function fuzzPayload(random: () => number, nearMiss: (random: () => number) => Json): Json {
  return random() < 0.5 ? randomJson(random) : nearMiss(random);
}
