/**
 * The Lightning host's side of Salesforce's Open CTI wire protocol: origin, source and shape checks
 * on every message, one answer per callback, listener pushes. Salesforce's script passes arguments
 * on unchecked beyond their envelope; the host refuses wrong ones (call and screen-pop types, types
 * of arguments) with INVALID_PARAM, as here. One panel instance at a time is connected (docked, or
 * in the pop-out window) and all of them share this host's state.
 */
import type { CallTypeKey } from '../org/types';
import { LIGHTNING_LISTENERS, parseLightningRequest, type LightningRequest } from '../wire';
import type { MockHost, OpResult } from './host-core';
import { checkSender, describeData, invalid, panelSize, summarize, toResponse, type PanelPort } from './wire-common';

/** Salesforce's CALL_TYPE and SCREENPOP_TYPE values: anything else is INVALID_PARAM. */
const CALL_TYPES = new Set(['inbound', 'outbound', 'internal']);
const SCREENPOP_TYPES = new Set(['url', 'sobject', 'objecthome', 'list', 'search', 'newRecord', 'flow']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function dispatch(host: MockHost, request: LightningRequest): Promise<OpResult> {
  const { args, methodName } = request;
  const text = (name: string) => (typeof args[name] === 'string' ? args[name] : '');
  return host.run(methodName, args, async () => {
    switch (methodName) {
      case 'getCallCenterSettings':
        return host.callCenterSettings();
      case 'getSoftphoneLayout':
        return host.layout();
      case 'getAppViewInfo':
        return host.appViewInfo();
      case 'onClickToDial':
      case 'onNavigationChange':
        return null;
      case 'refreshView':
        host.store.setState((s) => ({ pageShownAt: s.pageShownAt + 1 }));
        return null;
      case 'enableClickToDial':
      case 'disableClickToDial':
        host.setClickToDial(methodName === 'enableClickToDial');
        return null;
      case 'searchAndScreenPop': {
        if (!CALL_TYPES.has(text('callType'))) invalid('callType must be inbound, outbound or internal.');
        for (const name of ['searchParams', 'queryParams']) if (args[name] !== undefined && typeof args[name] !== 'string') invalid(`${name} must be a string.`);
        // params is for flows only: an object, never a query string.
        for (const name of ['defaultFieldValues', 'params']) if (args[name] !== undefined && !isObject(args[name])) invalid(`${name} must be an object.`);
        if (args.deferred !== undefined && typeof args.deferred !== 'boolean') invalid('deferred must be true or false.');
        const deferred = args.deferred === true;
        const { map, popData } = await host.searchAndScreenPop({ searchParams: text('searchParams'), callType: text('callType') as CallTypeKey, deferred, queryParams: text('queryParams') });
        return deferred && popData ? { ...map, SCREEN_POP_DATA: popData } : map;
      }
      case 'screenPop': {
        if (!SCREENPOP_TYPES.has(text('type'))) invalid(`type must be one of ${[...SCREENPOP_TYPES].join(', ')}.`);
        if (!isObject(args.params)) invalid('params must be an object.');
        host.screenPop(text('type'), args.params);
        return null;
      }
      case 'saveLog': {
        const value = args.object;
        if (!value || typeof value !== 'object' || Array.isArray(value)) invalid('saveLog needs a value object.');
        return host.saveLog(value as Record<string, unknown>);
      }
      case 'runApex':
        if (!text('apexClass') || !text('methodName')) invalid('runApex needs apexClass and methodName.');
        if (typeof args.methodParams !== 'string') invalid('methodParams must be a string ("none" when there are none).');
        return { runApex: await host.runApex(text('apexClass'), text('methodName'), text('methodParams')) };
      case 'setSoftphonePanelVisibility':
        if (typeof args.visible !== 'boolean') invalid('visible must be true or false.');
        host.store.setState({ panelVisible: args.visible });
        return null;
      case 'isSoftphonePanelVisible':
        return { visible: host.store.getState().panelVisible };
      case 'setSoftphonePanelHeight':
        host.store.setState({ panelHeight: panelSize('height', args.heightPX) });
        return null;
      case 'setSoftphonePanelWidth':
        host.store.setState({ panelWidth: panelSize('width', args.widthPX) });
        return null;
      case 'setSoftphonePanelLabel':
      case 'setSoftphoneItemLabel':
        if (!text('label')) invalid('label must be a non-empty string.');
        host.store.setState(methodName === 'setSoftphoneItemLabel' ? { itemLabel: text('label').slice(0, 80) } : { panelLabel: text('label').slice(0, 80) });
        return null;
      case 'setSoftphonePanelIcon':
      case 'setSoftphoneItemIcon':
        if (!text('key')) invalid('key must be an SLDS utility icon name.');
        host.store.setState(methodName === 'setSoftphoneItemIcon' ? { itemIcon: text('key').slice(0, 80) } : { panelIcon: text('key').slice(0, 80) });
        return null;
      case 'notifyInitializationComplete':
        host.initializationComplete();
        return null;
    }
  });
}

export class LightningWire {
  private port: PanelPort | null = null;
  private readonly listeners = new Set<string>();
  private apiVersion = 57;

  constructor(private readonly host: MockHost) {
    host.push = (kind, payload) => this.push(kind, payload);
  }

  /** A panel instance now speaks through `port`; registrations of the one before died with it. */
  connect(port: PanelPort, listeners: readonly string[] = []): void {
    this.port = port;
    this.listeners.clear();
    for (const name of listeners) if ((LIGHTNING_LISTENERS as readonly string[]).includes(name)) this.listeners.add(name);
  }

  disconnect(port: PanelPort): void {
    if (this.port !== port) return;
    this.port = null;
    this.listeners.clear();
  }

  /** A message that arrived on this window from a frame that should be the softphone. */
  onMessage(event: MessageEvent<unknown>, panelWindow: Window | null | undefined, port: PanelPort): void {
    const refused = checkSender(event, this.host.params.panelOrigin, panelWindow);
    if (refused) {
      this.host.logWire('dropped', `${refused} ${describeData(event.data)}`);
      return;
    }
    this.receive(event.data, port);
  }

  /** A message from the softphone whose sender was checked (here, or by the pop-out window). */
  receive(data: unknown, port: PanelPort): void {
    const request = parseLightningRequest(data);
    if (typeof request === 'string') {
      this.host.logWire('dropped', `${port.name}: ${request} ${describeData(data)}`);
      return;
    }
    if (port !== this.port) {
      this.host.logWire('dropped', `${port.name}: not the connected softphone ${describeData(data)}`);
      return;
    }
    this.host.logWire('in', `${port.name}: ${summarize({ ...request })}`);
    this.apiVersion = request.apiVersion;
    if (request.isListenerRegistered && (LIGHTNING_LISTENERS as readonly string[]).includes(request.methodName)) this.listeners.add(request.methodName);
    void dispatch(this.host, request).then((result) => {
      if (!request.isCallbackRegistered) return;
      this.send(port, {
        apiVersion: request.apiVersion,
        apiType: 'opencti',
        methodName: request.methodName,
        callId: request.callId,
        response: toResponse(result),
        shouldExecuteCallback: true,
      });
    });
  }

  private send(port: PanelPort, message: Record<string, unknown>): void {
    this.host.logWire('out', `${port.name}: ${summarize(message)}`);
    port.post(message);
  }

  private push(kind: 'clickToDial' | 'navigation', payload: unknown): void {
    const methodName = kind === 'clickToDial' ? 'onClickToDial' : 'onNavigationChange';
    if (!this.port || !this.listeners.has(methodName)) return;
    this.send(this.port, { apiVersion: this.apiVersion, apiType: 'opencti', methodName, response: payload, shouldExecuteListener: true });
  }
}
