/**
 * Our stand-in for Salesforce Classic's `interaction.js` (the Interaction Toolkit), served at the same
 * path on the mock page. It speaks Salesforce's Classic wire, so the host takes it and Salesforce's
 * own script alike:
 * - it reads `sfdcIFrameOrigin` and `nonce` from its page's query string and, without both, sends
 *   nothing at all (the API is there, its calls go nowhere);
 * - a call is one string posted to the parent at that origin: `interactionApi/` and
 *   `key=encodeURIComponent(value)` pairs holding `method`, the named arguments, `nonce` and
 *   `apiVersion`; every value goes through String(), so a left-out argument is the text `undefined`;
 * - with a callback the method is sent as `NAME_n` (n counts this page's calls with callbacks from 0)
 *   and the callback runs once for the answer under that name; listeners keep the bare name and run
 *   for every event; notifyInitializationComplete never has a callback;
 * - an answer is a string of the same form from that origin (compared lower-cased): split on `&` and
 *   `=`, each value decoded (an empty one is null), a `result` of `true`/`false` made a boolean; the
 *   callbacks get that object (`method`, `result`, `error` and anything else it holds).
 * Not here: Salesforce's script also reads its origin and nonce from a Canvas signed request, and
 * has the entity feed API (`entityFeed.refreshObject`, `onObjectUpdate`, over `entityFeedApi/`
 * messages); the panel uses neither and the mock host speaks neither.
 * Built as a classic script (IIFE) with no imports.
 */

type Callback = (response: Record<string, unknown>) => void;
type Pairs = [string, unknown][];

(function install() {
  const PREFIX = 'interactionApi/';
  const LISTENERS = new Set(['onClickToDial', 'onFocus']);

  /** A query string as the script reads one: split on & and =, values decoded, empty ones null. */
  function readQuery(text: string): Record<string, string | null> {
    const out: Record<string, string | null> = {};
    const body = text.startsWith('?') ? text.slice(1) : text;
    if (body === '') return out;
    for (const pair of body.split('&')) {
      const [key = '', value] = pair.split('=');
      out[key] = value ? decodeURIComponent(value) : null;
    }
    return out;
  }

  const query = readQuery(window.location.search);
  const frameOrigin = query.sfdcIFrameOrigin && query.nonce ? query.sfdcIFrameOrigin.toLowerCase() : null;
  const nonce = frameOrigin ? query.nonce : null;
  const script = document.currentScript as HTMLScriptElement | null;
  const apiVersion = Number(/\/support\/api\/(\d+)\.0\//.exec(script?.src ?? '')?.[1] ?? 57);
  const callbacks = new Map<string, Callback[]>();
  let counter = 0;

  function call(method: string, args: Pairs, callback?: unknown): void {
    let name = method;
    if (typeof callback === 'function') {
      const cb = callback as Callback;
      if (LISTENERS.has(method)) callbacks.set(method, [...(callbacks.get(method) ?? []), cb]);
      else {
        name = `${method}_${counter++}`;
        callbacks.set(name, [cb]);
      }
    }
    if (!frameOrigin) return;
    const pairs: Pairs = [['method', name], ...args, ['nonce', nonce], ['apiVersion', apiVersion]];
    window.parent.postMessage(PREFIX + pairs.map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`).join('&'), frameOrigin);
  }

  if (frameOrigin) {
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
      const data = event.data;
      if (typeof data !== 'string' || !data.startsWith(PREFIX)) return;
      if (event.origin !== frameOrigin || event.source !== window.parent) return;
      let response: Record<string, unknown>;
      try {
        response = readQuery(data.slice(PREFIX.length));
      } catch {
        return; // not percent-encoded: not from Salesforce
      }
      if (response.result === 'true' || response.result === 'false') response.result = response.result === 'true';
      const method = typeof response.method === 'string' ? response.method : '';
      const registered = callbacks.get(method);
      if (!registered) return;
      if (!LISTENERS.has(method)) callbacks.delete(method);
      // Like Salesforce's script: a callback that throws is logged, and the others of the call skipped.
      try {
        for (const callback of registered) callback({ ...response });
      } catch {
        console.log('Failed to process API response.');
      }
    });
  }

  const interaction = {
    isInConsole: (cb?: unknown) => call('isInConsole', [], cb),
    screenPop: (targetUrl: unknown, force: unknown, cb?: unknown) => call('screenPop', [['targetUrl', targetUrl], ['force', Boolean(force)]], cb),
    searchAndGetScreenPopUrl: (searchParams: unknown, queryParams: unknown, callType: unknown, cb?: unknown) =>
      call('searchAndGetScreenPopUrl', [['searchParams', searchParams], ['queryParams', queryParams], ['callType', callType]], cb),
    searchAndScreenPop: (searchParams: unknown, queryParams: unknown, callType: unknown, cb?: unknown) =>
      call('searchAndScreenPop', [['searchParams', searchParams], ['queryParams', queryParams], ['callType', callType]], cb),
    getPageInfo: (cb?: unknown) => call('getPageInfo', [], cb),
    onFocus: (listener?: unknown) => call('onFocus', [], listener),
    // saveParams is a query string itself: encoded once here, and once more with the message.
    saveLog: (objectName: unknown, saveParams: unknown, cb?: unknown) =>
      call('saveLog', [['objectName', objectName], ['saveParams', encodeURIComponent(String(saveParams))]], cb),
    runApex: (apexClass: unknown, methodName: unknown, methodParams: unknown, cb?: unknown) =>
      call('runApex', [['apexClass', apexClass], ['methodName', methodName], ['methodParams', methodParams]], cb),
    setVisible: (value: unknown, cb?: unknown) => call('setVisible', [['value', value]], cb),
    isVisible: (cb?: unknown) => call('isVisible', [], cb),
    refreshPage: (cb?: unknown) => call('refreshPage', [], cb),
    refreshRelatedList: (listName: unknown, cb?: unknown) => call('refreshRelatedList', [['listName', listName]], cb),
    cti: {
      getCallCenterSettings: (cb?: unknown) => call('getCallCenterSettings', [], cb),
      getSoftphoneLayout: (cb?: unknown) => call('getSoftphoneLayout', [], cb),
      setSoftphoneHeight: (height: unknown, cb?: unknown) => call('setSoftphoneHeight', [['height', height]], cb),
      setSoftphoneWidth: (width: unknown, cb?: unknown) => call('setSoftphoneWidth', [['width', width]], cb),
      enableClickToDial: (cb?: unknown) => call('enableClickToDial', [], cb),
      disableClickToDial: (cb?: unknown) => call('disableClickToDial', [], cb),
      onClickToDial: (listener?: unknown) => call('onClickToDial', [], listener),
      notifyInitializationComplete: () => call('notifyInitializationComplete', []),
      // The call center's name and the paging go only when given (page 0 is left out, as 0 is falsy).
      getDirectoryNumbers: (isGlobal: unknown, callCenterName: unknown, cb?: unknown, resultSetPage?: unknown, resultSetPageSize?: unknown) => {
        const args: Pairs = [['isGlobal', isGlobal]];
        if (callCenterName) args.push(['callCenterName', callCenterName]);
        if (resultSetPage) args.push(['resultSetPage', resultSetPage]);
        if (resultSetPageSize) args.push(['resultSetPageSize', resultSetPageSize]);
        call('getDirectoryNumbers', args, cb);
      },
    },
  };
  const win = window as unknown as { sforce?: Record<string, unknown> };
  win.sforce = win.sforce ?? {};
  win.sforce.interaction = interaction;
})();
