/**
 * SLDS utility icons as data the panel renders with React (no SVG markup injected as HTML): the
 * viewBox and the shapes of each icon the panel names, read from the design system's SVG files.
 */
export interface IconShape {
  tag: 'path' | 'circle' | 'ellipse' | 'rect' | 'polygon';
  attrs: Record<string, string>;
}
export interface IconData {
  viewBox: string;
  shapes: IconShape[];
}

const SHAPE = /<(path|circle|ellipse|rect|polygon)\b([^>]*?)\/?>/g;
const ATTR = /([a-zA-Z-]+)="([^"]*)"/g;
/** Geometry only: colour comes from `currentColor` in the panel's CSS. */
const GEOMETRY = new Set(['d', 'cx', 'cy', 'r', 'rx', 'ry', 'x', 'y', 'width', 'height', 'points', 'transform', 'fill-rule', 'clip-rule']);

const camel = (name: string) => name.replace(/-([a-z])/g, (_all, c: string) => c.toUpperCase());

export function parseIconSvg(name: string, svg: string): IconData {
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1];
  if (!viewBox) throw new Error(`SLDS icon ${name}: no viewBox`);
  const shapes: IconShape[] = [];
  for (const match of svg.matchAll(SHAPE)) {
    const attrs: Record<string, string> = {};
    for (const attr of (match[2] ?? '').matchAll(ATTR)) {
      const key = attr[1] ?? '';
      if (GEOMETRY.has(key)) attrs[camel(key)] = attr[2] ?? '';
    }
    shapes.push({ tag: match[1] as IconShape['tag'], attrs });
  }
  if (shapes.length === 0) throw new Error(`SLDS icon ${name}: no shapes`);
  return { viewBox, shapes };
}
