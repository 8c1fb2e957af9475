/**
 * `virtual:slds.css` (the SLDS rules the panel's components use) and `virtual:slds-icons` (the
 * utility icons it names), made at build time from @salesforce-ux/design-system so that only what
 * is used ships in the static resource.
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

const CSS_ID = 'virtual:slds.css';
const ICONS_ID = 'virtual:slds-icons';
/** The icons only the signed-in views draw: they come with that chunk. */
const LATER_ICONS_ID = 'virtual:slds-icons/later';
// Vite treats an id ending in .css as a stylesheet (minified, bundled with ours).
const RESOLVED_CSS = '\0slds-used.css';
const RESOLVED_ICONS = '\0slds-icons.js';
const RESOLVED_LATER_ICONS = '\0slds-icons-later.js';
/** The files whose `slds-…` classes count: the components' source, not their tests. */
const SOURCE_FILE = /(?<!\.test)\.tsx?$/;

const require = createRequire(import.meta.url);
const SLDS = dirname(require.resolve('@salesforce-ux/design-system/package.json'));

async function sourceFiles(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((name) => SOURCE_FILE.test(name)).map((name) => join(dir, name));
}

export interface SldsOptions {
  /** Folders whose source may use `slds-…` classes (the panel's components). */
  sourceDirs: string[];
  /** The utility icons the panel renders. */
  icons: readonly string[];
  /**
   * The root component: the icons named in what it imports statically (the first screen) are in
   * `virtual:slds-icons`, the others in `virtual:slds-icons/later`. Without it, all are in the first.
   */
  rootComponent?: string;
}

/** The `virtual:slds-icons` module: the named icons' geometry as one default export. */
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
  const dirs = options.sourceDirs.map((dir) => `${normalizePath(dir)}/`);
  const isSource = (file: string) => SOURCE_FILE.test(file) && dirs.some((dir) => normalizePath(file).startsWith(dir));

  return {
    name: 'biztel-slds',
    resolveId(id) {
      if (id === CSS_ID) return RESOLVED_CSS;
      if (id === ICONS_ID) return RESOLVED_ICONS;
      if (id === LATER_ICONS_ID) return RESOLVED_LATER_ICONS;
      return null;
    },
    async load(id) {
      if (id === RESOLVED_CSS) {
        const files = (await Promise.all(options.sourceDirs.map(sourceFiles))).flat();
        // For `vite build --watch`; the dev server goes by hotUpdate below, which also sees new files.
        for (const file of files) this.addWatchFile(file);
        const sources = await Promise.all(files.map((file) => readFile(file, 'utf8')));
        // The panel's own stylesheets may set styling hooks: those must keep their var().
        const styles = (await Promise.all(options.sourceDirs.map(async (dir) => (await listFiles(dir)).filter((n) => n.endsWith('.css')).map((n) => join(dir, n))))).flat();
        const hooks = namedCustomProperties([...sources, ...(await Promise.all(styles.map((file) => readFile(file, 'utf8'))))]);
        return purgeCss(await sldsTree(), usedSldsClasses(sources), { elements: usedElements(sources), hooks });
      }
      if (id === RESOLVED_ICONS || id === RESOLVED_LATER_ICONS) {
        const split = options.rootComponent ? await iconsByScreen(options.rootComponent, options.icons) : { first: options.icons, later: [] };
        return iconsModule(id === RESOLVED_ICONS ? split.first : split.later);
      }
      return null;
    },
    // A component created, changed or deleted may change which classes and icons are used: the purged
    // CSS and the icons are made again and sent with the component's own update, without a restart.
    hotUpdate({ file, modules }) {
      if (!isSource(file)) return;
      const made = [RESOLVED_CSS, RESOLVED_ICONS, RESOLVED_LATER_ICONS].flatMap((id) => this.environment.moduleGraph.getModuleById(id) ?? []);
      for (const module of made) this.environment.moduleGraph.invalidateModule(module);
      return [...modules, ...made];
    },
  };
}
