/**
 * The Classic host's side of the mock's `interaction.js` wire: same checks as Lightning, Classic's
 * answers (`{result, error}`, JSON text where Classic gives JSON text) and Classic's method names.
 */
import type { CallTypeKey } from '../org/types';
import { CLASSIC_LISTENERS, parseClassicRequest, type ClassicRequest } from '../wire';
import { directoryPage } from './directory-page';
import type { MockHost, OpResult } from './host-core';
import { checkSender, describeData, invalid, panelSize, summarize, type PanelPort } from './wire-common';

const CALL_TYPES = new Set(['inbound', 'outbound', 'internal']);

function pageInfo(host: MockHost): string {
  const info = host.appViewInfo();
  return JSON.stringify({ url: info.url, objectId: info.recordId ?? '', objectName: info.recordName ?? '', object: info.objectType ?? '' });
}

function dispatch(host: MockHost, request: ClassicRequest): Promise<OpResult> {
  const { args, methodName } = request;
  const text = (name: string) => (typeof args[name] === 'string' ? args[name] : '');
  return host.run(methodName, args, async () => {
    switch (methodName) {
      case 'cti.getCallCenterSettings':
        return JSON.stringify(host.callCenterSettings());
      case 'cti.getSoftphoneLayout':
        return JSON.stringify(await host.layout());
      case 'cti.getDirectoryNumbers': {
        const list = host.org.org.directoryNumbers.map((d) => ({ callCenterName: 'BIZTEL Open CTI Call Center Adapter', name: d.name, phone: d.phone, description: '' }));
        return JSON.stringify(directoryPage(list, args.resultSetPage, args.resultSetPageSize));
      }
      case 'cti.setSoftphoneHeight':
        host.store.setState({ panelHeight: panelSize('height', args.height) });
        return true;
      case 'cti.setSoftphoneWidth':
        host.store.setState({ panelWidth: panelSize('width', args.width) });
        return true;
      case 'refreshPage':
      case 'refreshRelatedList':
        return true;
      case 'cti.enableClickToDial':
      case 'cti.disableClickToDial':
        host.setClickToDial(methodName === 'cti.enableClickToDial');
        return true;
      case 'cti.onClickToDial':
      case 'onFocus':
        return null;
      case 'cti.notifyInitializationComplete':
        host.initializationComplete();
        return null;
      case 'searchAndScreenPop': {
        if (!CALL_TYPES.has(text('callType'))) invalid('callType must be inbound, outbound or internal.');
        const { map } = await host.searchAndScreenPop({ searchParams: text('searchParams'), callType: text('callType') as CallTypeKey, deferred: false });
        const classic: Record<string, Record<string, string>> = {};
        for (const [id, record] of Object.entries(map)) {
          const { RecordType, ...rest } = record;
          delete rest.Id;
          classic[id] = { ...rest, object: RecordType ?? '' };
        }
        return JSON.stringify(classic);
      }
      case 'screenPop': {
        const url = text('url');
        const id = /^\/([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)$/.exec(url)?.[1];
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
        return host.runApex(text('apexClass'), text('methodName'), text('methodParams'));
      case 'isVisible':
        return host.store.getState().panelVisible;
      case 'setVisible':
        host.store.setState({ panelVisible: args.value === true });
        return true;
      case 'getPageInfo':
        return pageInfo(host);
      case 'isInConsole':
        return false;
    }
  });
}

/** The Classic host's end of the wire; the left-pane softphone is its only panel. */
export class ClassicWire {
  private port: PanelPort | null = null;
  private readonly listeners = new Set<string>();

  constructor(private readonly host: MockHost) {
    host.push = (kind, payload) => this.push(kind, payload);
  }

  connect(port: PanelPort): void {
    this.port = port;
    this.listeners.clear();
  }

  disconnect(port: PanelPort): void {
    if (this.port !== port) return;
    this.port = null;
    this.listeners.clear();
  }

  onMessage(event: MessageEvent<unknown>, panelWindow: Window | null | undefined, port: PanelPort): void {
    const refused = checkSender(event, this.host.params.panelOrigin, panelWindow);
    if (refused) {
      this.host.logWire('dropped', `${refused} ${describeData(event.data)}`);
      return;
    }
    const request = parseClassicRequest(event.data);
    if (typeof request === 'string') {
      this.host.logWire('dropped', `${port.name}: ${request} ${describeData(event.data)}`);
      return;
    }
    this.host.logWire('in', `${port.name}: ${summarize({ ...request })}`);
    if ((CLASSIC_LISTENERS as readonly string[]).includes(request.methodName)) this.listeners.add(request.methodName);
    void dispatch(this.host, request).then((result) => {
      this.send(port, {
        apiType: 'interaction',
        methodName: request.methodName,
        callId: request.callId,
        response: result.ok ? { result: result.value } : { error: `${result.code}: ${result.description}` },
      });
    });
  }

  private send(port: PanelPort, message: Record<string, unknown>): void {
    this.host.logWire('out', `${port.name}: ${summarize(message)}`);
    port.post(message);
  }

  private push(kind: 'clickToDial' | 'navigation', payload: unknown): void {
    const methodName = kind === 'clickToDial' ? 'cti.onClickToDial' : 'onFocus';
    if (!this.port || !this.listeners.has(methodName)) return;
    let result: string;
    if (kind === 'clickToDial') {
      const p = payload as { number: unknown; recordId: string | null; recordName: string | null; objectType: string | null };
      result = JSON.stringify({ number: p.number, objectId: p.recordId ?? '', objectName: p.recordName ?? '', object: p.objectType ?? '', displayName: p.recordName ?? '' });
    } else result = pageInfo(this.host);
    this.send(this.port, { apiType: 'interaction', methodName, event: { result } });
  }
}
