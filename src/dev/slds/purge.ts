/**
 * Only the Salesforce Lightning Design System the panel uses: SLDS ships about 1 MB of CSS, and
 * every byte of the panel is downloaded into every agent's Salesforce tab. Keeps the rules whose
 * selectors name only classes the panel's source uses (plus element-level base rules), the
 * keyframes those rules animate with, and the custom properties (styling hooks) they read.
 *
 * Given what else the source uses, it also drops selectors that cannot match in the panel: those
 * naming an element it never renders, a class pattern (`[class*=…]`) none of its classes fit,
 * right-to-left text (the panel speaks Japanese and English), or a pseudo-class only Internet
 * Explorer and the old Edge knew (Salesforce supports neither). And a styling hook nobody sets
 * (`var(--slds-c-button-color-background, …)` where no rule nor the panel defines the property)
 * is replaced by its fallback, which is what the browser would use.
 */
import postcss, { type AtRule, type ChildNode, type Container, type Root, type Rule } from 'postcss';

const CLASS = /\.(-?[_a-zA-Z][\w-]*)/g;
const ATTRIBUTE = /\[([\w-]+)/g;
const BASE_ATTRIBUTES = new Set(['type', 'disabled', 'hidden', 'readonly']);
const VAR_REF = /var\(\s*(--[\w-]+)/g;

/** The elements the given component sources render (`<button`, `<svg`…), and the SVG shapes of the icons. */
export function usedElements(sources: Iterable<string>): Set<string> {
  const found = new Set(['svg', 'path', 'circle', 'ellipse', 'rect', 'polygon']);
  for (const text of sources) for (const match of text.matchAll(/<([a-z][a-z0-9]*)[\s/>]/g)) found.add(match[1] ?? '');
  return found;
}

/** Custom properties the given sources (CSS or code) name: `--slds-c-button-color-background`… */
export function namedCustomProperties(sources: Iterable<string>): Set<string> {
  const found = new Set<string>();
  for (const text of sources) for (const match of text.matchAll(/--[a-zA-Z][\w-]*/g)) found.add(match[0]);
  return found;
}

/** Every `slds-…` class name written in the given source texts. */
export function usedSldsClasses(sources: Iterable<string>): Set<string> {
  const used = new Set<string>();
  for (const text of sources) for (const match of text.matchAll(/\bslds-[\w-]*\w/g)) used.add(match[0]);
  return used;
}

/** What else the panel's source uses, beyond its classes; each narrows what is kept. */
export interface PurgeOptions {
  /** The HTML and SVG elements the panel renders (html and body always count). */
  elements?: ReadonlySet<string>;
  /** Custom properties the panel's own CSS or code sets: their `var()`s stay. */
  hooks?: ReadonlySet<string>;
}

/** Element names in a selector: at its start, after a combinator or comma, or inside `:is(…)`-like parentheses. */
const ELEMENT = /(?:^|[\s>+~,(])([a-z][a-z0-9-]*)/gi;
const CLASS_PATTERN = /\[class([*^$]?)=(["']?)([\w-]+)\2\]/g;
const NEVER = /\[dir=["']?rtl|::?-ms-/;
const ALWAYS_ELEMENTS = new Set(['html', 'body']);

function fitsClassPattern(operator: string, text: string, used: ReadonlySet<string>): boolean {
  for (const name of used) {
    if (operator === '*' ? name.includes(text) : operator === '^' ? name.startsWith(text) : operator === '$' ? name.endsWith(text) : name === text) return true;
  }
  return false;
}

function canMatch(selector: string, used: ReadonlySet<string>, options: PurgeOptions): boolean {
  if (NEVER.test(selector)) return false;
  for (const m of selector.matchAll(CLASS_PATTERN)) if (!fitsClassPattern(m[1] ?? '', m[3] ?? '', used)) return false;
  const { elements } = options;
  if (!elements) return true;
  // Attribute values (`[type=button]`) and pseudo-classes (`:not(:root)`) are no element names.
  const bare = selector.replace(/\[[^\]]*\]/g, '[]').replace(/::?[\w-]+/g, ':');
  for (const m of bare.matchAll(ELEMENT)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!ALWAYS_ELEMENTS.has(name) && !elements.has(name)) return false;
  }
  return true;
}

function keepSelector(selector: string, used: ReadonlySet<string>, options: PurgeOptions = {}): boolean {
  if (!canMatch(selector, used, options)) return false;
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

/** `var(--x, fallback)` → `fallback` wherever `--x` is set by nobody; nested ones too. */
function inlineUnsetHooks(root: Root, hooks: ReadonlySet<string>): void {
  const defined = new Set(hooks);
  root.walkDecls(/^--/, (decl) => {
    defined.add(decl.prop);
  });
  // var(--name, fallback) with a fallback of balanced parentheses up to three deep (rgb(), calc(), var()).
  const VAR_WITH_FALLBACK = /var\(\s*(--[\w-]+)\s*,\s*((?:[^()]|\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\))*?)\s*\)/g;
  const inline = (value: string): string =>
    value.replace(VAR_WITH_FALLBACK, (_whole, name: string, fallback: string) => (defined.has(name) ? `var(${name}, ${inline(fallback)})` : inline(fallback)));
  root.walkDecls((decl) => {
    if (decl.value.includes('var(')) decl.value = inline(decl.value);
  });
}

const ROOT_SELECTORS = new Set([':root', ':where(html)', 'html']);

/**
 * A design token set once for the whole page and nowhere else (`:root{--slds-g-color-brand-base-40:
 * #0b5cab}`) is a constant: each `var()` of it becomes its value. Unlayered definitions win over
 * those in a cascade layer; a token set in several layers, or set again by any other rule (which
 * could change it for part of the page), is left as it is.
 */
function inlineRootConstants(root: Root, hooks: ReadonlySet<string>): void {
  const definitions = new Map<string, { value: string; layered: boolean; root: boolean }[]>();
  root.walkDecls(/^--/, (decl) => {
    const rule = decl.parent;
    const isRoot = rule?.type === 'rule' && (rule).selectors.every((sel) => ROOT_SELECTORS.has(sel));
    let layered = false;
    for (let node = rule?.parent; node && node.type !== 'root'; node = node.parent) {
      if (node.type === 'atrule' && (node as AtRule).name === 'layer') layered = true;
      else if (node.type === 'atrule') return; // inside @media or @supports: not for the whole page
    }
    const list = definitions.get(decl.prop) ?? [];
    list.push({ value: decl.value, layered, root: isRoot });
    definitions.set(decl.prop, list);
  });
  const constants = new Map<string, string>();
  for (const [name, list] of definitions) {
    if (hooks.has(name) || list.some((d) => !d.root)) continue;
    const unlayered = list.filter((d) => !d.layered);
    const winner = unlayered.length > 0 ? unlayered.at(-1) : list.length === 1 ? list[0] : undefined;
    if (winner && !winner.value.includes('!important')) constants.set(name, winner.value);
  }
  const VAR = /var\(\s*(--[\w-]+)\s*(?:,((?:[^()]|\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\))*?))?\s*\)/g;
  const inline = (value: string, depth = 0): string =>
    depth > 10
      ? value
      : value.replace(VAR, (whole, name: string, fallback: string | undefined) => {
          const constant = constants.get(name);
          if (constant !== undefined) return inline(constant, depth + 1);
          return fallback === undefined ? whole : `var(${name},${inline(fallback, depth + 1)})`;
        });
  root.walkDecls((decl) => {
    if (decl.value.includes('var(')) decl.value = inline(decl.value);
  });
}

/** The rules of `css` that `used` needs, as CSS text; a parsed tree is copied, not changed. */
export function purgeCss(css: string | Root, used: ReadonlySet<string>, options: PurgeOptions = {}): string {
  const root = typeof css === 'string' ? postcss.parse(css) : css.clone();
  root.walkAtRules((rule) => {
    // No web fonts in the static resource: system fonts (Salesforce Sans is not shipped to us).
    if (rule.name === 'font-face' || rule.name === 'charset') rule.remove();
  });
  root.walkRules((rule: Rule) => {
    if (isKeyframes(rule.parent)) return;
    const kept = rule.selectors.filter((s) => keepSelector(s, used, options));
    if (kept.length === 0) rule.remove();
    else rule.selectors = kept;
  });

  inlineUnsetHooks(root, options.hooks ?? new Set());
  inlineRootConstants(root, options.hooks ?? new Set());

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
