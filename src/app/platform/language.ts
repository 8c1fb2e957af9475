/**
 * The agent's choice of language for the panel, kept in this browser (localStorage, or memory where
 * the browser denies the framed panel storage). Without a choice the panel follows the Salesforce
 * user's language (the Visualforce page's, then the Apex controller's answer).
 */
import type { Lang } from '../../domain/call-log';
import { readLocal, writeLocal } from './safe-storage';

const KEY = 'biztel.language';

export function readLanguageOverride(): Lang | null {
  const saved = readLocal(KEY);
  return saved === 'ja' || saved === 'en' ? saved : null;
}

export function saveLanguageOverride(choice: Lang | null): void {
  writeLocal(KEY, choice);
}
