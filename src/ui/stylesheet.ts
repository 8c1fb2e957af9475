/**
 * A stylesheet of the static resource added to the page when a view that needs it loads (a <link>,
 * as the page's own: the panel runs under a Content-Security-Policy without inline styles).
 * Resolves once it applies; also if it fails to load, so that the view shows rather than waits.
 */
export function loadStylesheet(href: string, doc: Document = document): Promise<void> {
  return new Promise((resolve) => {
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    doc.head.append(link);
  });
}
