/**
 * The panel's texts. Only the language the panel speaks is downloaded: each language is its own chunk,
 * loaded before the panel switches to it (`loadMessages`), so `translate` always finds it loaded.
 */
import type { Lang } from './lang';
import type { MessageKey } from './keys';

export type { MessageKey };
export { toLang, type Lang } from './lang';

type Messages = Record<MessageKey, string>;

const loaded: Partial<Record<Lang, Messages>> = {};
const loading: Partial<Record<Lang, Promise<void>>> = {};

/** Loads a language's texts (once); resolves when `translate` can use them. */
export function loadMessages(lang: Lang): Promise<void> {
  loading[lang] ??= (lang === 'ja' ? import('./ja').then((m) => m.ja) : import('./en').then((m) => m.en)).then((messages) => {
    loaded[lang] = messages;
  });
  return loading[lang];
}

/** Whether a language's texts have arrived (tests check that start-up loaded the right one). */
export const messagesLoaded = (lang: Lang): boolean => loaded[lang] !== undefined;

/** A message in the language, with `{name}` placeholders filled in. The key itself until the language has loaded. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = loaded[lang]?.[key] ?? loaded.ja?.[key] ?? loaded.en?.[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
