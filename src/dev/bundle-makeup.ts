/**
 * What the panel's chunks are made of: for each chunk, which npm package and which of our folders
 * costs how many gzipped bytes. `npm run bench` prints it, so a change that grows the panel says
 * where the bytes went.
 *
 * How: the panel is built again in memory with the same configuration plus hidden source maps (the
 * code is the same, byte for byte, but for the build id). Each byte of a minified chunk belongs to
 * the source its source-map segment points into; the rest (the bundler's module wrappers and
 * runtime) is "(bundler)". A part's gzipped cost is measured, not apportioned: the chunk is gzipped
 * without that part's bytes, and the difference with the whole chunk is what the part costs there,
 * which is what removing it would save. Text that two parts share compresses once, so the parts'
 * costs add up to a little less than the chunk: the difference is its own row.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decode } from '@jridgewell/sourcemap-codec';
import { build, type Plugin, type Rolldown } from 'vite';
import { ICON_NAMES } from '../ui/icon-names';
import { gzipSize, kindOf } from './size-budget';
import { PROJECT_ROOT } from './paths';
import { iconsByScreen } from './slds/screens';
import { iconsModule } from './slds/vite-plugin';
import { PANEL_TEXTS, TEXTS_PREFIX, textsModules, textsName } from './texts-plugin';

export interface Part {
  /** An npm package (`react-dom`), a folder of ours (`src/app/tabs`), or a row of its own in brackets. */
  name: string;
  /** Minified bytes that belong to it. */
  bytes: number;
  /** What it costs gzipped in its chunk: the chunk's gzip size minus that of the chunk without it. */
  gzipBytes: number;
}

export interface ChunkMakeup {
  /** The file in `dist/`, hash stripped (`assets/SignedIn.js`), so that runs compare. */
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Largest first; `(shared)` last: what the chunk's parts compress together. */
  parts: Part[];
}

export const BUNDLER = '(bundler)';
export const SHARED = '(shared)';

/** The part a source-map source belongs to. */
export function partOf(source: string): string {
  const path = source.replaceAll('\\', '/');
  const pkg = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg?.[1]) return pkg[1];
  if (/virtual\/slds-icons-\w+\.js$/.test(path)) return 'SLDS icons';
  if (/virtual\/texts\/[\w-]+\.js$/.test(path)) return 'texts (src/app/i18n)';
  const ours = /(?:^|\/)src\/(.+?)(?:\.makeup\.js)?$/.exec(path)?.[1];
  if (!ours) return BUNDLER;
  const folders = ours.split('/').slice(0, -1);
  // src/app is in feature folders: each is a part; elsewhere a layer is one part.
  return `src/${(folders[0] === 'app' ? folders.slice(0, 2) : folders.slice(0, 1)).join('/') || ours}`;
}

/** The byte ranges of `code` by part, from its source map. */
export function rangesByPart(code: string, mappings: string, sources: readonly (string | null)[]): Map<string, [number, number][]> {
  const ranges = new Map<string, [number, number][]>();
  const add = (part: string, start: number, end: number) => {
    if (end <= start) return;
    const list = ranges.get(part) ?? [];
    const last = list.at(-1);
    if (last && last[1] === start) last[1] = end;
    else list.push([start, end]);
    ranges.set(part, list);
  };
  const lines = code.split('\n');
  const decoded = decode(mappings);
  let offset = 0;
  lines.forEach((line, index) => {
    const segments = decoded[index] ?? [];
    add(BUNDLER, offset, offset + (segments[0]?.[0] ?? line.length));
    segments.forEach((segment, i) => {
      const end = segments[i + 1]?.[0] ?? line.length;
      const source = segment.length > 1 ? sources[segment[1] ?? -1] : null;
      add(source ? partOf(source) : BUNDLER, offset + segment[0], offset + end);
    });
    if (index < lines.length - 1) add(BUNDLER, offset + line.length, offset + line.length + 1); // the newline
    offset += line.length + 1;
  });
  return ranges;
}

/** A chunk's parts and what each costs gzipped in it (leave one out). */
export function chunkMakeup(file: string, code: string, ranges: Map<string, [number, number][]>): ChunkMakeup {
  const gzipBytes = gzipSize(code);
  const parts: Part[] = [];
  for (const [name, list] of ranges) {
    let rest = '';
    let from = 0;
    for (const [start, end] of [...list].sort((a, b) => a[0] - b[0])) {
      rest += code.slice(from, start);
      from = end;
    }
    rest += code.slice(from);
    parts.push({ name, bytes: code.length - rest.length, gzipBytes: gzipBytes - gzipSize(rest) });
  }
  parts.sort((a, b) => b.gzipBytes - a.gzipBytes || a.name.localeCompare(b.name));
  const counted = parts.reduce((sum, p) => sum + p.gzipBytes, 0);
  parts.push({ name: SHARED, bytes: 0, gzipBytes: gzipBytes - counted });
  return { file, bytes: code.length, gzipBytes, parts };
}

/** `assets/SignedIn-BVU3aG5p.js` → `assets/SignedIn.js`: the same chunk from one build to the next. */
export const withoutHash = (file: string): string => file.replace(/-[\w-]{8}(\.\w+)$/, '$1');

/**
 * Source maps leave out virtual modules (an id starting with NUL: the icons) and modules made from
 * JSON (the phone data), so their bytes would count as the bundler's. For this build only, both come
 * in as plain JavaScript files of the same content, which keep their maps.
 */
function visibleToMaps(): Plugin {
  const ICONS: Record<string, 'first' | 'later'> = { 'virtual:slds-icons': 'first', 'virtual:slds-icons/later': 'later' };
  const AS_JS = '.makeup.js';
  const split = iconsByScreen(join(PROJECT_ROOT, 'src/ui/App.tsx'), ICON_NAMES);
  const texts_ = textsModules(PANEL_TEXTS);
  return {
    name: 'biztel-makeup-maps',
    enforce: 'pre',
    async resolveId(source, importer) {
      const icons = ICONS[source];
      if (icons) return `/virtual/slds-icons-${icons}.js`;
      if (source.startsWith(TEXTS_PREFIX)) return `/virtual/texts/${textsName(source)}.js`;
      if (!source.endsWith('.json') || !importer) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved ? `${resolved.id}${AS_JS}` : null;
    },
    async load(id) {
      const icons = /^\/virtual\/slds-icons-(first|later)\.js$/.exec(id)?.[1] as 'first' | 'later' | undefined;
      if (icons) return iconsModule((await split)[icons]);
      const texts = /^\/virtual\/texts\/([\w-]+)\.js$/.exec(id)?.[1];
      if (texts) return texts_.code(texts);
      if (id.endsWith(`.json${AS_JS}`)) return `export default ${await readFile(id.slice(0, -AS_JS.length), 'utf8')};`;
      return null;
    },
  };
}

/** Builds the panel in memory (the production configuration, with hidden source maps) and weighs its chunks. */
export async function measureMakeup(): Promise<ChunkMakeup[]> {
  const result = await build({ mode: 'production', logLevel: 'silent', plugins: [visibleToMaps()], build: { write: false, sourcemap: 'hidden' } });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks: ChunkMakeup[] = [];
  for (const item of outputs.flatMap((o) => o.output)) {
    if (item.type === 'chunk') {
      const map = item.map;
      if (!map) throw new Error(`${item.fileName} has no source map`);
      chunks.push(chunkMakeup(withoutHash(item.fileName), item.code, rangesByPart(item.code, map.mappings, map.sources)));
    } else if (kindOf(item.fileName) === 'css') {
      const css = typeof item.source === 'string' ? item.source : new TextDecoder().decode(item.source);
      // The first screen's stylesheet has the SLDS rules and panel.css; the others are ours alone.
      const part = item.fileName === 'assets/biztelcti.css' ? 'styles: SLDS rules used + src/ui/panel.css' : `styles: src/ui/${withoutHash(item.fileName).slice('assets/'.length)}`;
      chunks.push(chunkMakeup(withoutHash(item.fileName), css, new Map([[part, [[0, css.length]]]])));
    }
  }
  return chunks.sort((a, b) => b.gzipBytes - a.gzipBytes);
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

/**
 * The makeup as one Markdown table: a row per chunk (its total, and whether the panel fetched it
 * before its sign-in form showed), then a row per part of at least `minBytes` gzipped; the smaller
 * ones are summed on one row.
 */
export function formatMakeup(chunks: readonly ChunkMakeup[], firstLoad: (file: string) => boolean | null, minBytes = 200): string {
  const rows = [['chunk / part', 'gzip KB', 'min. KB', 'before sign-in'], ['---', '---:', '---:', '---']];
  for (const chunk of chunks) {
    const before = firstLoad(chunk.file);
    rows.push([`**${chunk.file}**`, `**${kb(chunk.gzipBytes)}**`, kb(chunk.bytes), before === null ? '?' : before ? 'yes' : 'no']);
    const small = chunk.parts.filter((p) => p.name !== SHARED && Math.abs(p.gzipBytes) < minBytes);
    for (const part of chunk.parts) {
      if (small.includes(part)) continue;
      if (part.name === SHARED && small.length > 0) {
        const sum = small.reduce((n, p) => ({ gzip: n.gzip + p.gzipBytes, bytes: n.bytes + p.bytes }), { gzip: 0, bytes: 0 });
        rows.push([`  ${small.length} smaller: ${small.map((p) => p.name).join(', ')}`, kb(sum.gzip), kb(sum.bytes), '']);
      }
      rows.push([`  ${part.name}`, kb(part.gzipBytes), part.name === SHARED ? '' : kb(part.bytes), '']);
    }
  }
  return rows.map((r) => `| ${r.join(' | ')} |`).join('\n');
}
