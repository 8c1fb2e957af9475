/**
 * Our stand-in for Salesforce's `opencti_min.js` (Lightning), served at the same path on the mock
 * page. It speaks Salesforce's wire protocol, so the host accepts it and the real script alike, and
 * it refuses in the caller's face what Salesforce's script refuses there (it throws):
 * - every method takes exactly one object holding at least one property (enableClickToDial,
 *   disableClickToDial and refreshView may also take nothing; notifyInitializationComplete takes
 *   anything);
 * - getters (getCallCenterSettings, getSoftphoneLayout, getAppViewInfo, isSoftphonePanelVisible)
 *   need a `callback` function, listener registrations a `listener` function, saveLog a `value`
 *   object.
 * Everything else (callType from CALL_TYPE, screen-pop types, argument types) the script passes on
 * unchecked and Salesforce answers INVALID_PARAM: the mock host does that. It skips the real script's
 * check that the host is a Salesforce domain, so it works on localhost, and keeps its other start-up
 * checks (`sfdcIframeOrigin` and `mode` present, the origin on the page's own protocol).
 * Built as a classic script (IIFE); it imports only the shared wire table.
 */
import { LIGHTNING_METHODS, type LightningMethod } from '../wire';

type Callback = (response: unknown) => void;
type Args = Record<string, unknown> & { callback?: Callback; listener?: Callback };

/** Getters: pointless without an answer, so the script insists on a callback. */
const NEEDS_CALLBACK = new Set<LightningMethod>(['getCallCenterSettings', 'getSoftphoneLayout', 'getAppViewInfo', 'isSoftphonePanelVisible']);
const LISTENERS = new Set<LightningMethod>(['onClickToDial', 'onNavigationChange']);
/** Methods that may be called with no argument at all. */
const MAY_BE_EMPTY = new Set<LightningMethod>(['enableClickToDial', 'disableClickToDial', 'refreshView']);

/** The script's own argument checks, with its messages. */
function checkArguments(methodName: LightningMethod, given: unknown[]): void {
  if (methodName === 'notifyInitializationComplete') return;
  const [first] = given;
  const oneObject = given.length === 1 && typeof first === 'object' && first !== null && Object.keys(first).length > 0;
  if (!oneObject && !(MAY_BE_EMPTY.has(methodName) && given.length === 0)) {
    throw new Error('Must pass in only one object which holds arguments to this API method call.');
  }
  const input = first as Args | undefined;
  if (NEEDS_CALLBACK.has(methodName) && typeof input?.callback !== 'function') throw new Error('Missing the required argument `callback`!');
  if (LISTENERS.has(methodName) && typeof input?.listener !== 'function') throw new Error('Missing the required argument `listener`!');
  if (methodName === 'saveLog' && typeof input?.value !== 'object') throw new Error('Missing the required argument `value object`!');
}

(function install() {
  const query = new URLSearchParams(window.location.search);
  const given = query.get('sfdcIframeOrigin');
  if (!given || !query.get('mode') || !given.startsWith(window.location.protocol)) {
    throw new Error('Failed to initialize Open CTI. Ensure that it is loaded from the right frame with correct URL parameters');
  }
  const origin: string = given;
  const script = document.currentScript as HTMLScriptElement | null;
  const version = /\/support\/api\/(\d+)\.0\//.exec(script?.src ?? '')?.[1];
  const apiVersion = Number(version ?? 57);
  let nextCallId = 0;
  /** Keyed by method and call id, as an answer names both. */
  const callbacks = new Map<string, Callback>();
  /** Every listener registered for a method hears every event (a second one adds, never replaces). */
  const listeners = new Map<string, Callback[]>();

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.origin !== origin || event.source !== window.parent) return;
    const data = event.data as Record<string, unknown> | null;
    if (!data || typeof data !== 'object' || data.apiType !== 'opencti' || data.apiVersion !== apiVersion) return;
    if (data.shouldExecuteCallback === true) {
      const key = `${String(data.methodName)}_${String(data.callId)}`;
      const callback = callbacks.get(key);
      callbacks.delete(key);
      callback?.(data.response);
    }
    if (data.shouldExecuteListener === true && typeof data.methodName === 'string') {
      for (const listener of listeners.get(data.methodName) ?? []) listener(data.response);
    }
  });

  function invoke(methodName: LightningMethod, given: unknown[]): void {
    checkArguments(methodName, given);
    const input = given[0] as Args | undefined;
    const callId = nextCallId++;
    // Every argument of the method goes, given or not (undefined then), as the script sends them.
    const args: Record<string, unknown> = {};
    for (const name of LIGHTNING_METHODS[methodName] as readonly string[]) {
      args[name] = input?.[methodName === 'saveLog' && name === 'object' ? 'value' : name];
    }
    // A listener registration takes its listener only; a callback passed with it is never called.
    const callback = LISTENERS.has(methodName) ? undefined : input?.callback;
    const listener = LISTENERS.has(methodName) ? input?.listener : undefined;
    if (typeof callback === 'function') callbacks.set(`${methodName}_${callId}`, callback);
    if (typeof listener === 'function') listeners.set(methodName, [...(listeners.get(methodName) ?? []), listener]);
    window.parent.postMessage(
      {
        methodName,
        callId,
        apiVersion,
        apiType: 'opencti',
        isCallbackRegistered: typeof callback === 'function',
        isListenerRegistered: typeof listener === 'function',
        args,
      },
      origin,
    );
  }

  const api: Record<string, unknown> = {
    CALL_TYPE: { INBOUND: 'inbound', OUTBOUND: 'outbound', INTERNAL: 'internal' },
    SCREENPOP_TYPE: { URL: 'url', SOBJECT: 'sobject', OBJECTHOME: 'objecthome', LIST: 'list', SEARCH: 'search', NEW_RECORD_MODAL: 'newRecord', FLOW: 'flow' },
  };
  for (const name of Object.keys(LIGHTNING_METHODS) as LightningMethod[]) api[name] = (...given: unknown[]) => invoke(name, given);
  const win = window as unknown as { sforce?: Record<string, unknown> };
  win.sforce = win.sforce ?? {};
  win.sforce.opencti = api;
})();
