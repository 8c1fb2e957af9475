/**
 * The softphone layout's shape as a schema: the org's API checks every layout it is
 * given, and so does the mock page before it shows one (`mockCti.host.setSoftphoneLayout`).
 */
import * as z from 'zod/mini';
import type { SoftphoneLayout } from './types.ts';

export const OBJECT_TYPES = ['Contact', 'Lead', 'Account', 'Case', 'Customer_Site__c'] as const;
const SCREEN_POP_TYPES = ['PopToEntity', 'PopToVisualforce', 'PopToSearch', 'PopToFlow'] as const;

const field = z.object({
  displayName: z.string().check(z.maxLength(80)),
  apiName: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,79}$/)),
});

const popSetting = z.object({
  screenPopType: z.enum(SCREEN_POP_TYPES),
  screenPopData: z.optional(z.string().check(z.maxLength(255))),
});

const forCallType = z.object({
  callRelatedFields: z._default(z.array(z.string().check(z.maxLength(80))), () => []),
  objects: z.partialRecord(z.enum(OBJECT_TYPES), z.array(field)),
  screenPopSettings: z.object({
    screenPopsOpenWithin: z._default(z.enum(['ExistingWindow', 'NewWindow']), 'ExistingWindow'),
    NoMatch: z.optional(popSetting),
    SingleMatch: z.optional(popSetting),
    MultipleMatches: z.optional(popSetting),
  }),
});

const layoutSchema = z.object({ Inbound: forCallType, Outbound: forCallType, Internal: forCallType });

/** The layout, or a readable reason it is not one. */
export function parseLayout(value: unknown): { ok: true; layout: SoftphoneLayout } | { ok: false; reason: string } {
  const parsed = layoutSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: z.prettifyError(parsed.error) };
  return { ok: true, layout: parsed.data };
}
