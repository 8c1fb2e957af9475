/**
 * The import direction of STYLE.md as an ESLint rule: every folder of src/ may import only the
 * folders before it (and itself). A wrong import fails `npm run lint`, so it fails CI.
 */
import path from 'node:path';

/** Layer → the layers it may import. Order: protocol → domain → biztel → salesforce → app → ui. */
export const LAYERS = {
  protocol: [],
  domain: ['protocol'],
  biztel: ['protocol', 'domain'],
  salesforce: ['protocol', 'domain'],
  app: ['protocol', 'domain', 'biztel', 'salesforce'],
  ui: ['protocol', 'domain', 'biztel', 'salesforce', 'app'],
  simulator: ['protocol', 'domain'],
  mock: ['protocol', 'domain', 'biztel', 'salesforce', 'app', 'ui'],
  dev: ['protocol', 'domain', 'biztel', 'salesforce', 'app', 'ui', 'simulator', 'mock'],
  e2e: ['protocol', 'domain', 'biztel', 'salesforce', 'app', 'ui', 'simulator', 'mock', 'dev'],
  // src/main.tsx, the panel's entry
  '(entry)': ['protocol', 'domain', 'biztel', 'salesforce', 'app', 'ui'],
};

/** Layers that run in the agent's browser: no Node built-ins. */
const BROWSER = new Set(['protocol', 'domain', 'biztel', 'salesforce', 'app', 'ui', '(entry)']);

function layerOf(file, srcRoot) {
  const relative = path.relative(srcRoot, file);
  if (relative.startsWith('..')) return null;
  const [first, ...rest] = relative.split(path.sep);
  // A file directly in src/ is the entry; `src/app` itself (an import of a layer's index) is that layer.
  return rest.length === 0 && !(first in LAYERS) ? '(entry)' : first;
}

/**
 * The feature folders of src/app, in order: each may import only the ones before it, and another
 * folder only through its index.ts (its public face). A dynamic import() may reach a module inside an
 * allowed folder: that is how a folder's heavy part loads later, as its own chunk. Files directly in
 * src/app (the panel's composition) may import every folder; tests and src/app/testing may too.
 */
export const APP_ZONES = ['i18n', 'store', 'platform', 'tabs', 'startup', 'call-log', 'calls', 'leader', 'agent'];

function appZoneOf(file, srcRoot) {
  const relative = path.relative(path.join(srcRoot, 'app'), file);
  if (relative.startsWith('..')) return null;
  const parts = relative.split(path.sep);
  // A file directly in src/app is the composition; `src/app/store` itself (its index) is that folder.
  return parts.length === 1 && !APP_ZONES.includes(parts[0]) ? '(root)' : parts[0];
}

const appZones = {
  meta: {
    type: 'problem',
    messages: {
      order: 'src/app/{{from}} may not import src/app/{{to}}: feature folders import only the folders before them ({{order}}).',
      index: 'import src/app/{{to}} through its index ("{{suggest}}"), not a file inside it; a dynamic import() may reach inside.',
      unknown: 'src/app/{{zone}} is not a known feature folder: add it to APP_ZONES in .config/layers.js.',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const srcRoot = path.join(context.cwd, 'src');
    const from = appZoneOf(file, srcRoot);
    if (from === null || from === 'testing' || /\.test(-support)?\.tsx?$/.test(file)) return {};
    if (from !== '(root)' && !APP_ZONES.includes(from)) {
      return { Program: (node) => context.report({ node, messageId: 'unknown', data: { zone: from } }) };
    }
    const check = (node, dynamic) => {
      const source = node.source;
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source.value);
      const to = appZoneOf(target, srcRoot);
      if (to === null || to === from || to === '(root)') return;
      if (from !== '(root)' && APP_ZONES.indexOf(to) > APP_ZONES.indexOf(from)) {
        context.report({ node: source, messageId: 'order', data: { from, to, order: APP_ZONES.join(' → ') } });
        return;
      }
      const inside = path.relative(path.join(srcRoot, 'app', to), target);
      if (!dynamic && inside !== '' && inside !== 'index' && inside !== 'index.ts') {
        context.report({ node: source, messageId: 'index', data: { to, suggest: path.relative(path.dirname(file), path.join(srcRoot, 'app', to)) } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, false),
      ExportNamedDeclaration: (node) => check(node, false),
      ExportAllDeclaration: (node) => check(node, false),
      ImportExpression: (node) => check(node, true),
    };
  },
};

export const layersPlugin = {
  rules: {
    'app-zones': appZones,
    direction: {
      meta: {
        type: 'problem',
        messages: {
          upward: '{{from}} may not import {{to}}: layers import only the layers before them (STYLE.md).',
          node: '{{from}} runs in the browser and may not import the Node built-in {{module}}.',
        },
        schema: [],
      },
      create(context) {
        const file = context.filename;
        const srcRoot = path.join(context.cwd, 'src');
        const from = layerOf(file, srcRoot);
        if (from === null || !(from in LAYERS)) return {};
        // Tests (and their support files) may also stand up the real simulator, the mock stack and
        // the dev helpers, with Node built-ins.
        const isTest = /\.test(-support)?\.tsx?$/.test(file);
        const allowed = isTest ? [...LAYERS[from], 'simulator', 'mock', 'dev'] : LAYERS[from];
        const check = (node) => {
          const source = node.source;
          if (!source || typeof source.value !== 'string') return;
          const specifier = source.value;
          if (BROWSER.has(from) && !isTest && (specifier.startsWith('node:') || ['fs', 'path', 'http', 'net', 'child_process', 'crypto', 'os'].includes(specifier))) {
            context.report({ node: source, messageId: 'node', data: { from, module: specifier } });
            return;
          }
          if (!specifier.startsWith('.')) return;
          const to = layerOf(path.resolve(path.dirname(file), specifier), srcRoot);
          if (to === null || to === from || to === '(entry)') return;
          if (!allowed.includes(to)) context.report({ node: source, messageId: 'upward', data: { from, to } });
        };
        return {
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
          ImportExpression: check,
        };
      },
    },
  },
};
