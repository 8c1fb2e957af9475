/** Salesforce record Id facts the panel relies on (key prefixes of standard objects). */
// With its extension: the build's own tools load this module outside the bundler.
import { SALESFORCE_ID } from '../protocol/schemas.ts';

const WHO_PREFIXES = new Set(['003', '00Q']); // Contact, Lead

export const isSalesforceId = (value: string): boolean => SALESFORCE_ID.test(value);

/** Task.WhoId takes Contacts and Leads; every other record goes to WhatId. */
export const linkFieldFor = (recordId: string): 'WhoId' | 'WhatId' =>
  WHO_PREFIXES.has(recordId.slice(0, 3)) ? 'WhoId' : 'WhatId';
