/** The mock page's own query (CONTRACTS.md §2) and the URL it frames the panel at. */
export type HostMode = 'lightning' | 'classic';

export interface HostParams {
  mode: HostMode;
  lang: 'ja' | 'en';
  user: string;
  panelOrigin: string;
  /** Where the panel is served on its origin: the app root, or a Visualforce-like page. */
  panelPath: string;
}

export function parseHostParams(location: Location): HostParams {
  const query = new URLSearchParams(location.search);
  const user = query.get('user') ?? 'agent01';
  const panelOrigin = query.get('panelOrigin') ?? defaultPanelOrigin(location);
  return {
    mode: query.get('mode') === 'classic' ? 'classic' : 'lightning',
    lang: query.get('lang') === 'en' ? 'en' : 'ja',
    user: /^agent0[1-5]$/.test(user) ? user : 'agent01',
    panelOrigin: new URL(panelOrigin).origin,
    panelPath: query.get('panelPath') ?? '/',
  };
}

/** Salesforce frames the adapter from another origin; on loopback the other name stands in for it. */
function defaultPanelOrigin(location: Location): string {
  const url = new URL(location.origin);
  url.hostname = url.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return url.origin;
}

/** The adapter URL with the parameters Salesforce adds (OPENCTI.md §1). */
export function panelUrl(params: HostParams, hostOrigin: string): string {
  const url = new URL(params.panelPath, params.panelOrigin);
  if (params.mode === 'lightning') {
    url.searchParams.set('mode', 'Lightning');
    url.searchParams.set('ltn_app_id', '06m5555000000AA');
    url.searchParams.set('isdtp', 'vw');
    url.searchParams.set('sfdcIframeOrigin', hostOrigin);
    url.searchParams.set('clc', '1');
  } else {
    url.searchParams.set('sfdcIFrameOrigin', hostOrigin);
    url.searchParams.set('isAdapterUrl', 'true');
  }
  url.searchParams.set('nonce', Math.random().toString(36).slice(2));
  return url.href;
}
