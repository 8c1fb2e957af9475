/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { MOCK_PAGE_HTML, mockCtiPlugin } from './src/mock/vite-plugin.ts';
import { sldsPlugin } from './src/dev/slds/vite-plugin.ts';
import { PANEL_TEXTS, isLanguageTexts, textsPlugin } from './src/dev/texts-plugin.ts';
import { plainDynamicImports } from './src/dev/plain-dynamic-imports.ts';
import { ICON_NAMES } from './src/ui/icon-names.ts';
import { MOCK_ICON_NAMES } from './src/mock/host/icon-names.ts';

const simulatorUrl = `http://localhost:${process.env.BIZTEL_SIM_PORT ?? 8000}/`;
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
/** Panels of another build (open during a package upgrade) must not share state with this one. */
const panelBuild = `${version}+${Date.now().toString(36)}`;

export default defineConfig(({ command, mode }): UserConfig => {
  const mock = mode === 'mock' || command === 'serve';
  const build: UserConfig['build'] =
    mode === 'mock'
      ? {
          outDir: 'dist-mock',
          assetsDir: 'mock-assets',
          emptyOutDir: true,
          rolldownOptions: { input: { mock: MOCK_PAGE_HTML.slice(1) } },
        }
      : {
          outDir: 'dist',
          emptyOutDir: true,
          target: 'es2022',
          // Lazy chunks load as plain import(): their few shared modules follow one round trip later,
          // which nobody waits for (the signed-in views load while the sign-in form shows), and the
          // helper that would preload them is not in the first screen's script.
          modulePreload: false,
          // Fixed entry names: the Visualforce page refers to them inside the static resource.
          rolldownOptions: {
            input: { biztelcti: 'index.html' },
            output: {
              // Everything the entry reaches statically is in the entry's own file: the Visualforce
              // page names only assets/biztelcti.js (no preloads), so a shared chunk it imported would
              // be fetched only once the entry had run. (Without this group the bundler sometimes moves
              // zod and the protocol schemas out into such a chunk when a lazy module uses them too.)
              // What loads after the first screen (the signed-in views, the call handling, phone
              // formatting, the requests between panels, the later texts' keys) is one file: it all loads
              // within a second of the sign-in form anyway, and one file compresses better than five.
              // The languages' texts (one is loaded) and the Classic host (Classic only) stay apart.
              codeSplitting: {
                groups: [
                  { name: 'biztelcti', tags: ['$initial'] },
                  { name: 'later', test: (id) => !isLanguageTexts(id) && !/[\\/]salesforce[\\/]classic(?:-payloads)?\.ts$/.test(id) },
                ],
              },
              entryFileNames: 'assets/biztelcti.js',
              chunkFileNames: 'assets/[name]-[hash].js',
              // The first screen's stylesheet has a fixed name too (the Visualforce page links it); the
              // signed-in views' (src/ui/signed-in.css) is loaded by them.
              assetFileNames: (asset) => (asset.names.some((n) => n.endsWith('.css') && !n.includes('signed-in')) ? 'assets/biztelcti.css' : 'assets/[name]-[hash][extname]'),
            },
          },
        };
  return {
    plugins: [
      react(),
      ...(mode === 'production' ? [plainDynamicImports()] : []),
      textsPlugin(PANEL_TEXTS),
      sldsPlugin({
        sourceDirs: [fileURLToPath(new URL('./src/ui', import.meta.url))],
        icons: ICON_NAMES,
        rootComponent: fileURLToPath(new URL('./src/ui/App.tsx', import.meta.url)),
        mock: { sourceDirs: [fileURLToPath(new URL('./src/mock/host', import.meta.url))], icons: MOCK_ICON_NAMES },
      }),
      ...(mock ? [mockCtiPlugin({ simulatorUrl })] : []),
    ],
    define: { __PANEL_BUILD__: JSON.stringify(panelBuild) },
    // The static resource is served from /resource/<timestamp>/biztelcti/: everything relative.
    base: mode === 'mock' ? '/' : './',
    server: {
      host: '127.0.0.1', // loopback only; answers as localhost and as 127.0.0.1 (the two origins)
      port: Number(process.env.PORT ?? 5173),
      strictPort: true,
    },
    optimizeDeps: {
      entries: ['index.html', MOCK_PAGE_HTML.slice(1)],
      include: ['react', 'react-dom/client', 'react/jsx-dev-runtime', 'zustand', 'zustand/vanilla', '@tanstack/react-query', 'socket.io-client', 'zod/mini'],
    },
    build,
    test: {
      projects: [
        {
          extends: true,
          // Integration tests run a real simulator: generous timeouts, so a loaded machine is slow, not red.
          // Component tests (*.test.tsx) opt into happy-dom with a comment in their first line.
          test: { name: 'unit', environment: 'node', include: ['src/**/*.test.{ts,tsx}'], exclude: ['src/e2e/**'], testTimeout: 20_000 },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            environment: 'node',
            include: ['src/e2e/**/*.e2e.ts'],
            testTimeout: 60_000,
            hookTimeout: 60_000,
            maxWorkers: 2,
          },
        },
      ],
    },
  };
});
