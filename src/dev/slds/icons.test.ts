import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseIconSvg } from './icons';

describe('parseIconSvg', () => {
  it('keeps the viewBox and the geometry of each shape, camel-cased, and no colour', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 52 52" fill="#fff"><path fill="#000" fill-rule="evenodd" d="M1 1h50"/>' +
      '<circle cx="26" cy="26" r="4"></circle><g><rect x="1" y="2" width="3" height="4" style="fill:red"/></g></svg>';
    expect(parseIconSvg('test', svg)).toEqual({
      viewBox: '0 0 52 52',
      shapes: [
        { tag: 'path', attrs: { fillRule: 'evenodd', d: 'M1 1h50' } },
        { tag: 'circle', attrs: { cx: '26', cy: '26', r: '4' } },
        { tag: 'rect', attrs: { x: '1', y: '2', width: '3', height: '4' } },
      ],
    });
  });

  it('reads an icon of the design system as shipped', () => {
    const file = createRequire(import.meta.url).resolve('@salesforce-ux/design-system/assets/icons/utility/call.svg');
    const icon = parseIconSvg('call', readFileSync(file, 'utf8'));
    expect(icon.viewBox).toBe('0 0 520 520');
    expect(icon.shapes.length).toBeGreaterThan(0);
    expect(icon.shapes.every((s) => s.tag === 'path' && (s.attrs.d ?? '').length > 10)).toBe(true);
  });

  it('refuses an SVG without a viewBox or without shapes, naming the icon', () => {
    expect(() => parseIconSvg('flat', '<svg><path d="M0 0"/></svg>')).toThrow('SLDS icon flat: no viewBox');
    expect(() => parseIconSvg('empty', '<svg viewBox="0 0 1 1"><g/></svg>')).toThrow('SLDS icon empty: no shapes');
  });
});
