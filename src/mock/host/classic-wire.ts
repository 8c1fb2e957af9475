/**
 * The Classic host's side of Salesforce's Classic wire (`../interaction-wire.ts`): every message is
 * checked for its sender, the page's nonce and its shape, and dropped (logged, with the reason)
 * otherwise; a call with a callback is answered under its `NAME_n`; listener events go to the bare
 * listener names. Results are what Classic gives: JSON text, text, or true/false.
 */
import { SALESFORCE_ID } from '../../protocol';
import type { CallTypeKey } from '../org/types';
import { INTERACTION_LISTENERS, INTERACTION_METHODS, encodeInteraction, parseInteractionRequest, type InteractionRequest } from '../interaction-wire';
import { directoryPage } from './directory-page';
import type { MockHost, OpResult } from './host-core';
import type { PopAction } from './pops';
import { checkSender, describeData, invalid, panelSize, type PanelPort } from './wire-common';

const CALL_TYPES = new Set(['inbound', 'outbound', 'internal']);

/** What the panel sends as a boolean arrives as the text `true` or `false`. */
function flag(args: Record<string, string>, name: string): boolean {
  const value = args[name];
  if (value !== 'true' && value !== 'false') invalid(`${name} must be true or false.`);
  return value === 'true';
}

/** A paging number, or undefined (the script leaves page 0 out: it sends only truthy values). */
const count = (value: string | undefined): number | undefined => (value !== undefined && /^\d{1,6}$/.test(value) ? Number(value) : undefined);

function pageInfo(host: MockHost): string {
  const info = host.appViewInfo();
  return JSON.stringify({ url: info.url, objectId: info.recordId ?? '', objectName: info.recordName ?? '', object: info.objectType ?? '' });
}

/** Classic names the object of a search result in `object` and keys records by Id. */
function classicRecords(map: Record<string, Record<string, string>>): Record<string, Record<string, string>> {
  const classic: Record<string, Record<string, string>> = {};
  for (const [id, record] of Object.entries(map)) {
    const { RecordType, ...rest } = record;
    delete rest.Id;
    classic[id] = { ...rest, object: RecordType ?? '' };
  }
  return classic;
}

/** searchAndGetScreenPopUrl's `screenPopUrl`: where the layout would have popped, as a Classic URL. */
function popUrl(pop: PopAction | null): string {
  if (!pop) return '';
  switch (pop.type) {
    case 'sobject':
      return `/${pop.params.recordId}`;
    case 'search':
      return `/_ui/search/ui/UnifiedSearchResults?str=${encodeURIComponent(pop.params.searchString)}`;
    case 'url':
      return pop.params.url;
    default:
      return '';
  }
}

async function search(host: MockHost, args: Record<string, string>, pop: boolean): Promise<string> {
  const callType = args.callType ?? '';
  if (!CALL_TYPES.has(callType)) invalid('callType must be inbound, outbound or internal.');
  const { map, popData } = await host.searchAndScreenPop({ searchParams: args.searchParams ?? '', callType: callType as CallTypeKey, deferred: !pop, queryParams: args.queryParams ?? '' });
  const records = classicRecords(map);
  return JSON.stringify(pop ? records : { ...records, screenPopUrl: popUrl(popData) });
}

/** What Salesforce does for one call; the value is what `result` carries. */
function dispatch(host: MockHost, request: InteractionRequest): Promise<OpResult> {
  const { args } = request;
  const text = (name: string) => args[name] ?? '';
  return host.run(request.api, args, async () => {
    switch (request.wireMethod) {
      case 'getCallCenterSettings':
        return JSON.stringify(host.callCenterSettings());
      case 'getSoftphoneLayout':
        return JSON.stringify(await host.layout());
      case 'getDirectoryNumbers': {
        flag(args, 'isGlobal');
        const list = host.org.org.directoryNumbers.map((d) => ({ callCenterName: 'BIZTEL Open CTI Call Center Adapter', name: d.name, phone: d.phone, description: '' }));
        return JSON.stringify(directoryPage(list, count(args.resultSetPage) ?? 0, count(args.resultSetPageSize)));
      }
      case 'setSoftphoneHeight':
        host.store.setState({ panelHeight: panelSize('height', text('height')) });
        return true;
      case 'setSoftphoneWidth':
        host.store.setState({ panelWidth: panelSize('width', text('width')) });
        return true;
      case 'refreshPage':
      case 'refreshRelatedList':
        host.store.setState((s) => ({ pageShownAt: s.pageShownAt + 1 }));
        return true;
      case 'enableClickToDial':
      case 'disableClickToDial':
        host.setClickToDial(request.wireMethod === 'enableClickToDial');
        return true;
      case 'notifyInitializationComplete':
        host.initializationComplete();
        return null;
      case 'searchAndScreenPop':
        return search(host, args, true);
      case 'searchAndGetScreenPopUrl':
        return search(host, args, false);
      case 'screenPop': {
        flag(args, 'force');
        const url = text('targetUrl');
        const id = url.startsWith('/') && SALESFORCE_ID.test(url.slice(1)) ? url.slice(1) : undefined;
        if (id) host.screenPop('sobject', { recordId: id });
        else host.screenPop('url', { url });
        return true;
      }
      case 'saveLog': {
        if (!text('objectName')) invalid('saveLog needs an object name.');
        const value: Record<string, unknown> = { entityApiName: text('objectName') };
        for (const [key, v] of new URLSearchParams(text('saveParams'))) value[key] = /^\d+$/.test(v) && key === 'CallDurationInSeconds' ? Number(v) : v;
        return host.saveLog(value);
      }
      case 'runApex':
        if (!text('apexClass') || !text('methodName')) invalid('runApex needs apexClass and methodName.');
        // methodParams reaches the org exactly as the panel passed it (the query string's encoding undone).
        return host.runApex(text('apexClass'), text('methodName'), text('methodParams'));
      case 'isVisible':
        return host.store.getState().panelVisible;
      case 'setVisible':
        host.store.setState({ panelVisible: flag(args, 'value') });
        return true;
      case 'getPageInfo':
        return pageInfo(host);
      case 'isInConsole':
        return false;
      default:
        return null; // listener registrations: answered by events, not here
    }
  });
}

/**
 * The answer's pairs: the same `NAME_n`, the result as text (empty for none, which the script reads
 * as null), the error ("CODE: description", empty when there is none); saveLog adds the record's id.
 */
function answer(request: InteractionRequest, result: OpResult): [string, string][] {
  const method: [string, string] = ['method', `${request.wireMethod}_${request.callbackId}`];
  if (!result.ok) {
    const failed = INTERACTION_METHODS[request.wireMethod]?.booleanResult ? 'false' : '';
    return [method, ['result', failed], ['error', `${result.code}: ${result.description}`]];
  }
  const value = result.value;
  if (request.wireMethod === 'saveLog') return [method, ['result', 'true'], ['error', ''], ['id', typeof value === 'string' ? value : '']];
  // dispatch gives text (JSON text where Classic gives JSON), a boolean, or nothing.
  const text = typeof value === 'string' ? value : typeof value === 'boolean' ? String(value) : '';
  return [method, ['result', text], ['error', '']];
}

/** One line of the log: the method as the panel called it, the callback number, the outcome, then the wire text. */
function logLine(port: PanelPort<string>, api: string, callbackId: number | null, outcome: string, wire: string, args?: Record<string, string>): string {
  const decoded = args ? ` ${describeData(args)}` : '';
  return `${port.name}: ${api}${callbackId === null ? '' : ` #${callbackId}`}${outcome}${decoded} ${describeData(wire)}`;
}

/** The Classic host's end of the wire; the left-pane softphone is its only panel. */
export class ClassicWire {
  private port: PanelPort<string> | null = null;
  private nonce: string | null = null;
  private readonly listeners = new Set<string>();
  /**
   * Callback numbers of calls not answered yet: a second call under one of them could not be told
   * apart from the first (the script never does that; a document reloaded in the same frame starts
   * again from 0, after its earlier calls were answered).
   */
  private readonly inFlight = new Set<number>();

  constructor(private readonly host: MockHost) {
    host.push = (kind, payload) => this.push(kind, payload);
  }

  /** A new panel instance, framed with this nonce in its URL (as Salesforce passes one per load). */
  connect(port: PanelPort<string>, nonce: string | null): void {
    this.port = port;
    this.nonce = nonce;
    this.listeners.clear();
    this.inFlight.clear();
  }

  disconnect(port: PanelPort<string>): void {
    if (this.port !== port) return;
    this.port = null;
    this.nonce = null;
    this.listeners.clear();
    this.inFlight.clear();
  }

  onMessage(event: MessageEvent<unknown>, panelWindow: Window | null | undefined, port: PanelPort<string>): void {
    const refused = checkSender(event, this.host.params.panelOrigin, panelWindow);
    if (refused) {
      this.host.logWire('dropped', `${refused} ${describeData(event.data)}`);
      return;
    }
    const request = parseInteractionRequest(event.data, port === this.port ? this.nonce : null);
    if (typeof request === 'string') {
      this.host.logWire('dropped', `${port.name}: ${request} ${describeData(event.data)}`);
      return;
    }
    const { callbackId } = request;
    if (callbackId !== null) {
      if (this.inFlight.has(callbackId)) {
        this.host.logWire('dropped', `${port.name}: callback number ${callbackId} is still in flight ${describeData(event.data)}`);
        return;
      }
      this.inFlight.add(callbackId);
    }
    this.host.logWire('in', logLine(port, request.api, request.callbackId, '', event.data as string, request.args));
    if (request.listener) this.listeners.add(request.wireMethod);
    void dispatch(this.host, request).then((result) => {
      // Nothing to answer without a callback; nor to a panel instance that is gone.
      if (callbackId === null || this.port !== port) return;
      this.inFlight.delete(callbackId);
      this.send(port, request.api, callbackId, result.ok ? ' ok' : ` ${result.code}`, encodeInteraction(answer(request, result)));
    });
  }

  private send(port: PanelPort<string>, api: string, callbackId: number | null, outcome: string, wire: string): void {
    this.host.logWire('out', logLine(port, api, callbackId, outcome, wire));
    port.post(wire);
  }

  private push(kind: 'clickToDial' | 'navigation', payload: unknown): void {
    const method = INTERACTION_LISTENERS[kind];
    if (!this.port || !this.listeners.has(method)) return;
    let result: string;
    if (kind === 'clickToDial') {
      const p = payload as { number: unknown; recordId: string | null; recordName: string | null; objectType: string | null };
      result = JSON.stringify({ number: p.number, objectId: p.recordId ?? '', objectName: p.recordName ?? '', object: p.objectType ?? '', displayName: p.recordName ?? '' });
    } else result = pageInfo(this.host);
    const api = INTERACTION_METHODS[method]?.api ?? method;
    this.send(this.port, api, null, ' (listener event)', encodeInteraction([['method', method], ['result', result]]));
  }
}
