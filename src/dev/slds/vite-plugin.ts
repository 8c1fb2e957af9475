/**
 * `virtual:slds.css` (the SLDS rules the panel's components use) and `virtual:slds-icons` (the
 * utility icons it names), made at build time from @salesforce-ux/design-system so that only what
 * is used ships in the static resource; `virtual:slds-mock.css` and `virtual:slds-mock-icons` the
 * same for the mock-CTI page.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import postcss, { type Root } from 'postcss';
import { normalizePath, type Plugin } from 'vite';
import { listFiles } from '../static-files.ts';
import { parseIconSvg, type IconData } from './icons.ts';
import { purgeCss, usedSldsClasses } from './purge.ts';

/** The virtual modules of one page: the panel's, and the mock page's (`virtual:slds-mock…`). */
const BUNDLES = {
  panel: { css: 'virtual:slds.css', icons: 'virtual:slds-icons' },
  mock: { css: 'virtual:slds-mock.css', icons: 'virtual:slds-mock-icons' },
} as const;
type BundleName = keyof typeof BUNDLES;
// Vite treats an id ending in .css as a stylesheet (minified, bundled with ours).
const resolvedCss = (bundle: BundleName) => `\0slds-${bundle}-used.css`;
const resolvedIcons = (bundle: BundleName) => `\0slds-${bundle}-icons.js`;
/** The files whose `slds-…` classes count: the components' source, not their tests. */
const SOURCE_FILE = /(?<!\.test)\.tsx?$/;

const require = createRequire(import.meta.url);
const SLDS = dirname(require.resolve('@salesforce-ux/design-system/package.json'));

async function sourceFiles(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((name) => SOURCE_FILE.test(name)).map((name) => join(dir, name));
}

export interface SldsBundle {
  /** Folders whose source may use `slds-…` classes. */
  sourceDirs: string[];
  /** The utility icons rendered. */
  icons: readonly string[];
}

export interface SldsOptions extends SldsBundle {
  /** The mock page's own bundle (dev server and the mock build only; the panel never imports it). */
  mock?: SldsBundle;
}

export function sldsPlugin(options: SldsOptions): Plugin {
  // Parsing SLDS's 1 MB stylesheet takes about half a second: once per dev server or build, and
  // each purge works on a copy of the tree.
  let slds: Promise<Root> | undefined;
  const sldsTree = () =>
    (slds ??= readFile(join(SLDS, 'assets/styles/salesforce-lightning-design-system.min.css'), 'utf8').then((css) => postcss.parse(css)));
  const bundles: Partial<Record<BundleName, SldsBundle>> = { panel: options, ...(options.mock ? { mock: options.mock } : {}) };
  const dirsOf = (bundle: SldsBundle) => bundle.sourceDirs.map((dir) => `${normalizePath(dir)}/`);
  const isSource = (file: string, bundle: SldsBundle) => SOURCE_FILE.test(file) && dirsOf(bundle).some((dir) => normalizePath(file).startsWith(dir));
  const names = Object.keys(bundles) as BundleName[];

  return {
    name: 'biztel-slds',
    resolveId(id) {
      for (const name of names) {
        if (id === BUNDLES[name].css) return resolvedCss(name);
        if (id === BUNDLES[name].icons) return resolvedIcons(name);
      }
      return null;
    },
    async load(id) {
      for (const name of names) {
        const bundle = bundles[name];
        if (!bundle) continue;
        if (id === resolvedCss(name)) {
          const files = (await Promise.all(bundle.sourceDirs.map(sourceFiles))).flat();
          // For `vite build --watch`; the dev server goes by hotUpdate below, which also sees new files.
          for (const file of files) this.addWatchFile(file);
          const sources = await Promise.all(files.map((file) => readFile(file, 'utf8')));
          return purgeCss(await sldsTree(), usedSldsClasses(sources));
        }
        if (id === resolvedIcons(name)) {
          const icons: Record<string, IconData> = {};
          for (const icon of bundle.icons) {
            icons[icon] = parseIconSvg(icon, await readFile(join(SLDS, 'assets/icons/utility', `${icon}.svg`), 'utf8'));
          }
          return `export default ${JSON.stringify(icons)};`;
        }
      }
      return null;
    },
    // A component created, changed or deleted may change which classes are used: the purged CSS is
    // made again and sent with the component's own update, without restarting the dev server.
    hotUpdate({ file, modules }) {
      const touched = names.filter((name) => {
        const bundle = bundles[name];
        return bundle !== undefined && isSource(file, bundle);
      });
      const css = touched.flatMap((name) => this.environment.moduleGraph.getModuleById(resolvedCss(name)) ?? []);
      if (css.length === 0) return;
      for (const module of css) this.environment.moduleGraph.invalidateModule(module);
      return [...modules, ...css];
    },
  };
}
