/**
 * Salesforce renders the adapter's Visualforce page with the user's language on its root element
 * ($User.LanguageLocaleKey), so the panel speaks it from the first screen on, before any Apex call
 * (a start-up that fails on the Open CTI API or the Apex class never learns it otherwise). The mock
 * stage serves the plain panel page: the mock page names the user's language in the panel's address,
 * and the stage's server writes it where the Visualforce page would.
 */
export const USER_LANGUAGE_PARAM = 'mockUserLanguage';

/** The panel page with the user's language of `query`, as the Visualforce page renders it. */
export function withUserLanguage(html: string, query: URLSearchParams): string {
  const language = query.get(USER_LANGUAGE_PARAM);
  if (!language || !/^[a-z]{2}(_[A-Z]{2})?$/.test(language)) return html;
  return html.replace(/<html(\s|>)/, `<html data-user-language="${language}"$1`);
}
