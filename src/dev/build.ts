/**
 * `npm run build`: the panel, zipped into the static resource of the Salesforce project in
 * `visualforce/` (deploy with `sf project deploy start` from there); and the mock page's build for
 * the browser tests: `tsx src/dev/build.ts [panel|mock|all]`.
 */
import { build } from 'vite';

const target = process.argv[2] ?? 'panel';
if (!['panel', 'mock', 'all'].includes(target)) {
  console.error(`usage: build.ts [panel|mock|all] (got ${target})`);
  process.exit(2);
}
if (target !== 'mock') {
  await build({ mode: 'production', logLevel: 'warn' });
  const { buildStaticResource } = await import('./static-resource');
  const resource = await buildStaticResource();
  console.log(`static resource biztelcti: ${(resource.bytes / 1024).toFixed(1)} KB, ${resource.entries.length} files`);
}
if (target !== 'panel') await build({ mode: 'mock', logLevel: 'warn' });
console.log(`built: ${target}`);
