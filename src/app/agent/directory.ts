/**
 * Directory numbers (servers 3.9.0 and later): names registered in Salesforce for phone numbers,
 * shown instead of (next to) the number for the destination and in the caller-ID list. Classic has
 * getDirectoryNumbers; Lightning gets them from the package's Apex controller.
 */
import * as z from 'zod/mini';
import { searchDigits } from '../../domain/phone';
import type { CtiHost, DirectoryNumber } from '../../salesforce/types';
import { APEX_CLASS, APEX_METHODS } from '../../salesforce/package-names';

/** The package's answer: a list of numbers; an entry of another shape is skipped, not the list. */
const listSchema = z.array(z.unknown());
const entrySchema = z.object({ name: z.string().check(z.maxLength(255)), phone: z.string().check(z.maxLength(100)) });

export async function loadDirectory(host: CtiHost): Promise<Record<string, string>> {
  let list: DirectoryNumber[] | null = await host.getDirectoryNumbers();
  if (list === null) {
    const parsed = listSchema.safeParse(JSON.parse(await host.runApex(APEX_CLASS, APEX_METHODS.getDirectoryNumbers, {})));
    list = (parsed.success ? parsed.data : []).flatMap((entry) => {
      const number = entrySchema.safeParse(entry);
      return number.success ? [number.data] : [];
    });
  }
  const names: Record<string, string> = {};
  for (const { name, phone } of list) {
    const digits = searchDigits(phone);
    if (digits) names[digits] = name.slice(0, 80);
  }
  return names;
}
