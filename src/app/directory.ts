/**
 * Directory numbers (§8, servers 3.9.0 and later): names registered in Salesforce for phone numbers,
 * shown instead of (next to) the number for the destination and in the caller-ID list. Classic has
 * getDirectoryNumbers; Lightning gets them from the package's Apex controller.
 */
import { searchDigits } from '../domain/phone';
import type { CtiHost, DirectoryNumber } from '../salesforce/types';
import { APEX_CLASS, APEX_METHODS } from './config';

export async function loadDirectory(host: CtiHost): Promise<Record<string, string>> {
  let list: DirectoryNumber[] | null = await host.getDirectoryNumbers();
  if (list === null) {
    const parsed = JSON.parse(await host.runApex(APEX_CLASS, APEX_METHODS.getDirectoryNumbers, {})) as unknown;
    list = Array.isArray(parsed)
      ? parsed.flatMap((e: unknown) => {
          const d = e as { name?: unknown; phone?: unknown } | null;
          return d && typeof d.name === 'string' && typeof d.phone === 'string' ? [{ name: d.name, phone: d.phone }] : [];
        })
      : [];
  }
  const names: Record<string, string> = {};
  for (const { name, phone } of list) {
    const digits = searchDigits(phone);
    if (digits) names[digits] = name.slice(0, 80);
  }
  return names;
}
