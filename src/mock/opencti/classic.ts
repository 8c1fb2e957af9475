/**
 * Our stand-in for Salesforce Classic's `interaction.js`: `sforce.interaction` with positional
 * arguments and the callback last. Classic's real wire format is not public; this one sends named
 * arguments (`../wire.ts`), which the mock host records as they are.
 */
import type { ClassicMethod } from '../wire';

type Callback = (response: unknown) => void;

/** Where a method takes its callback before other arguments (getDirectoryNumbers' paging comes after it). */
const CALLBACK = '(callback)';

/** Positional parameter names, in order, for every method (the callback or listener comes last unless placed). */
const SIGNATURES: Record<ClassicMethod, readonly string[]> = {
  'cti.getCallCenterSettings': [],
  'cti.getSoftphoneLayout': [],
  'cti.getDirectoryNumbers': ['isGlobal', 'callCenterName', CALLBACK, 'resultSetPage', 'resultSetPageSize'],
  'cti.setSoftphoneHeight': ['height'],
  'cti.setSoftphoneWidth': ['width'],
  'cti.enableClickToDial': [],
  'cti.disableClickToDial': [],
  'cti.onClickToDial': [],
  'cti.notifyInitializationComplete': [],
  searchAndScreenPop: ['searchParams', 'queryParams', 'callType'],
  screenPop: ['url', 'force'],
  saveLog: ['objectName', 'saveParams'],
  runApex: ['apexClass', 'methodName', 'methodParams'],
  isVisible: [],
  setVisible: ['value'],
  getPageInfo: [],
  onFocus: [],
  refreshPage: [],
  refreshRelatedList: ['listName'],
  isInConsole: [],
};
const LISTENERS = new Set<ClassicMethod>(['cti.onClickToDial', 'onFocus']);

(function install() {
  const query = new URLSearchParams(window.location.search);
  const given = query.get('sfdcIFrameOrigin') ?? query.get('sfdcIframeOrigin');
  if (!given) throw new Error('interaction.js: sfdcIFrameOrigin is missing from the adapter URL.');
  const origin: string = given;
  let nextCallId = 0;
  const callbacks = new Map<number, Callback>();
  const listeners = new Map<string, Callback>();

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.origin !== origin || event.source !== window.parent) return;
    const data = event.data as Record<string, unknown> | null;
    if (!data || data.apiType !== 'interaction') return;
    if (typeof data.callId === 'number' && 'response' in data) {
      const callback = callbacks.get(data.callId);
      callbacks.delete(data.callId);
      callback?.(data.response);
    } else if (typeof data.methodName === 'string' && 'event' in data) {
      listeners.get(data.methodName)?.(data.event);
    }
  });

  function invoke(methodName: ClassicMethod, positional: unknown[]): void {
    const names = SIGNATURES[methodName];
    const args: Record<string, unknown> = {};
    names.forEach((name, i) => {
      if (name !== CALLBACK && i < positional.length && positional[i] !== undefined && typeof positional[i] !== 'function') args[name] = positional[i];
    });
    const callback = positional.find((p): p is Callback => typeof p === 'function');
    const callId = nextCallId++;
    if (callback) {
      if (LISTENERS.has(methodName)) listeners.set(methodName, callback);
      else callbacks.set(callId, callback);
    }
    window.parent.postMessage({ apiType: 'interaction', methodName, callId, args }, origin);
  }

  const interaction: Record<string, unknown> = {};
  const cti: Record<string, unknown> = {};
  for (const name of Object.keys(SIGNATURES) as ClassicMethod[]) {
    const fn = (...positional: unknown[]) => invoke(name, positional);
    if (name.startsWith('cti.')) cti[name.slice(4)] = fn;
    else interaction[name] = fn;
  }
  interaction.cti = cti;
  const win = window as unknown as { sforce?: Record<string, unknown> };
  win.sforce = win.sforce ?? {};
  win.sforce.interaction = interaction;
})();
