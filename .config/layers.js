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
  return rest.length === 0 ? '(entry)' : first;
}

export const layersPlugin = {
  rules: {
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
