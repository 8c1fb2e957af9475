/**
 * How the fake org finds records, the way Salesforce's search does for a softphone: a phone number
 * matches whatever its formatting (hyphens, spaces, brackets, full-width digits, +81), and a number
 * typed without its area code still finds the record (Salesforce indexes the local part too). Other
 * text matches record names. Pure, shared by the org's server side and the mock page.
 */
import { searchDigits } from '../../domain/phone.ts';
import type { OrgRecord } from './types.ts';

/** The shortest local number Salesforce matches on its own (a Japanese subscriber number is 4+4). */
const MIN_LOCAL_DIGITS = 7;

/** Text that is a phone number: digits, separators and an optional +, nothing else. */
const PHONE_TEXT = /^[+＋\d０-９\s\u3000()（）\-‐‑‒–—―ー−－.]+$/;

function isPhoneQuery(text: string): boolean {
  return PHONE_TEXT.test(text.trim()) && searchDigits(text) !== '';
}

function phoneFields(record: OrgRecord): [string, string][] {
  return Object.entries(record.fields).filter(([name]) => /phone/i.test(name));
}

/** Does a stored phone value match the digits searched for? */
export function phoneMatches(storedValue: string, queryDigits: string): boolean {
  const stored = searchDigits(storedValue);
  if (stored === '' || queryDigits === '') return false;
  if (stored === queryDigits) return true;
  // "5555-0101" or "3-5555-0101" (no trunk 0) find "03-5555-0101".
  return queryDigits.length >= MIN_LOCAL_DIGITS && stored.endsWith(queryDigits);
}

/** Records matching the query among `records` (already limited to the objects searched). */
export function searchRecords(records: readonly OrgRecord[], query: string): OrgRecord[] {
  const text = query.trim();
  if (text === '') return [];
  if (isPhoneQuery(text)) {
    const digits = searchDigits(text);
    return records.filter((record) => phoneFields(record).some(([, value]) => phoneMatches(value, digits)));
  }
  const needle = text.toLowerCase();
  return records.filter((record) => record.Name.toLowerCase().includes(needle));
}
