/**
 * The panel's texts. Only the language the panel speaks is downloaded, in two parts (the build
 * makes them from ja.ts and en.ts: src/dev/texts-plugin.ts): the first screen's texts, loaded before
 * the panel shows anything in that language (`loadMessages`), and the others, loaded with the
 * signed-in views (`loadLaterMessages`), so `translate` finds each text before it is shown.
 */
import { FIRST } from 'virtual:texts/keys';
import type { Lang } from './lang';
import type { MessageKey } from './keys';

export type { MessageKey };
export { toLang, type Lang } from './lang';

type Part = 'first' | 'later';

const PARTS: Record<Lang, Record<Part, () => Promise<{ default: string[] }>>> = {
  ja: { first: () => import('virtual:texts/ja/first'), later: () => import('virtual:texts/ja/later') },
  en: { first: () => import('virtual:texts/en/first'), later: () => import('virtual:texts/en/later') },
};

const loaded: Partial<Record<Lang, Partial<Record<MessageKey, string>>>> = {};
const loading: Partial<Record<`${Lang}:${Part}`, Promise<void>>> = {};
const firstLoaded = new Set<Lang>();
/** Once the later texts were asked for, every language the panel switches to loads them too. */
let laterWanted = false;

/** The keys of a part: the later ones come with the signed-in views' file. */
const keysOf = (part: Part): Promise<readonly MessageKey[]> => (part === 'first' ? Promise.resolve(FIRST) : import('virtual:texts/later-keys').then((m) => m.LATER));

function load(lang: Lang, part: Part): Promise<void> {
  const loads = (loading[`${lang}:${part}`] ??= Promise.all([keysOf(part), PARTS[lang][part]()]).then(([keys, { default: texts }]) => {
    const into = (loaded[lang] ??= {});
    keys.forEach((key, i) => {
      into[key] = texts[i];
    });
    if (part === 'first') firstLoaded.add(lang);
  }));
  return loads;
}

/** Loads a language's texts (once): the first screen's, and the others too once they were asked for. */
export function loadMessages(lang: Lang): Promise<void> {
  // Whether the later texts are wanted is asked once the first ones are in: loadLaterMessages may run
  // meanwhile, and it only reaches the languages loaded before it.
  return load(lang, 'first').then(() => (laterWanted ? load(lang, 'later') : undefined));
}

/** The texts the first screen does not show, in every language loaded so far and those loaded later. */
export function loadLaterMessages(): Promise<void> {
  laterWanted = true;
  return Promise.all([...firstLoaded].map((lang) => load(lang, 'later'))).then(() => {});
}

export const messagesLoaded = (lang: Lang): boolean => firstLoaded.has(lang);

/** A message in the language, with `{name}` placeholders filled in. The key itself until the language has loaded. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = loaded[lang]?.[key] ?? loaded.ja?.[key] ?? loaded.en?.[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
