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

  it('fails the build when a lazy chunk imports a stylesheet, which the real helper would load', () => {
    const chunk = (fileName: string, isEntry: boolean, css: string[]) => ({ type: 'chunk', fileName, isEntry, viteMetadata: { importedCss: new Set(css) } });
    const asset = { type: 'asset' };
    // The entry's stylesheet is the page's; a stylesheet a view links itself is only an asset.
    const fine = { 'assets/biztelcti.js': chunk('assets/biztelcti.js', true, ['assets/biztelcti.css']), 'assets/later.js': chunk('assets/later.js', false, []), 'assets/signed-in.css': asset };
    expect(() => hook('generateBundle').call(context, {}, fine)).not.toThrow();
    const lazyCss = { ...fine, 'assets/later.js': chunk('assets/later.js', false, ['assets/later.css']) };
    expect(() => hook('generateBundle').call(context, {}, lazyCss)).toThrow(/later\.js imports CSS \(assets\/later\.css\)/);
  });
});
