/**
 * How Japanese numbers are written, for display (`03-5555-0101`, `0463-33-1234`, `090-1234-5678`):
 * the area-code boundaries come from libphonenumber's data for Japan (phone-metadata.jp.json, made by
 * src/dev/phone-metadata.ts), applied here the way libphonenumber applies it, so the panel does not
 * ship the library itself. A test checks this against libphonenumber number by number.
 */
import type { Call } from '../protocol';
import { otherPartyNumber } from './call';
import metadata from './phone-metadata.jp.json' with { type: 'json' };
import { searchDigits } from './phone';

/**
 * The parts of libphonenumber's compact metadata for Japan that formatting reads: calling code,
 * international prefix, national number pattern, possible lengths, formats (pattern, format, leading
 * digits). The file is ours, made by the build tool and checked by the tests, not outside input.
 */
type Japan = [string, string, string, number[], [string, string, string[], ...unknown[]][], ...unknown[]];
const japan = metadata.countries.JP as unknown as Japan;
/** 010 dials out of Japan: what follows (a country code, never 0) is another country's number. */
const INTERNATIONAL = new RegExp(`^${japan[1]}[1-9]`);
const NATIONAL_NUMBER = new RegExp(`^(?:${japan[2]})$`);
const POSSIBLE_LENGTHS = new Set(japan[3]);
const FORMATS = japan[4].map(([pattern, format, leading]) => ({
  pattern: new RegExp(`^(?:${pattern})$`),
  format,
  // As libphonenumber does: the last (most specific) leading-digits pattern decides.
  leading: leading.length > 0 ? new RegExp(`^(?:${leading[leading.length - 1] ?? ''})`) : null,
}));

/**
 * Display form of national digits. Extensions, partial and foreign numbers are shown as given, and
 * so is a number the data has no pattern for: never a number with its digits changed.
 */
export function formatNumber(digits: string): string {
  if (!/^0[1-9]\d*$/.test(digits) || INTERNATIONAL.test(digits)) return digits;
  const national = digits.slice(1);
  if (!POSSIBLE_LENGTHS.has(national.length) || !NATIONAL_NUMBER.test(national)) return digits;
  const chosen = FORMATS.find((f) => (f.leading === null || f.leading.test(national)) && f.pattern.test(national));
  if (!chosen) return digits;
  // Japan writes the trunk prefix 0 before the first group.
  const formatted = `0${national.replace(chosen.pattern, chosen.format)}`;
  return formatted.replace(/\D/g, '') === digits ? formatted : digits;
}

/** A number as the panel shows it: formatted national digits when it is one, else as given. */
export const displayNumber = (number: string): string => formatNumber(searchDigits(number) || number);

/** The other party of a call as the panel shows it; `anonymous` for a withheld number. */
export function otherPartyShown(call: Call, anonymous: string): string {
  const number = otherPartyNumber(call);
  return number === null ? anonymous : displayNumber(number);
}
