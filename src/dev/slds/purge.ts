/**
 * Only the Salesforce Lightning Design System the panel uses: SLDS ships about 1 MB of CSS, and
 * every byte of the panel is downloaded into every agent's Salesforce tab. Keeps the rules whose
 * selectors name only classes the panel's source uses (plus element-level base rules), the
 * keyframes those rules animate with, and the custom properties (styling hooks) they read.
 */
import postcss, { type AtRule, type ChildNode, type Container, type Root, type Rule } from 'postcss';

const CLASS = /\.(-?[_a-zA-Z][\w-]*)/g;
const ATTRIBUTE = /\[([\w-]+)/g;
const BASE_ATTRIBUTES = new Set(['type', 'disabled', 'hidden', 'readonly']);
const VAR_REF = /var\(\s*(--[\w-]+)/g;

/** Every `slds-…` class name written in the given source texts. */
export function usedSldsClasses(sources: Iterable<string>): Set<string> {
  const used = new Set<string>();
  for (const text of sources) for (const match of text.matchAll(/\bslds-[\w-]*\w/g)) used.add(match[0]);
  return used;
}

function keepSelector(selector: string, used: ReadonlySet<string>): boolean {
  const classes = [...selector.matchAll(CLASS)].map((m) => m[1] ?? '');
  // Base rules (html, body, button, :root …) have no class; the panel is a whole page, so keep them,
  // but not those keyed by attributes of components we do not use (kinetics, comboboxes, rtl).
  if (classes.length === 0) return [...selector.matchAll(ATTRIBUTE)].every((m) => BASE_ATTRIBUTES.has(m[1] ?? ''));
  return classes.every((name) => used.has(name));
}

const isKeyframes = (node: ChildNode | Container | undefined): boolean =>
  node?.type === 'atrule' && /keyframes$/i.test((node as AtRule).name);

function pruneEmpty(container: Container): void {
  container.each((node) => {
    if (node.type === 'atrule' && node.nodes) {
      pruneEmpty(node);
      if (node.nodes.length === 0) node.remove();
    }
  });
}

/** The rules of `css` that `used` needs, as CSS text; a parsed tree is copied, not changed. */
export function purgeCss(css: string | Root, used: ReadonlySet<string>): string {
  const root = typeof css === 'string' ? postcss.parse(css) : css.clone();
  root.walkAtRules((rule) => {
    // No web fonts in the static resource: system fonts (Salesforce Sans is not shipped to us).
    if (rule.name === 'font-face' || rule.name === 'charset') rule.remove();
  });
  root.walkRules((rule: Rule) => {
    if (isKeyframes(rule.parent)) return;
    const kept = rule.selectors.filter((s) => keepSelector(s, used));
    if (kept.length === 0) rule.remove();
    else rule.selectors = kept;
  });

  // Keyframes: only those a kept rule animates with.
  const animations = new Set<string>();
  root.walkDecls(/^animation(-name)?$/, (decl) => {
    for (const word of decl.value.split(/[\s,]+/)) animations.add(word);
  });
  root.walkAtRules(/keyframes$/i, (rule) => {
    if (!animations.has(rule.params.trim())) rule.remove();
  });

  // Custom properties: those read by kept declarations, and what those read in turn.
  const definitions = new Map<string, string[]>();
  root.walkDecls(/^--/, (decl) => {
    const list = definitions.get(decl.prop) ?? [];
    list.push(decl.value);
    definitions.set(decl.prop, list);
  });
  const needed = new Set<string>();
  const queue: string[] = [];
  const need = (value: string) => {
    for (const match of value.matchAll(VAR_REF)) {
      const name = match[1] ?? '';
      if (!needed.has(name)) {
        needed.add(name);
        queue.push(name);
      }
    }
  };
  root.walkDecls((decl) => {
    if (!decl.prop.startsWith('--')) need(decl.value);
  });
  while (queue.length > 0) for (const value of definitions.get(queue.pop() ?? '') ?? []) need(value);
  root.walkDecls(/^--/, (decl) => {
    if (!needed.has(decl.prop)) decl.remove();
  });
  root.walkRules((rule) => {
    if (!isKeyframes(rule.parent) && rule.nodes.length === 0) rule.remove();
  });
  pruneEmpty(root);
  return root.toString();
}
