/**
 * Vite wraps every dynamic import() of the panel in a helper that first preloads the imported
 * chunk's CSS and static imports. The panel preloads nothing (`modulePreload: false`) and its lazy
 * chunks import no CSS (the signed-in views load theirs themselves: src/ui/stylesheet.ts), so the
 * helper only calls the import: this plugin makes it exactly that, and keeps its 1.3 KB (0.5 KB
 * gzipped) out of the first screen's script. A lazy chunk that imports CSS fails the build here,
 * since the real helper would then be needed to load it.
 */
import type { Plugin } from 'vite';

const PRELOAD_HELPER = '\0vite/preload-helper.js';

export function plainDynamicImports(): Plugin {
  return {
    name: 'biztel-plain-dynamic-imports',
    enforce: 'pre',
    apply: 'build',
    load(id) {
      return id === PRELOAD_HELPER ? 'export const __vitePreload = (importChunk) => importChunk();\n' : null;
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || chunk.isEntry) continue;
        const styles = [...(chunk.viteMetadata?.importedCss ?? [])];
        if (styles.length > 0) this.error(`${chunk.fileName} imports CSS (${styles.join(', ')}): it needs Vite's preload helper (src/dev/plain-dynamic-imports.ts)`);
      }
    },
  };
}
