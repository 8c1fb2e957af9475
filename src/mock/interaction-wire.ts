/**
 * Salesforce Classic's Open CTI wire (`interaction.js`, the Interaction Toolkit), as the mock host
 * reads and writes it. A call is one string posted to the host page: `interactionApi/` and a query
 * string of `key=encodeURIComponent(value)` pairs holding `method`, the method's named arguments,
 * `nonce` and `apiVersion`. A call with a callback names its method `NAME_n` (n counts the page's
 * calls from 0); a listener registration keeps the bare name. The host answers with one string of
 * the same form: `method` (the same `NAME_n`), `result` and `error`.
 */

const INTERACTION_PREFIX = 'interactionApi/';

interface WireMethod {
  /** The method's name in `sforce.interaction` (what `host.calls()` records and failures match). */
  api: string;
  /** Arguments the script always sends (as the text `undefined` when the caller left one out). */
  args: readonly string[];
  /** Arguments the script sends only when the caller gave a truthy value. */
  optional?: readonly string[];
  /** A listener: registered under its bare name and kept; the host pushes events to it. */
  listener?: true;
  /** Sent without a callback, always (the host must not see `NAME_n`). */
  noCallback?: true;
  /** Classic answers true or false ("false otherwise", with the error). */
  booleanResult?: true;
}

/** Every method the script sends over `interactionApi/`, by its name on the wire. */
export const INTERACTION_METHODS: Readonly<Record<string, WireMethod>> = {
  isInConsole: { api: 'isInConsole', args: [] },
  screenPop: { api: 'screenPop', args: ['targetUrl', 'force'], booleanResult: true },
  searchAndGetScreenPopUrl: { api: 'searchAndGetScreenPopUrl', args: ['searchParams', 'queryParams', 'callType'] },
  searchAndScreenPop: { api: 'searchAndScreenPop', args: ['searchParams', 'queryParams', 'callType'] },
  getPageInfo: { api: 'getPageInfo', args: [] },
  onFocus: { api: 'onFocus', args: [], listener: true },
  saveLog: { api: 'saveLog', args: ['objectName', 'saveParams'], booleanResult: true },
  runApex: { api: 'runApex', args: ['apexClass', 'methodName', 'methodParams'] },
  setVisible: { api: 'setVisible', args: ['value'], booleanResult: true },
  isVisible: { api: 'isVisible', args: [] },
  refreshPage: { api: 'refreshPage', args: [], booleanResult: true },
  refreshRelatedList: { api: 'refreshRelatedList', args: ['listName'], booleanResult: true },
  getCallCenterSettings: { api: 'cti.getCallCenterSettings', args: [] },
  getSoftphoneLayout: { api: 'cti.getSoftphoneLayout', args: [] },
  setSoftphoneHeight: { api: 'cti.setSoftphoneHeight', args: ['height'], booleanResult: true },
  setSoftphoneWidth: { api: 'cti.setSoftphoneWidth', args: ['width'], booleanResult: true },
  enableClickToDial: { api: 'cti.enableClickToDial', args: [], booleanResult: true },
  disableClickToDial: { api: 'cti.disableClickToDial', args: [], booleanResult: true },
  onClickToDial: { api: 'cti.onClickToDial', args: [], listener: true },
  notifyInitializationComplete: { api: 'cti.notifyInitializationComplete', args: [], noCallback: true },
  getDirectoryNumbers: { api: 'cti.getDirectoryNumbers', args: ['isGlobal'], optional: ['callCenterName', 'resultSetPage', 'resultSetPageSize'] },
};

/** The listener names on the wire, and where the host's pushes go. */
export const INTERACTION_LISTENERS = { clickToDial: 'onClickToDial', navigation: 'onFocus' } as const;

export interface InteractionRequest {
  /** The bare method name on the wire (`searchAndScreenPop`). */
  wireMethod: string;
  /** The `sforce.interaction` name (`searchAndScreenPop`, `cti.getCallCenterSettings`). */
  api: string;
  /** `n` of `NAME_n`; null for a call without a callback and for listener registrations. */
  callbackId: number | null;
  listener: boolean;
  apiVersion: number;
  /** The named arguments as the caller passed them (decoded; saveLog's `saveParams` twice). */
  args: Record<string, string>;
}

const COUNTER = /^(?:0|[1-9]\d{0,15})$/;
const KEY = /^[A-Za-z]+$/;

/**
 * Splits a query string on `&` and `=` and decodes each value, as both ends of the wire do. Refuses
 * what the script never sends: a pair without exactly one `=`, an odd key, a key twice, a value that
 * is not percent-encoded UTF-8.
 */
export function parseInteractionQuery(text: string): Map<string, string> | string {
  const out = new Map<string, string>();
  if (text === '') return 'empty query';
  for (const pair of text.split('&')) {
    const parts = pair.split('=');
    if (parts.length !== 2) return `"${pair.slice(0, 40)}" is not key=value`;
    const [key = '', raw = ''] = parts;
    if (!KEY.test(key)) return `odd key "${key.slice(0, 40)}"`;
    if (out.has(key)) return `${key} given twice`;
    try {
      out.set(key, decodeURIComponent(raw));
    } catch {
      return `${key} is not percent-encoded UTF-8`;
    }
  }
  return out;
}

/** `interactionApi/` and the pairs, each value percent-encoded, in the order given. */
export function encodeInteraction(pairs: readonly (readonly [string, string])[]): string {
  return INTERACTION_PREFIX + pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
}

/**
 * The host's check of one message from the softphone (its sender already checked): the shape the
 * script sends, the page's nonce, a method it knows with exactly its arguments. Returns why not as
 * a string.
 */
export function parseInteractionRequest(data: unknown, nonce: string | null): InteractionRequest | string {
  if (typeof data !== 'string') return 'not a string';
  if (!data.startsWith(INTERACTION_PREFIX)) return `not an ${INTERACTION_PREFIX} message`;
  const query = parseInteractionQuery(data.slice(INTERACTION_PREFIX.length));
  if (typeof query === 'string') return query;
  const given = query.get('nonce');
  if (!given) return 'no nonce';
  if (!nonce || given !== nonce) return 'wrong nonce';
  const version = query.get('apiVersion') ?? '';
  if (!/^[1-9]\d{0,3}$/.test(version)) return 'apiVersion is not a version number';
  const method = query.get('method') ?? '';
  const match = /^([A-Za-z]+)(?:_(\d+))?$/.exec(method);
  const wireMethod = match?.[1] ?? '';
  const spec = Object.hasOwn(INTERACTION_METHODS, wireMethod) ? INTERACTION_METHODS[wireMethod] : undefined;
  if (!match || !spec) return `unknown method ${method.slice(0, 60)}`;
  const suffix = match[2];
  if (suffix !== undefined) {
    if (spec.listener) return `listener ${wireMethod} registered with a callback number`;
    if (spec.noCallback) return `${wireMethod} takes no callback`;
    if (!COUNTER.test(suffix)) return `callback number ${suffix} is not a counter`;
  }
  const args: Record<string, string> = {};
  const known = new Set([...spec.args, ...(spec.optional ?? []), 'method', 'nonce', 'apiVersion']);
  for (const key of query.keys()) if (!known.has(key)) return `${wireMethod}: unknown argument ${key}`;
  for (const name of spec.args) if (!query.has(name)) return `${wireMethod}: argument ${name} missing`;
  for (const name of [...spec.args, ...(spec.optional ?? [])]) {
    const value = query.get(name);
    if (value !== undefined) args[name] = value;
  }
  if (wireMethod === 'saveLog') {
    // The script encodes saveParams once itself, before the query string encodes it again.
    try {
      args.saveParams = decodeURIComponent(args.saveParams ?? '');
    } catch {
      return 'saveLog: saveParams is not encoded twice';
    }
  }
  return {
    wireMethod,
    api: spec.api,
    callbackId: suffix === undefined ? null : Number(suffix),
    listener: spec.listener === true,
    apiVersion: Number(version),
    args,
  };
}
