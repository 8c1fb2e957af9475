/**
 * The panel's language: the Salesforce user's (the Visualforce page's `$User.LanguageLocaleKey`,
 * then the Apex controller's answer), unless the agent chose one in the panel. The choice is kept
 * in this browser (localStorage, or memory where the browser denies the framed panel storage).
 */
import type { Lang } from '../domain/call-log';
import { toLang } from './i18n';
import { readLocal, writeLocal } from './safe-storage';
import type { PanelStore } from './store';

const KEY = 'biztel.language';

export function readLanguageOverride(): Lang | null {
  const saved = readLocal(KEY);
  return saved === 'ja' || saved === 'en' ? saved : null;
}

/** Salesforce said the user's language: it applies unless the agent chose one. */
export function setSalesforceLanguage(store: PanelStore, language: string | null | undefined): void {
  store.setState({ salesforceLang: toLang(language) });
}

/** The agent's choice in the panel; null goes back to the Salesforce user's language. */
export function chooseLanguage(store: PanelStore, choice: Lang | null): void {
  writeLocal(KEY, choice);
  store.setState({ langOverride: choice });
}
