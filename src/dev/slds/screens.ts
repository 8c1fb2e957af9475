/**
 * Which of the panel's components make up its first screen (start-up, the sign-in form, the failure
 * screens): those the root component imports statically, directly or not. The signed-in views are
 * imported with `import()` and load later, with what only they need (their icons, for one).
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Static imports and re-exports, type-only ones excepted: `import { a } from './x'`, `import './y.css'`, `export * from './z'`. */
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^;'"]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;
const EXTENSIONS = ['', '.tsx', '.ts', '/index.tsx', '/index.ts'];

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const ext of EXTENSIONS) if (existsSync(base + ext) && !(ext === '' && !/\.\w+$/.test(base))) return base + ext;
  return null;
}

/** `entry` and every file under `dir` it reaches through static imports. */
export async function staticallyReached(entry: string, dir: string): Promise<Set<string>> {
  const reached = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (reached.has(file) || !file.startsWith(dir)) return;
    reached.add(file);
    if (!/\.tsx?$/.test(file)) return;
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(STATIC_IMPORT)) {
      const target = resolveImport(file, match[1] ?? '');
      if (target) await visit(target);
    }
  };
  await visit(resolve(entry));
  return reached;
}

/** The icon names (of `names`) written as string literals in `sources`. */
export function namedIcons(sources: Iterable<string>, names: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const text of sources) for (const name of names) if (new RegExp(`['"\`]${name}['"\`]`).test(text)) found.add(name);
  return found;
}

/**
 * The icons of the first screen (named in the files `root` reaches statically) and the others, in
 * the order of `names`.
 */
export async function iconsByScreen(root: string, names: readonly string[]): Promise<{ first: string[]; later: string[] }> {
  const files = await staticallyReached(root, dirname(resolve(root)));
  const first = namedIcons(await Promise.all([...files].filter((f) => /\.tsx?$/.test(f)).map((f) => readFile(f, 'utf8'))), names);
  return { first: names.filter((n) => first.has(n)), later: names.filter((n) => !first.has(n)) };
}
