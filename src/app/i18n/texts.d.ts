/** The texts as the build ships them (src/dev/texts-plugin.ts): keys once, each language as lists. */
declare module 'virtual:texts/keys' {
  /** The keys the first screen's code names; the lists `…/first` follow this order. */
  export const FIRST: import('./keys').MessageKey[];
}
declare module 'virtual:texts/later-keys' {
  /** The others, for the signed-in views and the call handling; the lists `…/later` follow this order. */
  export const LATER: import('./keys').MessageKey[];
}

declare module 'virtual:texts/ja/first' {
  const texts: string[];
  export default texts;
}
declare module 'virtual:texts/ja/later' {
  const texts: string[];
  export default texts;
}
declare module 'virtual:texts/en/first' {
  const texts: string[];
  export default texts;
}
declare module 'virtual:texts/en/later' {
  const texts: string[];
  export default texts;
}
