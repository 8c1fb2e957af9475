/**
 * `virtual:slds.css` (the SLDS rules the panel's components use) and `virtual:slds-icons` (the
 * utility icons its first screen names; `virtual:slds-icons/later` the signed-in views' others),
 * made at build time from @salesforce-ux/design-system so that only what is used ships in the static
 * resource; `virtual:slds-mock.css` and `virtual:slds-mock-icons` the same for the mock-CTI page.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import postcss, { type Root } from 'postcss';
import { normalizePath, type Plugin } from 'vite';
import { listFiles } from '../static-files.ts';
import { parseIconSvg, type IconData } from './icons.ts';
import { namedCustomProperties, purgeCss, usedElements, usedSldsClasses } from './purge.ts';
import { iconsByScreen } from './screens.ts';

/** The virtual modules of one page: the panel's, and the mock page's (`virtual:slds-mock…`). */
const BUNDLES = {
  panel: { css: 'virtual:slds.css', icons: 'virtual:slds-icons' },
  mock: { css: 'virtual:slds-mock.css', icons: 'virtual:slds-mock-icons' },
} as const;
type BundleName = keyof typeof BUNDLES;
type Made = 'css' | 'icons' | 'laterIcons';
// Vite treats an id ending in .css as a stylesheet (minified, bundled with ours).
const RESOLVED: Record<Made, (bundle: BundleName) => string> = {
  css: (bundle) => `\0slds-${bundle}-used.css`,
  icons: (bundle) => `\0slds-${bundle}-icons.js`,
  laterIcons: (bundle) => `\0slds-${bundle}-icons-later.js`,
};
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
  /**
   * The root component: the icons named in what it imports statically (the first screen) are in
   * the icons module, the others in its `/later` twin. Without it, all are in the first.
   */
  rootComponent?: string;
}

export interface SldsOptions extends SldsBundle {
  /** The mock page's own bundle (dev server and the mock build only; the panel never imports it). */
  mock?: SldsBundle;
}

/** An icons module: the named icons' geometry as one default export. */
export async function iconsModule(names: readonly string[]): Promise<string> {
  const icons: Record<string, IconData> = {};
  for (const name of names) icons[name] = parseIconSvg(name, await readFile(join(SLDS, 'assets/icons/utility', `${name}.svg`), 'utf8'));
  return `export default ${JSON.stringify(icons)};`;
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

  async function purged(bundle: SldsBundle, watch: (file: string) => void): Promise<string> {
    const files = (await Promise.all(bundle.sourceDirs.map(sourceFiles))).flat();
    for (const file of files) watch(file);
    const sources = await Promise.all(files.map((file) => readFile(file, 'utf8')));
    // The page's own stylesheets may set styling hooks: those must keep their var().
    const styles = (await Promise.all(bundle.sourceDirs.map(async (dir) => (await listFiles(dir)).filter((n) => n.endsWith('.css')).map((n) => join(dir, n))))).flat();
    const hooks = namedCustomProperties([...sources, ...(await Promise.all(styles.map((file) => readFile(file, 'utf8'))))]);
    return purgeCss(await sldsTree(), usedSldsClasses(sources), { elements: usedElements(sources), hooks });
  }

  async function icons(bundle: SldsBundle, later: boolean): Promise<string> {
    const split = bundle.rootComponent ? await iconsByScreen(bundle.rootComponent, bundle.icons) : { first: bundle.icons, later: [] };
    return iconsModule(later ? split.later : split.first);
  }

  return {
    name: 'biztel-slds',
    resolveId(id) {
      for (const name of names) {
        if (id === BUNDLES[name].css) return RESOLVED.css(name);
        if (id === BUNDLES[name].icons) return RESOLVED.icons(name);
        if (id === `${BUNDLES[name].icons}/later`) return RESOLVED.laterIcons(name);
      }
      return null;
    },
    async load(id) {
      for (const name of names) {
        const bundle = bundles[name];
        if (!bundle) continue;
        // For `vite build --watch`; the dev server goes by hotUpdate below, which also sees new files.
        if (id === RESOLVED.css(name)) return purged(bundle, (file) => this.addWatchFile(file));
        if (id === RESOLVED.icons(name)) return icons(bundle, false);
        if (id === RESOLVED.laterIcons(name)) return icons(bundle, true);
      }
      return null;
    },
    // A component created, changed or deleted may change which classes and icons are used: the purged
    // CSS and the icons are made again and sent with the component's own update, without a restart.
    hotUpdate({ file, modules }) {
      const touched = names.filter((name) => {
        const bundle = bundles[name];
        return bundle !== undefined && isSource(file, bundle);
      });
      const ids = touched.flatMap((name) => (Object.keys(RESOLVED) as Made[]).map((made) => RESOLVED[made](name)));
      const made = ids.flatMap((id) => this.environment.moduleGraph.getModuleById(id) ?? []);
      if (made.length === 0) return;
      for (const module of made) this.environment.moduleGraph.invalidateModule(module);
      return [...modules, ...made];
    },
  };
}
