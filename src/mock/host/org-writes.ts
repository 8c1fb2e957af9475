/**
 * Checks for what QA and tests write into the fake org from the page (call center items, directory
 * numbers, the layout) before the page shows it; the org's API checks them again.
 */
import type { DirectoryNumber } from '../org/types';

const ITEM = /^\/[A-Za-z0-9_]+\/[A-Za-z0-9_]+$/;

export function checkCallCenterItems(items: unknown): Record<string, string> {
  if (items === null || typeof items !== 'object' || Array.isArray(items)) throw new TypeError('Call center settings are an object of "/section/item" → value.');
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(items)) {
    if (!ITEM.test(name)) throw new TypeError(`"${name}" is not a call center item name like "/biztelSettings/serverUrl".`);
    if (typeof value !== 'string' || value.length > 2000) throw new TypeError(`The value of ${name} must be text (up to 2000 characters).`);
    out[name] = value;
  }
  return out;
}

export function checkDirectoryNumbers(list: unknown): DirectoryNumber[] {
  if (!Array.isArray(list)) throw new TypeError('Directory numbers are a list of {name, phone}.');
  return list.map((entry: unknown, i) => {
    const e = entry as { name?: unknown; phone?: unknown } | null;
    const name = typeof e?.name === 'string' ? e.name.trim() : '';
    const phone = typeof e?.phone === 'string' ? e.phone.trim() : '';
    if (name === '' || name.length > 80) throw new TypeError(`Directory number ${i + 1}: the name must be 1–80 characters.`);
    if (phone === '' || phone.length > 40) throw new TypeError(`Directory number ${i + 1}: the phone must be 1–40 characters.`);
    return { name, phone };
  });
}
