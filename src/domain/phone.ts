/**
 * Phone-number normalisation for Japanese numbers: what click-to-call dials and what screen pops
 * search. Pure; every outside number passes through here before it reaches the PBX or Salesforce.
 * Display formatting is libphonenumber-js's, with Japan's metadata only (src/dev/phone-metadata.ts).
 */
import { parsePhoneNumberFromString, type MetadataJson } from 'libphonenumber-js/core';
import japan from './phone-metadata.jp.json';

const JAPAN = japan as unknown as MetadataJson;

const FULL_WIDTH_DIGIT = /[０-９]/g;
const DASHES = /[-‐‑‒–—―ー−－]/g;
const SEPARATORS = /[\s\u3000().（）［］[\]・.／/]/g;
const EXTENSION = /(?:\s*(?:ext\.?|extension|x|#|内線)\s*)(\d{1,6})\s*$/i;

export type NormalisedNumber =
  | { ok: true; digits: string; extension: string | null }
  | { ok: false; reason: 'empty' | 'notANumber' | 'tooShort' | 'tooLong' };

const toHalfWidth = (text: string): string =>
  text.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/＋/g, '+');

/**
 * Turns what a person or Salesforce wrote into national digits: `+81 (0)3-5555-0101` → `0355550101`.
 * An extension written after the number (`ext. 12`, `内線12`, `x12`) is split off.
 */
export function normaliseNumber(input: string | number): NormalisedNumber {
  let text = toHalfWidth(String(input)).trim();
  if (text === '') return { ok: false, reason: 'empty' };
  let extension: string | null = null;
  const ext = EXTENSION.exec(text);
  if (ext && ext.index > 0) {
    extension = ext[1] ?? null;
    text = text.slice(0, ext.index);
  }
  text = text.replace(DASHES, '').replace(SEPARATORS, '');
  if (text.startsWith('+81')) text = '0' + text.slice(3).replace(/^0/, '');
  else if (text.startsWith('0081')) text = '0' + text.slice(4).replace(/^0/, '');
  else if (text.startsWith('+')) text = '010' + text.slice(1);
  if (!/^\d+$/.test(text)) return { ok: false, reason: 'notANumber' };
  if (text.length < 2) return { ok: false, reason: 'tooShort' };
  if (text.length > 20) return { ok: false, reason: 'tooLong' };
  return { ok: true, digits: text, extension };
}

/** National digits, or '' when the input is not a number (an anonymous search). */
export function searchDigits(input: string | null | undefined): string {
  if (input == null) return '';
  const n = normaliseNumber(input);
  return n.ok ? n.digits : '';
}

/** An internal extension: short, no leading 0 (national numbers start with 0). */
export const isExtension = (digits: string): boolean => /^[1-9]\d{1,5}$/.test(digits);

/**
 * Display form of national digits, as Japanese numbers are written (`03-5555-0101`,
 * `0463-33-1234`, `090-1234-5678`): the area-code boundaries come from libphonenumber's data.
 * Extensions, partial and foreign numbers are shown as given.
 */
export function formatNumber(digits: string): string {
  if (!/^0\d+$/.test(digits)) return digits;
  const parsed = parsePhoneNumberFromString(digits, 'JP', JAPAN);
  if (!parsed?.isPossible() || parsed.country !== 'JP') return digits;
  const formatted = parsed.formatNational();
  // Only hyphens added: a number the data has no pattern for is never shown with digits changed.
  return formatted.replace(/\D/g, '') === digits ? formatted : digits;
}
