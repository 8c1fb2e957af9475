/** Checks the "BIZTEL Open CTI Server URL" call center item before connecting. */
import type { FrameFailure } from '../store';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function checkServerUrl(raw: string | undefined): { ok: true; url: string } | { ok: false; failure: FrameFailure } {
  const text = raw?.trim() ?? '';
  if (text === '') return { ok: false, failure: { kind: 'serverUrlMissing' } };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, failure: { kind: 'serverUrlInvalid', url: text } };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, failure: { kind: 'serverUrlInvalid', url: text } };
  // Salesforce pages are https, so a browser refuses plain http — except to this machine (development).
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return { ok: false, failure: { kind: 'serverUrlInsecure', url: text } };
  return { ok: true, url: url.href };
}
