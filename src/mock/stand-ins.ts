/**
 * Builds our stand-in Open CTI scripts (`opencti_min.js`, `interaction.js`) as classic scripts, for
 * the dev server (on request) and the mock build (to files). Never part of the panel's build.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const STAND_IN_PATHS: Record<string, string> = {
  '/support/api/57.0/lightning/opencti_min.js': 'opencti/lightning.ts',
  '/support/api/57.0/interaction.js': 'opencti/classic.ts',
};

export async function buildStandIn(entry: string): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      emptyOutDir: false,
      lib: { entry: fileURLToPath(new URL(entry, import.meta.url)), formats: ['iife'], name: 'OpenCtiStandIn', fileName: () => 'stand-in.js' },
    },
  });
  const outputs = Array.isArray(output) ? output : [output];
  for (const out of outputs) {
    if ('output' in out) {
      const chunk = out.output.find((o) => o.type === 'chunk');
      if (chunk && 'code' in chunk) return chunk.code;
    }
  }
  throw new Error(`No output building ${entry}`);
}
