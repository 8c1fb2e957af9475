/**
 * The line between a mock page and its pop-out window (Lightning's "Pop out" of the softphone
 * utility). Both are pages of the host's origin, so a BroadcastChannel joins them; the pop-out only
 * relays, and every Open CTI call is served by the opener's host, as Salesforce serves the popped-out
 * utility from the same app. Messages are checked on arrival like any other input.
 */

/** Pop-out → page. */
export type ToPage =
  /**
   * "I frame the softphone now". A reply to `who` (the page was reloaded) also says what the running
   * panel already did: the listeners it registered and whether it finished initialising.
   */
  | { kind: 'hello'; listeners: string[]; initialized: boolean }
  /** A message from the softphone frame whose origin and window the pop-out checked. */
  | { kind: 'message'; data: unknown }
  /** A message the pop-out refused, for the page's log. */
  | { kind: 'dropped'; text: string }
  /** The pop-out window is going (final: the agent popped the panel back in). */
  | { kind: 'bye'; final: boolean };

/** Page → pop-out. */
export type ToPopout =
  | { kind: 'post'; message: Record<string, unknown> }
  /** The page (re)started: whoever frames the softphone, say hello. */
  | { kind: 'who' }
  | { kind: 'close' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseToPage(data: unknown): ToPage | null {
  if (!isObject(data)) return null;
  switch (data.kind) {
    case 'hello':
      return Array.isArray(data.listeners) && data.listeners.every((l) => typeof l === 'string')
        ? { kind: 'hello', listeners: data.listeners, initialized: data.initialized === true }
        : null;
    case 'message':
      return { kind: 'message', data: data.data };
    case 'dropped':
      return typeof data.text === 'string' ? { kind: 'dropped', text: data.text.slice(0, 1000) } : null;
    case 'bye':
      return { kind: 'bye', final: data.final === true };
    default:
      return null;
  }
}

export function parseToPopout(data: unknown): ToPopout | null {
  if (!isObject(data)) return null;
  if (data.kind === 'post') return isObject(data.message) ? { kind: 'post', message: data.message } : null;
  if (data.kind === 'who' || data.kind === 'close') return { kind: data.kind };
  return null;
}

export const channelName = (popoutId: string) => `biztel-mock-cti:pop-out:${popoutId}`;

const ID_KEY = 'biztel-mock-cti:pop-out-id';
const POPPED_KEY = 'biztel-mock-cti:popped-out';

/** One id per browser tab, kept across reloads, so a reloaded page finds its pop-out again. */
export function tabPopoutId(storage: Storage = sessionStorage): string {
  const existing = storage.getItem(ID_KEY);
  if (existing && /^[a-z0-9]{8,32}$/.test(existing)) return existing;
  const id = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 16);
  storage.setItem(ID_KEY, id);
  return id;
}

export function rememberPoppedOut(poppedOut: boolean, storage: Storage = sessionStorage): void {
  if (poppedOut) storage.setItem(POPPED_KEY, '1');
  else storage.removeItem(POPPED_KEY);
}

export const wasPoppedOut = (storage: Storage = sessionStorage): boolean => storage.getItem(POPPED_KEY) === '1';
