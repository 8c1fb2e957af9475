import type { Lang } from '../../domain/call-log';
import { en } from './en';
import { ja, type MessageKey } from './ja';

export type { MessageKey };

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { ja, en };

/** A message in the language, with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = DICTIONARIES[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Salesforce language keys (ja, en_US, …) and browser languages → the panel's language. */
export const toLang = (value: string | null | undefined): Lang => (value?.toLowerCase().startsWith('ja') ? 'ja' : 'en');
