import { parsePhoneNumberFromString, type MetadataJson } from 'libphonenumber-js/core';
import { describe, expect, it } from 'vitest';
import { formatNumber } from './phone-format';
import japan from './phone-metadata.jp.json' with { type: 'json' };

/** What libphonenumber itself makes of the digits, with the same data and the same guard. */
function byLibphonenumber(digits: string): string {
  if (!/^0\d+$/.test(digits)) return digits;
  const parsed = parsePhoneNumberFromString(digits, 'JP', japan as unknown as MetadataJson);
  if (!parsed?.isPossible() || parsed.country !== 'JP') return digits;
  const formatted = parsed.formatNational();
  return formatted.replace(/\D/g, '') === digits ? formatted : digits;
}

/** A seeded generator, so a failure names a number that can be tried again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('formatting Japanese numbers as libphonenumber does, without shipping it', () => {
  it('agrees with libphonenumber for every area prefix up to 3 digits at every length, and for 4-digit ones at real lengths', { timeout: 60_000 }, () => {
    const next = random(20261204);
    const disagreements: string[] = [];
    let formatted = 0;
    const check = (head: string, length: number) => {
      let digits = head;
      while (digits.length < length) digits += String(Math.floor(next() * 10));
      const ours = formatNumber(digits);
      const theirs = byLibphonenumber(digits);
      if (ours !== digits) formatted += 1;
      if (ours !== theirs) disagreements.push(`${digits}: ${ours} ≠ ${theirs}`);
    };
    for (let prefix = 1; prefix < 1000; prefix += 1) for (let length = 6; length <= 13; length += 1) if (String(prefix).length + 1 < length) check(`0${prefix}`, length);
    for (let prefix = 1000; prefix < 10_000; prefix += 1) for (const length of [10, 11]) check(`0${prefix}`, length);
    expect(disagreements.slice(0, 20)).toEqual([]);
    expect(formatted).toBeGreaterThan(10_000); // not vacuous: most of them are real numbers
  });

  it('leaves what is not a national number as it is', () => {
    for (const digits of ['2002', '', '0', '00', '0012345678', '+81355550101', '03-5555-0101', '0355550101999999']) {
      expect(formatNumber(digits)).toBe(byLibphonenumber(digits));
    }
  });
});
