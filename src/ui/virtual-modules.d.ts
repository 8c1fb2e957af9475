/** Modules the build makes from the design system (src/dev/slds/vite-plugin.ts). */
declare module 'virtual:slds.css';

declare module 'virtual:slds-icons' {
  interface IconShape {
    tag: 'path' | 'circle' | 'ellipse' | 'rect' | 'polygon';
    attrs: Record<string, string>;
  }
  const icons: Record<string, { viewBox: string; shapes: IconShape[] } | undefined>;
  export default icons;
}

/** The icons only the signed-in views draw (the others are in `virtual:slds-icons`). */
declare module 'virtual:slds-icons/later' {
  const icons: Record<string, { viewBox: string; shapes: { tag: 'path' | 'circle' | 'ellipse' | 'rect' | 'polygon'; attrs: Record<string, string> }[] } | undefined>;
  export default icons;
}
