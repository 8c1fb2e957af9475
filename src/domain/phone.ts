/**
 * Phone-number normalisation for Japanese numbers: what click-to-call dials and what screen pops
 * search. Pure; every outside number passes through here before it reaches the PBX or Salesforce.
 * Display formatting is in phone-format.ts (it brings libphonenumber's data, which the panel loads
 * only once it shows numbers).
 */

/** Full-width ASCII (ＴＥＬ：０３（内線１２）), as Japanese data often has it; `\s` covers the ideographic space. */
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const DASHES = /[-‐‑‒–—―ー−]/g;
const SEPARATORS = /[\s().[\]・/]/g;
/** `tel:03…`, `TEL 03…`, `℡03…`, `電話：03…`: a label before the number, not part of it. */
const LABEL = /^(?:tel|℡|電話(?:番号)?)\s*[:.]?\s*/i;
const EXTENSION_WORD = String.raw`(?:ext\.?|extension|x|#|内線(?:番号)?)`;
/** `(内線12)`, `(ext. 12)`: an extension in brackets, anywhere after the number. */
const BRACKETED_EXTENSION = new RegExp(String.raw`[(\[【]\s*${EXTENSION_WORD}\s*[:.]?\s*(\d{1,6})\s*[)\]】]`, 'i');
/** `ext. 12`, `内線:12`, `x12` written last. */
const TRAILING_EXTENSION = new RegExp(String.raw`(?:\s*${EXTENSION_WORD}\s*:?\s*)(\d{1,6})\s*$`, 'i');
/** `(携帯)`, `【代表】`, `(office)`: a bracketed note with no digit in it says what the number is. */
const BRACKETED_NOTE = /[([【「][^()[\]【】「」\d]*[)\]】」]/g;
/** `03-5555-0101 代表`: a note in Japanese after a space. */
const TRAILING_NOTE = /\s+[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+$/u;

export type NormalisedNumber =
  | { ok: true; digits: string; extension: string | null }
  | { ok: false; reason: 'empty' | 'notANumber' | 'tooShort' | 'tooLong' };

const toHalfWidth = (text: string): string =>
  text.replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Splits off an extension written after the number; the number part and the extension. */
function splitExtension(text: string): [string, string | null] {
  for (const pattern of [BRACKETED_EXTENSION, TRAILING_EXTENSION]) {
    const match = pattern.exec(text);
    if (match && match.index > 0) return [text.slice(0, match.index) + text.slice(match.index + match[0].length), match[1] ?? null];
  }
  return [text, null];
}

/**
 * Turns what a person or Salesforce wrote into national digits: `+81 (0)3-5555-0101` → `0355550101`.
 * What Japanese Salesforce data puts around a number is dropped: a `tel:` / `TEL:` label, notes such
 * as `（携帯）` or `(代表)`; an extension (`ext. 12`, `内線12`, `(内線:12)`, `x12`) is split off.
 */
export function normaliseNumber(input: string | number): NormalisedNumber {
  let text = toHalfWidth(String(input)).trim();
  if (text === '') return { ok: false, reason: 'empty' };
  const [number, extension] = splitExtension(text.replace(LABEL, '').replace(BRACKETED_NOTE, ' ').trim());
  text = number.trim().replace(TRAILING_NOTE, '').replace(DASHES, '').replace(SEPARATORS, '');
  if (text.startsWith('+81')) text = '0' + text.slice(3).replace(/^0/, '');
  else if (text.startsWith('0081')) text = '0' + text.slice(4).replace(/^0/, '');
  // Another country: 010 is Japan's international prefix. A lone `+` (or `+0…`) is no number.
  else if (/^\+[1-9]/.test(text)) text = '010' + text.slice(1);
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
