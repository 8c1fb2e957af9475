/**
 * The panel's texts as the build ships them. `src/app/i18n/ja.ts` and `en.ts` stay the source (one
 * object per language, same keys, checked by the compiler); from them the build makes:
 * - `virtual:texts/keys` and `virtual:texts/later-keys`: the keys, once, in two lists: those the first
 *   screen's code names (loaded with the first screen) and the others (loaded after it);
 * - `virtual:texts/<lang>/first` and `…/later`: each language's texts as plain lists in that order.
 * Keys were half of each language's file, and a language is only fetched when the panel speaks it;
 * the texts only the signed-in views and the call handling use come after the sign-in screen.
 *
 * "The first screen's code" is every module the panel's entry imports statically (the first
 * screen's script, src/dev/size-budget.ts); a key counts when that code writes it whole (`'signIn.title'`)
 * or as the start of a template (`` `failure.${kind}.cause` `` names every `failure.` key).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transformWithOxc, type Plugin } from 'vite';
import { PROJECT_ROOT } from './paths.ts';
import { staticallyReached } from './slds/screens.ts';

export interface TextsOptions {
  /** The folder of the language modules (`<lang>.ts`, each exporting `const <lang>`). */
  dir: string;
  /** The languages; the first is the one whose keys are the reference. */
  langs: readonly string[];
  /** The panel's entry module: what it reaches statically is the first screen's code. */
  entry: string;
  /** The folder of the panel's source (static imports are followed within it). */
  sourceDir: string;
}

/**
 * A language's texts module (not the keys of the later texts, which go with the signed-in views), as
 * this plugin resolves it or as the benchmark's analysis build does (bundle-makeup.ts).
 */
export const isLanguageTexts = (id: string): boolean => /^(?:\0|\/virtual\/)texts\/(?!later-keys)/.test(id);

/** `virtual:texts/ja/first` → `ja-first`. */
export const textsName = (id: string): string => id.slice(TEXTS_PREFIX.length).replace('/', '-');

export interface KeySplit {
  first: string[];
  later: string[];
}

/** The keys `sources` name whole or by the static start of a template; `keys` keeps its order. */
export function splitKeys(keys: readonly string[], sources: readonly string[]): KeySplit {
  const text = sources.join('\n');
  const prefixes = [...new Set([...text.matchAll(/`([\w.-]+\.)\$\{/g)].map((m) => m[1] ?? ''))];
  const named = (key: string) => ['\'', '"', '`'].some((q) => text.includes(`${q}${key}${q}`)) || prefixes.some((p) => key.startsWith(p));
  return { first: keys.filter(named), later: keys.filter((k) => !named(k)) };
}

/** A language module's texts: the module compiled and run as it is, nothing read by pattern. */
async function readLanguage(file: string, lang: string): Promise<Record<string, string>> {
  const { code } = await transformWithOxc(await readFile(file, 'utf8'), file, { lang: 'ts' });
  const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Record<string, unknown>;
  const texts = module[lang];
  if (!texts || typeof texts !== 'object') throw new Error(`${file} does not export const ${lang}`);
  return texts as Record<string, string>;
}

export const TEXTS_PREFIX = 'virtual:texts/';
/** Resolved ids end as a file would, so that the chunks are named after the language and the part. */
const RESOLVED = '\0texts/';

/** The panel's own texts: src/app/i18n, first screen from src/main.tsx. */
export const PANEL_TEXTS: TextsOptions = {
  dir: join(PROJECT_ROOT, 'src', 'app', 'i18n'),
  langs: ['ja', 'en'],
  entry: join(PROJECT_ROOT, 'src', 'main.tsx'),
  sourceDir: join(PROJECT_ROOT, 'src'),
};

/** The modules' code by name (`keys`, `later-keys`, `ja-first`…); `split` is computed once per call of this. */
export function textsModules(options: TextsOptions): { code(name: string): Promise<string>; files: string[] } {
  const file = (lang: string) => join(options.dir, `${lang}.ts`);
  const reference = options.langs[0] ?? 'ja';
  let split: Promise<KeySplit> | null = null;
  const keySplit = (): Promise<KeySplit> =>
    (split ??= (async () => {
      const keys = Object.keys(await readLanguage(file(reference), reference));
      const code = [...(await staticallyReached(options.entry, options.sourceDir))].filter((f) => /\.tsx?$/.test(f) && !options.langs.some((l) => f === file(l)));
      return splitKeys(keys, await Promise.all(code.map((f) => readFile(f, 'utf8'))));
    })());
  return {
    files: options.langs.map(file),
    async code(name) {
      const keys = await keySplit();
      if (name === 'keys') return `export const FIRST = ${JSON.stringify(keys.first)};\n`;
      if (name === 'later-keys') return `export const LATER = ${JSON.stringify(keys.later)};\n`;
      const [lang, part] = name.split('-');
      if (!lang || !options.langs.includes(lang) || (part !== 'first' && part !== 'later')) throw new Error(`no texts module ${name}`);
      const texts = await readLanguage(file(lang), lang);
      return `export default ${JSON.stringify((part === 'first' ? keys.first : keys.later).map((key) => texts[key] ?? ''))};\n`;
    },
  };
}

export function textsPlugin(options: TextsOptions): Plugin {
  let texts = textsModules(options);
  return {
    name: 'biztel-texts',
    buildStart() {
      texts = textsModules(options);
    },
    resolveId(id) {
      return id.startsWith(TEXTS_PREFIX) ? `${RESOLVED}${textsName(id)}.js` : null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      for (const file of texts.files) this.addWatchFile(file);
      return texts.code(id.slice(RESOLVED.length, -'.js'.length));
    },
    // A changed language or component may change the lists: the dev server makes them again.
    hotUpdate({ file: changed, modules }) {
      if (!/\.tsx?$/.test(changed)) return;
      texts = textsModules(options);
      const made = [...this.environment.moduleGraph.idToModuleMap.values()].filter((m) => m.id?.startsWith(RESOLVED));
      for (const module of made) this.environment.moduleGraph.invalidateModule(module);
      return made.length ? [...modules, ...made] : undefined;
    },
  };
}
