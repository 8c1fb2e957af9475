/**
 * Validation of everything Salesforce hands the panel: search results, clicks, navigation, settings,
 * the answers themselves. What fails is dropped and reported (`diagnostics.ts`).
 */
import * as z from 'zod/mini';
import { reportHostDiagnostic } from './diagnostics';
import type { ClickToDialRequest, FoundRecord, NavigationInfo } from './types';

const sfId = z.string().check(z.regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/));
const optionalText = z.optional(z.nullable(z.string().check(z.maxLength(1000))));

const foundSchema = z.looseObject({
  Id: sfId,
  Name: optionalText,
  RecordType: z.string().check(z.minLength(1), z.maxLength(80)),
});

/** Records of a searchAndScreenPop answer (a map keyed by record Id; SCREEN_POP_DATA is not a record). */
export function parseSearchRecords(value: unknown): { records: FoundRecord[]; deferredPop: unknown; dropped: number } {
  const records: FoundRecord[] = [];
  let dropped = 0;
  let deferredPop: unknown = null;
  if (value === null || value === undefined) return { records, deferredPop, dropped }; // nothing found
  if (typeof value !== 'object' || Array.isArray(value)) {
    reportHostDiagnostic('searchRecord', `The search answer is not a map of records: ${typeof value}.`);
    return { records, deferredPop, dropped: 1 };
  }
  for (const [key, entry] of Object.entries(value)) {
    if (key === 'SCREEN_POP_DATA') {
      deferredPop = entry;
      continue;
    }
    const parsed = foundSchema.safeParse(entry);
    if (!parsed.success) {
      dropped += 1;
      reportHostDiagnostic('searchRecord', `${key.slice(0, 40)}: ${z.prettifyError(parsed.error)}`);
      continue;
    }
    const name = parsed.data.Name ?? (parsed.data as Record<string, unknown>).LastName;
    records.push({ recordId: parsed.data.Id, name: typeof name === 'string' ? name : parsed.data.Id, objectType: parsed.data.RecordType });
  }
  return { records, deferredPop, dropped };
}

export const clickToDialSchema = z.looseObject({
  number: z.union([z.string().check(z.minLength(1), z.maxLength(100)), z.number().check(z.nonnegative())]),
  recordId: z.optional(z.nullable(sfId)),
  recordName: optionalText,
  objectType: optionalText,
});

/**
 * Open CTI may hand the number over as a JavaScript number, which cannot keep the leading 0 every
 * Japanese national number has (03…, 090…). A 9–10 digit number gets its 0 back; shorter ones are
 * extensions and stay as they are.
 */
function numberText(number: string | number): string {
  if (typeof number === 'string') return number;
  const digits = String(number);
  return digits.length === 9 || digits.length === 10 ? `0${digits}` : digits;
}

export function parseClickToDial(value: unknown): { ok: true; request: ClickToDialRequest } | { ok: false; reason: string } {
  const refuse = (reason: string) => {
    reportHostDiagnostic('clickToDial', reason);
    return { ok: false as const, reason };
  };
  const parsed = clickToDialSchema.safeParse(value);
  if (!parsed.success) return refuse(z.prettifyError(parsed.error));
  const { number, recordId, recordName, objectType } = parsed.data;
  if (typeof number === 'number' && !Number.isSafeInteger(number)) return refuse('number is not an integer');
  return {
    ok: true,
    request: { number: numberText(number), recordId: recordId ?? null, recordName: recordName ?? null, objectType: objectType ?? null },
  };
}

const navigationSchema = z.looseObject({
  url: optionalText,
  recordId: z.optional(z.nullable(z.union([sfId, z.literal('')]))),
  recordName: optionalText,
  objectType: optionalText,
});

export function parseNavigation(value: unknown): NavigationInfo | null {
  const parsed = navigationSchema.safeParse(value);
  if (!parsed.success) {
    reportHostDiagnostic('navigation', z.prettifyError(parsed.error));
    return null;
  }
  return {
    recordId: parsed.data.recordId || null,
    recordName: parsed.data.recordName ?? null,
    objectType: parsed.data.objectType ?? null,
    url: parsed.data.url ?? null,
  };
}

export function parseSettings(value: unknown): Record<string, string> {
  const settings: Record<string, string> = {};
  if (value === null || typeof value !== 'object') {
    reportHostDiagnostic('settings', `The call center settings are not a map: ${value === null ? 'null' : typeof value}.`);
    return settings;
  }
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') settings[key] = entry;
    else reportHostDiagnostic('settings', `${key.slice(0, 80)} is not text.`);
  }
  return settings;
}

/** An Open CTI answer has this envelope ({success, returnValue, errors}); anything else is refused. */
export function isOpenCtiResponse(value: unknown): value is { success: boolean; returnValue?: unknown; errors?: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { success?: unknown }).success === 'boolean';
}

/** The first error of a failed answer, when it has one of the documented shape. */
export function firstError(errors: unknown): { code: string | null; description: string | null } {
  const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
  if (typeof first !== 'object' || first === null) return { code: null, description: null };
  const { code, description } = first as { code?: unknown; description?: unknown };
  return { code: typeof code === 'string' ? code : null, description: typeof description === 'string' ? description.slice(0, 500) : null };
}
