/** The panel's two languages, and how Salesforce's language keys map to them. */
import type { Lang } from '../../domain/call-log';

export type { Lang };

/** Salesforce language keys (ja, en_US, …) and browser languages → the panel's language. */
export const toLang = (value: string | null | undefined): Lang => (value?.toLowerCase().startsWith('ja') ? 'ja' : 'en');
