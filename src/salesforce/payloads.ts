/**
 * Validation of everything Salesforce hands the panel: search results, clicks, navigation, settings,
 * the answers themselves. What fails is dropped and reported to the caller's `report` (`diagnostics.ts`).
 */
import * as z from 'zod/mini';
import { issuesText, salesforceIdSchema as sfId } from '../protocol';
import type { ReportHostDiagnostic } from './diagnostics';
import type { ClickToDialRequest, FoundRecord, NavigationInfo } from './types';
const optionalText = z.optional(z.nullable(z.string().check(z.maxLength(1000))));

const foundSchema = z.looseObject({
  Id: sfId,
  Name: optionalText,
  /** People's records without a Name field in the layout still have their last name. */
  LastName: optionalText,
  RecordType: z.string().check(z.minLength(1), z.maxLength(80)),
});

/** Records of a searchAndScreenPop answer (a map keyed by record Id; SCREEN_POP_DATA is not a record). */
export function parseSearchRecords(value: unknown, report: ReportHostDiagnostic): { records: FoundRecord[]; deferredPop: unknown; dropped: number } {
  const records: FoundRecord[] = [];
  let dropped = 0;
  let deferredPop: unknown = null;
  if (value === null || value === undefined) return { records, deferredPop, dropped }; // nothing found
  if (typeof value !== 'object' || Array.isArray(value)) {
    report({ kind: 'searchRecord', message: `The search answer is not a map of records: ${typeof value}.` });
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
      report({ kind: 'searchRecord', message: `${key.slice(0, 40)}: ${issuesText(parsed.error)}`.slice(0, 300) });
      continue;
    }
    const name = parsed.data.Name ?? parsed.data.LastName;
    records.push({ recordId: parsed.data.Id, name: (name ?? parsed.data.Id).slice(0, 255), objectType: parsed.data.RecordType });
  }
  return { records, deferredPop, dropped };
}

const clickToDialSchema = z.looseObject({
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

export function parseClickToDial(value: unknown, report: ReportHostDiagnostic): { ok: true; request: ClickToDialRequest } | { ok: false; reason: string } {
  const refuse = (reason: string) => {
    report({ kind: 'clickToDial', message: reason.slice(0, 300) });
    return { ok: false as const, reason };
  };
  const parsed = clickToDialSchema.safeParse(value);
  if (!parsed.success) return refuse(issuesText(parsed.error));
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

export function parseNavigation(value: unknown, report: ReportHostDiagnostic): NavigationInfo | null {
  const parsed = navigationSchema.safeParse(value);
  if (!parsed.success) {
    report({ kind: 'navigation', message: issuesText(parsed.error).slice(0, 300) });
    return null;
  }
  return {
    recordId: parsed.data.recordId || null,
    recordName: parsed.data.recordName ?? null,
    objectType: parsed.data.objectType ?? null,
    url: parsed.data.url ?? null,
  };
}

export function parseSettings(value: unknown, report: ReportHostDiagnostic): Record<string, string> {
  const settings: Record<string, string> = {};
  if (value === null || typeof value !== 'object') {
    report({ kind: 'settings', message: `The call center settings are not a map: ${value === null ? 'null' : typeof value}.` });
    return settings;
  }
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') settings[key] = entry;
    else report({ kind: 'settings', message: `${key.slice(0, 80)} is not text.` });
  }
  return settings;
}

/**
 * An Open CTI answer's envelope, `{success, returnValue, errors}`; anything else is refused. Its errors
 * are read on their own (firstError): a failure whose errors are malformed is still a failure.
 */
export const openCtiResponseSchema = z.looseObject({ success: z.boolean(), returnValue: z.optional(z.unknown()), errors: z.optional(z.unknown()) });

const errorSchema = z.looseObject({ code: z.optional(z.unknown()), description: z.optional(z.unknown()) });

/** The first error of a failed answer, when it has one of the documented shape. */
export function firstError(errors: unknown): { code: string | null; description: string | null } {
  const parsed = Array.isArray(errors) ? errorSchema.safeParse(errors[0]) : null;
  const first = parsed?.success ? parsed.data : null;
  return {
    code: typeof first?.code === 'string' ? first.code : null,
    description: typeof first?.description === 'string' ? first.description.slice(0, 500) : null,
  };
}

/** runApex's returnValue: the text the Apex method returned. */
export const runApexResultSchema = z.looseObject({ runApex: z.string() });

/** SCREEN_POP_DATA of a Lightning deferred search: screenPop's type and params (null: the layout pops nothing). */
export const deferredPopSchema = z.nullable(z.looseObject({ type: z.string().check(z.maxLength(40)), params: z.record(z.string(), z.unknown()) }));
