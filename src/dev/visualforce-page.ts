/**
 * Renders our Visualforce page the way Salesforce would for the test server: the `rendered`
 * conditions on `mode`, URLFOR on the static resource, the user's language. Only what biztelcti.page
 * uses; anything else left unrendered fails loudly, so the page and this stay in step.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PAGES_DIR } from './paths';

export { PAGES_DIR };

/**
 * `URLFOR($Resource.biztelcti, '<path>')`, spaced as Salesforce allows. One pattern for the renderer
 * and for the check of what the resource must hold, so the two cannot disagree.
 */
const RESOURCE_URLFOR = /URLFOR\(\s*\$Resource\.biztelcti\s*,\s*'([^']+)'\s*\)/;
const RESOURCE_URLFOR_EXPRESSION = new RegExp(String.raw`\{!\s*${RESOURCE_URLFOR.source}\s*\}`, 'g');

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
  html = html.replace(RESOURCE_URLFOR_EXPRESSION, (_all, path: string) => `${context.resourceBase}/${path}`);
  html = html.replace(/\{!\$User\.LanguageLocaleKey\}/g, context.userLanguage);
  if (/<apex:|\{!/.test(html)) throw new Error('renderVisualforce: the page uses Visualforce this test renderer does not know.');
  return `<!doctype html>\n${html.trim()}\n`;
}

export async function renderPage(name: string, context: PageContext): Promise<string> {
  return renderVisualforce(await readFile(join(PAGES_DIR, `${name}.page`), 'utf8'), context);
}

/** The static resource paths a page names with `URLFOR($Resource.biztelcti, '…')`. */
export function resourcePaths(source: string): string[] {
  return [...source.matchAll(new RegExp(RESOURCE_URLFOR, 'g'))].map((m) => m[1]!);
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/**
 * Why a page is not well-formed markup or would not run under a strict Content-Security-Policy (no
 * inline script, no inline style, no event-handler attributes, no javascript: URLs); empty when fine.
 */
export function pageMarkupProblems(source: string): string[] {
  // XMLValidator is deprecated in favour of a separate package we do not depend on; it still validates.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(source, { allowBooleanAttributes: false });
  if (valid !== true) return [`not well-formed: ${valid.err.msg} (line ${valid.err.line})`];
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false });
  const problems: string[] = [];
  const walk = (nodes: OrderedNode[]) => {
    for (const node of nodes) {
      const tag = Object.keys(node).find((k) => k !== ':@');
      if (!tag || tag === '#text') continue;
      const attributes = node[':@'] ?? {};
      const children = (node[tag] ?? []) as OrderedNode[];
      const body = children.map((c) => (typeof c['#text'] === 'string' ? c['#text'] : '')).join('').trim();
      if (tag.toLowerCase() === 'script' && (!attributes.src || body !== '')) problems.push('an inline <script>');
      if (tag.toLowerCase() === 'style') problems.push('an inline <style>');
      for (const [name, value] of Object.entries(attributes)) {
        if (name.toLowerCase() === 'style') problems.push(`a style attribute on <${tag}>`);
        if (/^on/i.test(name)) problems.push(`an event-handler attribute ${name} on <${tag}>`);
        if (/^\s*javascript:/i.test(value)) problems.push(`a javascript: URL in ${name} on <${tag}>`);
      }
      walk(children);
    }
  };
  walk(parser.parse(source) as OrderedNode[]);
  return problems;
}
