/** What Salesforce (or the mock page) passes the adapter page in its URL (as Salesforce documents it for adapter URLs). */
import type { HostKind } from './types';

const OPEN_CTI_API_VERSION = '57.0';

export interface LaunchParams {
  /** null: opened bare, outside Salesforce and the mock page. */
  kind: HostKind | null;
  sfdcOrigin: string | null;
}

export function parseLaunchParams(search: string): LaunchParams {
  const params = new URLSearchParams(search);
  const origin = params.get('sfdcIframeOrigin') ?? params.get('sfdcIFrameOrigin');
  const mode = params.get('mode');
  if (origin === null && mode === null && params.get('isAdapterUrl') === null) return { kind: null, sfdcOrigin: null };
  return { kind: mode === 'Lightning' ? 'lightning' : 'classic', sfdcOrigin: origin };
}

/** The Open CTI script for the mode, on the adapter page's own origin, as the Visualforce page has it. */
export function openCtiScriptPath(kind: HostKind): string {
  return kind === 'lightning'
    ? `/support/api/${OPEN_CTI_API_VERSION}/lightning/opencti_min.js`
    : `/support/api/${OPEN_CTI_API_VERSION}/interaction.js`;
}

/** Loads a classic script once; resolves when it has run. */
export function loadScript(src: string, doc: Document = document): Promise<void> {
  const existing = doc.querySelector<HTMLScriptElement>(`script[data-opencti="${src}"]`);
  if (existing?.dataset.loaded === 'true') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = existing ?? doc.createElement('script');
    script.addEventListener('load', () => {
      script.dataset.loaded = 'true';
      resolve();
    });
    script.addEventListener('error', () => reject(new Error(`Could not load ${src}`)));
    if (!existing) {
      script.src = src;
      script.dataset.opencti = src;
      doc.head.append(script);
    }
  });
}
