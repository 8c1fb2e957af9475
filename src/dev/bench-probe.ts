/**
 * What the benchmark installs in the browser before any page script runs (an init script, so in the
 * host page and in the panel's frame alike). It only observes, except for `answerAndHangUp`, which
 * clicks the panel's own buttons as an agent would.
 *
 * It is plain JavaScript in a string on purpose: tsx compiles functions with `__name(...)` helpers
 * that do not exist in the page, so a function's source cannot be shipped there as Playwright does.
 *
 * Every time is `performance.timeOrigin + performance.now()` (ms since the epoch, sub-millisecond),
 * comparable with the same sum in Node, except `coldStart`, which is `performance.now()` in the
 * panel's frame: milliseconds since the frame's navigation started.
 */

export interface PopRecord {
  callId: string;
  /** When `sforce.opencti.searchAndScreenPop` returned, i.e. its postMessage to the host was sent. */
  leftPanelAt: number;
  /** When the message came in on the panel's WebSocket with this call ringing (null: not seen). */
  ringReceivedAt: number | null;
}

export interface ColdStart {
  /** The sign-in textbox ("Login ID") is in the DOM. */
  inDomAt: number;
  /** The first animation frame after that: the frame that paints it. */
  shownAt: number;
  responseEnd: number;
  domContentLoaded: number;
  loadEventEnd: number;
  /** Open CTI's script has run (`sforce.opencti` was set); null if not seen. */
  openCtiAt: number | null;
  /** The panel opened its tab channel (start-up in Salesforce done, it joins the agent's panels); null if not seen. */
  channelOpenedAt: number | null;
  /** The panel opened its WebSocket to the BIZTEL server; null if not seen. */
  socketOpenedAt: number | null;
  /** The first message from the BIZTEL server arrived on the WebSocket (its hello); null if not seen. */
  firstSocketMessageAt: number | null;
  /** What the panel's frame fetched, in the order fetches began (resource timing), with when each began and ended. */
  fetched: FetchRecord[];
}

export interface FetchRecord {
  /** The URL's path (and query), relative to the frame's origin when it is the frame's own. */
  name: string;
  startTime: number;
  responseEnd: number;
}

/** `window.__biztelBench` as seen from Playwright's `evaluate`. */
export interface BenchProbe {
  /** Resolves once the sign-in form was shown (at once if it was); rejects after `timeoutMs`. */
  waitColdStart(timeoutMs: number): Promise<ColdStart>;
  /** Resolves with the first on-ring pop of the call (and forgets it); rejects after `timeoutMs`. */
  waitPop(callId: string, timeoutMs: number): Promise<PopRecord>;
  /** Host page: when each searchAndScreenPop message arrived, by call id (and forgets them). */
  takeHostArrivals(): Record<string, number>;
  /** Clicks Answer, waits for Connected, clicks Hang up, waits for Ended: one inbound call as the agent takes it. */
  answerAndHangUp(timeoutMs: number): Promise<void>;
  /** Resolves when this page's main thread is idle (requestIdleCallback), or after `timeoutMs`. */
  idle(timeoutMs: number): Promise<void>;
  /** Forgets everything recorded, so the probe's own records do not count in a heap figure. */
  clear(): void;
}

/** The window property PROBE_SCRIPT sets to the probe. */
export const PROBE_GLOBAL = '__biztelBench';

export const PROBE_SCRIPT = String.raw`(() => {
  if (window.__biztelBench) return;
  const wall = () => performance.timeOrigin + performance.now();
  const inPanel = window !== window.top;
  const pops = new Map();
  const popWaiters = new Map();
  const ringsReceived = new Map();
  const hostArrivals = new Map();
  let coldStart = null;
  const coldWaiters = [];
  const startMarks = { openCtiAt: null, channelOpenedAt: null, socketOpenedAt: null, firstSocketMessageAt: null };
  const callIdOf = (params) => {
    const m = /(?:^|&)biztelCallId=([^&]*)/.exec(typeof params === 'string' ? params : '');
    return m ? decodeURIComponent(m[1]) : null;
  };
  const labelOf = (el) => (el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].textContent) || el.textContent || '').trim();
  const find = (selector, name) => Array.from(document.querySelectorAll(selector)).find((el) => labelOf(el) === name && !el.disabled) || null;
  const callState = (text) => Array.from(document.querySelectorAll('[role="status"]')).some((el) => labelOf(el) === 'Call state' && el.textContent.trim() === text);
  const until = (test, timeoutMs, what) => new Promise((resolve, reject) => {
    const now = test();
    if (now) { resolve(now); return; }
    const observer = new MutationObserver(() => {
      const found = test();
      if (found) { observer.disconnect(); clearTimeout(timer); resolve(found); }
    });
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error('timed out waiting for ' + what)); }, timeoutMs);
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });

  const probe = {
    waitColdStart: (timeoutMs) => new Promise((resolve, reject) => {
      if (coldStart) { resolve(coldStart); return; }
      const timer = setTimeout(() => reject(new Error('no sign-in form within ' + timeoutMs + ' ms')), timeoutMs);
      coldWaiters.push((start) => { clearTimeout(timer); resolve(start); });
    }),
    waitPop: (callId, timeoutMs) => new Promise((resolve, reject) => {
      const take = (pop) => { pops.delete(callId); popWaiters.delete(callId); ringsReceived.delete(callId); resolve(pop); };
      const done = pops.get(callId);
      if (done) { take(done); return; }
      const timer = setTimeout(() => { popWaiters.delete(callId); reject(new Error('no pop for ' + callId)); }, timeoutMs);
      popWaiters.set(callId, (pop) => { clearTimeout(timer); take(pop); });
    }),
    takeHostArrivals: () => { const out = Object.fromEntries(hostArrivals); hostArrivals.clear(); return out; },
    answerAndHangUp: async (timeoutMs) => {
      (await until(() => find('button', 'Answer'), timeoutMs, 'Answer')).click();
      await until(() => callState('Connected'), timeoutMs, 'Connected');
      (await until(() => find('button', 'Hang up'), timeoutMs, 'Hang up')).click();
      await until(() => callState('Ended'), timeoutMs, 'Ended');
    },
    idle: (timeoutMs) => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: timeoutMs })),
    clear: () => { pops.clear(); ringsReceived.clear(); hostArrivals.clear(); },
  };
  Object.defineProperty(window, '__biztelBench', { value: probe, configurable: true });

  if (!inPanel) {
    // The host: a capturing listener registered before the host's own, so arrival is not delayed by it.
    window.addEventListener('message', (event) => {
      const data = event.data;
      if (!data || data.apiType !== 'opencti' || data.methodName !== 'searchAndScreenPop' || !data.args || data.args.deferred) return;
      const callId = callIdOf(data.args.queryParams);
      if (callId && !hostArrivals.has(callId)) hostArrivals.set(callId, wall());
    }, true);
    return;
  }

  // Cold start: the first time the sign-in textbox is in the DOM, then the frame that paints it.
  const seen = () => find('input', 'Login ID') || find('input', 'ログインID');
  const observer = new MutationObserver(() => {
    if (!seen()) return;
    observer.disconnect();
    const inDomAt = performance.now();
    requestAnimationFrame(() => {
      const shownAt = performance.now();
      const nav = performance.getEntriesByType('navigation')[0] || {};
      const fetched = performance.getEntriesByType('resource').map((r) => {
        const url = new URL(r.name);
        return { name: url.origin === location.origin ? url.pathname + url.search : r.name, startTime: r.startTime, responseEnd: r.responseEnd };
      });
      coldStart = { inDomAt, shownAt, responseEnd: nav.responseEnd || 0, domContentLoaded: nav.domContentLoadedEventEnd || 0, loadEventEnd: nav.loadEventEnd || 0, ...startMarks, fetched };
      for (const resolve of coldWaiters.splice(0)) resolve(coldStart);
    });
  });
  observer.observe(document, { subtree: true, childList: true });

  const NativeChannel = window.BroadcastChannel;
  if (NativeChannel) {
    window.BroadcastChannel = class extends NativeChannel {
      constructor(name) {
        super(name);
        if (startMarks.channelOpenedAt === null) startMarks.channelOpenedAt = performance.now();
      }
    };
  }

  // The ring as it reaches the panel: our listener is added before socket.io sets onmessage.
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      if (startMarks.socketOpenedAt === null) startMarks.socketOpenedAt = performance.now();
      this.addEventListener('message', (event) => {
        if (startMarks.firstSocketMessageAt === null) startMarks.firstSocketMessageAt = performance.now();
        if (typeof event.data !== 'string' || event.data.indexOf('"ringing"') === -1) return;
        const m = /"callId":"([^"]+)"/.exec(event.data);
        if (m && !ringsReceived.has(m[1])) ringsReceived.set(m[1], wall());
      });
    }
  };

  // The pop leaving the panel: Open CTI's searchAndScreenPop posts its message to the host
  // synchronously, so the time it returns is the time the message left.
  let api;
  const sforce = window.sforce || {};
  Object.defineProperty(sforce, 'opencti', {
    configurable: true,
    enumerable: true,
    get: () => api,
    set: (value) => {
      api = value;
      if (startMarks.openCtiAt === null) startMarks.openCtiAt = performance.now();
      if (!value || typeof value.searchAndScreenPop !== 'function') return;
      const original = value.searchAndScreenPop;
      value.searchAndScreenPop = function (input) {
        const result = original.apply(this, arguments);
        const leftPanelAt = wall();
        const callId = callIdOf(input && input.queryParams);
        if (!callId || (input && input.deferred) || pops.has(callId)) return result;
        const pop = { callId, leftPanelAt, ringReceivedAt: ringsReceived.get(callId) ?? null };
        pops.set(callId, pop);
        const waiter = popWaiters.get(callId);
        if (waiter) waiter(pop);
        return result;
      };
    },
  });
  window.sforce = sforce;
})();`;
