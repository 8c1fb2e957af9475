/** The mock page's own query (see the README's mock-page section) and the URL it frames the panel at. */
import { USER_LANGUAGE_PARAM } from '../user-language';

export type HostMode = 'lightning' | 'classic';

export const USERS = ['agent01', 'agent02', 'agent03', 'agent04', 'agent05'] as const;

export interface HostParams {
  mode: HostMode;
  lang: 'ja' | 'en';
  user: string;
  panelOrigin: string;
  /** Where the panel is served on its origin: the app root, or a Visualforce-like page. */
  panelPath: string;
  /** Set in a pop-out window: the id of the page (browser tab) whose softphone it shows. */
  popout: string | null;
}

export function parseHostParams(location: Location): HostParams {
  const query = new URLSearchParams(location.search);
  const user = query.get('user') ?? 'agent01';
  const panelPath = query.get('panelPath') ?? '/';
  const popout = query.get('popout');
  return {
    mode: query.get('mode') === 'classic' ? 'classic' : 'lightning',
    lang: query.get('lang') === 'en' ? 'en' : 'ja',
    user: (USERS as readonly string[]).includes(user) ? user : 'agent01',
    panelOrigin: parseOrigin(query.get('panelOrigin')) ?? defaultPanelOrigin(location),
    // A path on the panel's origin, never another site.
    panelPath: panelPath.startsWith('/') && !panelPath.startsWith('//') ? panelPath : '/',
    popout: popout && /^[a-z0-9]{8,32}$/.test(popout) ? popout : null,
  };
}

function parseOrigin(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Salesforce frames the adapter from another origin. On loopback the other name stands in for it;
 * under Salesforce-like names the Visualforce domain of the same My Domain does
 * (`acme.lightning.force.com` → `acme--c.vf.force.com`). Anything else: pass `panelOrigin`.
 */
export function defaultPanelOrigin(location: Pick<Location, 'origin'>): string {
  const url = new URL(location.origin);
  const lightning = /^([a-z0-9-]+)\.lightning\.force\.com$/i.exec(url.hostname);
  if (lightning) url.hostname = `${lightning[1]}--c.vf.force.com`;
  else if (url.hostname === '127.0.0.1') url.hostname = 'localhost';
  else if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
  return url.origin;
}

/** The adapter URL with the parameters Salesforce adds to it, per mode. */
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
  // The user's language, which the Visualforce page would render into the panel page (user-language.ts).
  url.searchParams.set(USER_LANGUAGE_PARAM, params.lang === 'ja' ? 'ja' : 'en_US');
  // Salesforce passes a fresh random nonce with every load of the adapter page (64 hex digits);
  // Classic's script sends it back with every call, and the Classic host checks it.
  url.searchParams.set('nonce', newNonce());
  return url.href;
}

function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** This page's address with some query parameters changed (mode switch, another agent, the pop-out). */
export function pageUrl(location: Pick<Location, 'href'>, changes: Record<string, string | null>): string {
  const url = new URL(location.href);
  url.hash = '';
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  return url.href;
}
