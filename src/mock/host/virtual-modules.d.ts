/** The mock page's modules made from the design system (src/dev/slds/vite-plugin.ts). */
declare module 'virtual:slds-mock.css';

declare module 'virtual:slds-mock-icons' {
  interface IconShape {
    tag: 'path' | 'circle' | 'ellipse' | 'rect' | 'polygon';
    attrs: Record<string, string>;
  }
  const icons: Record<string, { viewBox: string; shapes: IconShape[] } | undefined>;
  export default icons;
}
