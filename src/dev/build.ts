/**
 * `npm run build` (the panel, for the static resource) and the mock page's build for the browser
 * tests: `tsx src/dev/build.ts [panel|mock|all]`.
 */
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
export {};
const { build } = await import('vite');

const target = process.argv[2] ?? 'panel';
if (!['panel', 'mock', 'all'].includes(target)) {
  console.error(`usage: build.ts [panel|mock|all] (got ${target})`);
  process.exit(2);
}
if (target !== 'mock') await build({ mode: 'production', logLevel: 'warn' });
if (target !== 'panel') await build({ mode: 'mock', logLevel: 'warn' });
console.log(`built: ${target}`);
