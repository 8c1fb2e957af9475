/**
 * Vite wraps every dynamic import() of the panel in a helper that first preloads the imported
 * chunk's CSS and static imports. The panel preloads nothing (`modulePreload: false`) and its lazy
 * chunks bring no CSS of their own, so the helper only calls the import: this plugin makes it exactly
 * that, and keeps its 1.3 KB (0.5 KB gzipped) out of the first screen's script. A build that gains a
 * second stylesheet fails here, since the real helper would then be needed to load it.
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
      const styles = Object.keys(bundle).filter((name) => name.endsWith('.css'));
      if (styles.length > 1) this.error(`a lazy chunk brings CSS (${styles.join(', ')}): it needs Vite's preload helper (src/dev/plain-dynamic-imports.ts)`);
    },
  };
}
