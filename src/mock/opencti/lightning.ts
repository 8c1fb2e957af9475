/**
 * Our stand-in for Salesforce's `opencti_min.js` (Lightning), served at the same path on the mock
 * page. It speaks Salesforce's wire protocol, so the host accepts it and the real script alike. It
 * skips the real script's check that the host is a Salesforce domain, so it works on localhost.
 * Built as a classic script (IIFE); it imports only the shared wire table.
 */
import { LIGHTNING_METHODS, type LightningMethod } from '../wire';

type Callback = (response: unknown) => void;
type Args = Record<string, unknown> & { callback?: Callback; listener?: Callback };

(function install() {
  const query = new URLSearchParams(window.location.search);
  const given = query.get('sfdcIframeOrigin');
  if (!given || !given.startsWith(window.location.protocol)) {
    throw new Error('Failed to initialize Open CTI. Ensure that it is loaded from the right frame in the right format.');
  }
  const origin: string = given;
  const script = document.currentScript as HTMLScriptElement | null;
  const version = /\/support\/api\/(\d+)\.0\//.exec(script?.src ?? '')?.[1];
  const apiVersion = Number(version ?? 57);
  let nextCallId = 0;
  const callbacks = new Map<number, Callback>();
  const listeners = new Map<string, Callback>();

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.origin !== origin || event.source !== window.parent) return;
    const data = event.data as Record<string, unknown> | null;
    if (!data || data.apiType !== 'opencti' || data.apiVersion !== apiVersion) return;
    if (data.shouldExecuteCallback === true && typeof data.callId === 'number') {
      const callback = callbacks.get(data.callId);
      callbacks.delete(data.callId);
      callback?.(data.response);
    } else if (data.shouldExecuteListener === true && typeof data.methodName === 'string') {
      listeners.get(data.methodName)?.(data.response);
    }
  });

  function invoke(methodName: LightningMethod, input: Args | undefined): void {
    const callId = nextCallId++;
    const args: Record<string, unknown> = {};
    for (const name of LIGHTNING_METHODS[methodName] as readonly string[]) {
      const key = methodName === 'saveLog' && name === 'object' ? 'value' : name;
      if (input && key in input) args[name] = input[key];
    }
    const callback = input?.callback;
    const listener = input?.listener;
    if (typeof callback === 'function') callbacks.set(callId, callback);
    if (typeof listener === 'function') listeners.set(methodName, listener);
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
  for (const name of Object.keys(LIGHTNING_METHODS) as LightningMethod[]) api[name] = (input?: Args) => invoke(name, input);
  const win = window as unknown as { sforce?: Record<string, unknown> };
  win.sforce = win.sforce ?? {};
  win.sforce.opencti = api;
})();
