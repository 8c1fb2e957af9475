import { describe, expect, it } from 'vitest';
import { plainDynamicImports } from './plain-dynamic-imports';

type Hook = (this: { error: (message: string) => never }, ...args: unknown[]) => unknown;
const hook = (name: 'load' | 'generateBundle') => plainDynamicImports()[name] as unknown as Hook;
const context = { error: (message: string): never => { throw new Error(message); } };

describe('plain dynamic imports', () => {
  it('makes Vite’s preload helper a plain call of the import, and leaves other modules alone', async () => {
    const code = hook('load').call(context, '\0vite/preload-helper.js') as string;
    const { __vitePreload } = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { __vitePreload: (f: () => Promise<string>) => Promise<string> };
    expect(await __vitePreload(() => Promise.resolve('chunk'))).toBe('chunk');
    expect(hook('load').call(context, '/src/app/panel.ts')).toBeNull();
  });

  it('fails the build when a lazy chunk brings a stylesheet, which the real helper would load', () => {
    expect(() => hook('generateBundle').call(context, {}, { 'assets/biztelcti.css': {}, 'assets/biztelcti.js': {} })).not.toThrow();
    expect(() => hook('generateBundle').call(context, {}, { 'assets/biztelcti.css': {}, 'assets/later-x.css': {} })).toThrow(/later-x\.css/);
  });
});
