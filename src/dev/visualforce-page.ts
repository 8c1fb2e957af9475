/**
 * Renders our Visualforce page the way Salesforce would for the test server: the `rendered`
 * conditions on `mode`, URLFOR on the static resource, the user's language. Only what biztelcti.page
 * uses; anything else left unrendered fails loudly, so the page and this stay in step.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from './mock-stack';

export const PAGES_DIR = join(PROJECT_ROOT, 'visualforce', 'force-app', 'main', 'default', 'pages');

export interface PageContext {
  /** `$CurrentPage.parameters.mode` */
  mode: string | null;
  /** `/resource/<timestamp>/biztelcti` */
  resourceBase: string;
  /** `$User.LanguageLocaleKey` */
  userLanguage: string;
}

export function renderVisualforce(source: string, context: PageContext): string {
  let html = source.replace(/<!--[\s\S]*?-->/g, '');
  html = html.replace(/^\s*<apex:page\b[^>]*>/, '').replace(/<\/apex:page>\s*$/, '');
  html = html.replace(
    /<apex:outputPanel layout="none" rendered="\{!\$CurrentPage\.parameters\.mode (==|!=) '([^']*)'\}">([\s\S]*?)<\/apex:outputPanel>/g,
    (_all, op: string, value: string, body: string) => ((context.mode === value) === (op === '==') ? body : ''),
  );
  html = html.replace(/\{!URLFOR\(\$Resource\.biztelcti, '([^']+)'\)\}/g, (_all, path: string) => `${context.resourceBase}/${path}`);
  html = html.replace(/\{!\$User\.LanguageLocaleKey\}/g, context.userLanguage);
  if (/<apex:|\{!/.test(html)) throw new Error('renderVisualforce: the page uses Visualforce this test renderer does not know.');
  return `<!doctype html>\n${html.trim()}\n`;
}

export async function renderPage(name: string, context: PageContext): Promise<string> {
  return renderVisualforce(await readFile(join(PAGES_DIR, `${name}.page`), 'utf8'), context);
}
