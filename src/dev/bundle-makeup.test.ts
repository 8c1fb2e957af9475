import { encode, type SourceMapSegment } from '@jridgewell/sourcemap-codec';
import { describe, expect, it } from 'vitest';
import { BUNDLER, SHARED, chunkMakeup, formatMakeup, partOf, rangesByPart, withoutHash } from './bundle-makeup';
import { gzipSize } from './size-budget';

describe('the parts of a chunk', () => {
  it('names an npm package, a feature folder of src/app, a layer, the icons, and the rest', () => {
    expect(partOf('../../node_modules/react-dom/cjs/react-dom-client.production.js')).toBe('react-dom');
    expect(partOf('../../node_modules/@tanstack/query-core/build/modern/query.js')).toBe('@tanstack/query-core');
    expect(partOf('../../node_modules/a/node_modules/zod/v4/core/schemas.js')).toBe('zod');
    expect(partOf('../../src/app/tabs/election.ts')).toBe('src/app/tabs');
    expect(partOf('../../src/app/panel.ts')).toBe('src/app');
    expect(partOf('../../src/biztel/link.ts')).toBe('src/biztel');
    expect(partOf('../../src/domain/phone-metadata.jp.json.makeup.js')).toBe('src/domain');
    expect(partOf('../../src/main.tsx')).toBe('src/main.tsx');
    expect(partOf('../../../../virtual/slds-icons-first.js')).toBe('SLDS icons');
    expect(partOf('../../../../virtual/slds-icons-later.js')).toBe('SLDS icons');
    expect(partOf('\0rolldown/runtime.js')).toBe(BUNDLER);
  });

  it('gives each byte to the source its map segment points into; unmapped bytes and newlines to the bundler', () => {
    const code = 'var a=1;var b=2;\nfoo();';
    // line 0: "var a=1;" from source 0, "var b=2;" from source 1; line 1: "foo" unmapped, "();" from source 0
    const mappings = encode([
      [
        [0, 0, 0, 0],
        [8, 1, 0, 0],
      ],
      [[0], [3, 0, 1, 0]] as SourceMapSegment[],
    ]);
    const ranges = rangesByPart(code, mappings, ['../../node_modules/react/index.js', '../../src/ui/App.tsx']);
    expect(Object.fromEntries(ranges)).toEqual({
      react: [
        [0, 8],
        [20, 23],
      ],
      'src/ui': [[8, 16]],
      [BUNDLER]: [[16, 20]],
    });
  });

  it("measures each part by gzipping the chunk without it; what the parts share is a row of its own", () => {
    const shared = 'function render(element, container) { return element; }\n';
    const a = shared.repeat(20);
    const b = `${shared}${'const other = [1, 2, 3].map((n) => n * 2);\n'.repeat(5)}`;
    const code = a + b;
    const makeup = chunkMakeup('assets/x.js', code, new Map([['a', [[0, a.length] as [number, number]]], ['b', [[a.length, code.length] as [number, number]]]]));
    const total = gzipSize(code);
    expect(makeup).toMatchObject({ file: 'assets/x.js', bytes: code.length, gzipBytes: total });
    const part = (name: string) => makeup.parts.find((p) => p.name === name)!;
    expect(part('a')).toEqual({ name: 'a', bytes: a.length, gzipBytes: total - gzipSize(b) });
    expect(part('b')).toEqual({ name: 'b', bytes: b.length, gzipBytes: total - gzipSize(a) });
    // The rows add up to the chunk, the shared row included, and it comes last.
    expect(makeup.parts.reduce((n, p) => n + p.gzipBytes, 0)).toBe(total);
    expect(makeup.parts.at(-1)?.name).toBe(SHARED);
  });

  it('names chunks without their content hash, so runs compare', () => {
    expect(withoutHash('assets/SignedIn-BVU3aG5p.js')).toBe('assets/SignedIn.js');
    expect(withoutHash('assets/phone-format-w1x9_lEH.js')).toBe('assets/phone-format.js');
    expect(withoutHash('assets/biztelcti.js')).toBe('assets/biztelcti.js');
  });

  it('prints a row per chunk, its parts under it, and the small parts summed', () => {
    const table = formatMakeup(
      [
        {
          file: 'assets/biztelcti.js',
          bytes: 9000,
          gzipBytes: 3000,
          parts: [
            { name: 'react-dom', bytes: 8000, gzipBytes: 2600 },
            { name: 'src/ui', bytes: 500, gzipBytes: 150 },
            { name: 'zustand', bytes: 400, gzipBytes: 100 },
            { name: SHARED, bytes: 0, gzipBytes: 150 },
          ],
        },
      ],
      (file) => file === 'assets/biztelcti.js',
    );
    expect(table.split('\n')).toEqual([
      '| chunk / part | gzip KB | min. KB | before sign-in |',
      '| --- | ---: | ---: | --- |',
      '| **assets/biztelcti.js** | **3.0** | 9.0 | yes |',
      '|   react-dom | 2.6 | 8.0 |  |',
      '|   2 smaller: src/ui, zustand | 0.3 | 0.9 |  |',
      '|   (shared) | 0.1 |  |  |',
    ]);
  });
});
