/**
 * `virtual:slds.css` (the SLDS rules the panel's components use) and `virtual:slds-icons` (the
 * utility icons it names), made at build time from @salesforce-ux/design-system so that only what
 * is used ships in the static resource.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { parseIconSvg, type IconData } from './icons';
import { purgeCss, usedSldsClasses } from './purge';
import { listFiles } from '../static-files.ts';

const CSS_ID = 'virtual:slds.css';
const ICONS_ID = 'virtual:slds-icons';
// Vite treats an id ending in .css as a stylesheet (minified, bundled with ours).
const RESOLVED_CSS = '\0slds-used.css';
const RESOLVED_ICONS = '\0slds-icons.js';

const require = createRequire(import.meta.url);
const SLDS = dirname(require.resolve('@salesforce-ux/design-system/package.json'));

async function sourceTexts(dir: string): Promise<string[]> {
  const files = (await listFiles(dir)).filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name));
  return Promise.all(files.map((name) => readFile(join(dir, name), 'utf8')));
}

export interface SldsOptions {
  /** Folders whose source may use `slds-…` classes (the panel's components). */
  sourceDirs: string[];
  /** The utility icons the panel renders. */
  icons: readonly string[];
}

export function sldsPlugin(options: SldsOptions): Plugin {
  return {
    name: 'biztel-slds',
    resolveId(id) {
      if (id === CSS_ID) return RESOLVED_CSS;
      if (id === ICONS_ID) return RESOLVED_ICONS;
      return null;
    },
    async load(id) {
      if (id === RESOLVED_CSS) {
        const sources = (await Promise.all(options.sourceDirs.map(sourceTexts))).flat();
        for (const dir of options.sourceDirs) this.addWatchFile(dir);
        const css = await readFile(join(SLDS, 'assets/styles/salesforce-lightning-design-system.min.css'), 'utf8');
        return purgeCss(css, usedSldsClasses(sources));
      }
      if (id === RESOLVED_ICONS) {
        const icons: Record<string, IconData> = {};
        for (const name of options.icons) {
          icons[name] = parseIconSvg(name, await readFile(join(SLDS, 'assets/icons/utility', `${name}.svg`), 'utf8'));
        }
        return `export default ${JSON.stringify(icons)};`;
      }
      return null;
    },
  };
}
