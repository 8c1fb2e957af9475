/** The mock page's words in the fake Salesforce user's language (the page's `lang=ja|en` query). */
import { useMock } from '../context';
import { en } from './en';
import { ja, type MockText } from './ja';

export type { MockText };

export const MOCK_TEXT: Record<'ja' | 'en', MockText> = { ja, en };

export function mockText(lang: 'ja' | 'en'): MockText {
  return MOCK_TEXT[lang];
}

/** This page's words. */
export function useText(): MockText {
  return MOCK_TEXT[useMock().host.params.lang];
}
