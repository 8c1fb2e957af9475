/**
 * What Salesforce Classic's `sforce.interaction` hands back, as schemas. Classic answers with JSON text
 * in many places and names things its own way (`objectId`, `object`); these read it into the panel's
 * shapes, and anything else is refused rather than guessed at.
 */
import * as z from 'zod/mini';

/** Classic's answers carry JSON as text; a value that is not JSON text is taken as it is. */
export function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

const text = z.optional(z.nullable(z.string().check(z.maxLength(1000))));

/** Classic says "no record" with empty strings (a phone field off a record page, the home tab). */
const blankless = (value: string | null | undefined): string | null => (value === '' || value === undefined ? null : value);

/** A softphone layout: per call type, the objects it searches (only their names matter here). */
export const classicLayoutSchema = z.record(z.string(), z.optional(z.looseObject({ objects: z.optional(z.record(z.string(), z.unknown())) })));

/** The package's `searchPhone` answer: a list of records. */
export const searchPhoneSchema = z.array(z.looseObject({ Id: z.string() }));

/** Classic's searchAndScreenPop answer: records keyed by Id, each naming its object in `object`. */
export const classicSearchSchema = z.nullable(z.record(z.string(), z.nullable(z.looseObject({ object: z.optional(z.unknown()) }))));

/** A click on a phone field, or the page the agent has open: Classic's names for the record. */
export const classicRecordRefSchema = z.looseObject({
  number: z.optional(z.unknown()),
  url: text,
  objectId: text,
  objectName: text,
  displayName: text,
  object: text,
});
export type ClassicRecordRef = z.infer<typeof classicRecordRefSchema>;

/** The record reference in the panel's names (Lightning's), for the shared validation in payloads.ts. */
export const recordRefInPanelNames = (ref: ClassicRecordRef) => ({
  recordId: blankless(ref.objectId),
  recordName: blankless(ref.objectName) ?? blankless(ref.displayName),
  objectType: blankless(ref.object),
});

export const directoryPageSchema = z.looseObject({
  directoryNumbers: z.array(z.unknown()),
  hasNext: z.optional(z.unknown()),
});

export const directoryEntrySchema = z.looseObject({ name: z.string().check(z.maxLength(255)), phone: z.string().check(z.maxLength(100)) });

/** Object API names a layout may list (custom ones included). */
export const OBJECT_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
