/**
 * The Lightning host's side of Salesforce's Open CTI wire protocol (OPENCTI.md §3): origin, source
 * and shape checks on every message, one answer per callback, listener pushes.
 */
import type { CallTypeKey } from '../org/types';
import { parseLightningRequest, type HostResponse, type LightningRequest } from '../wire';
import type { MockHost, OpResult } from './host-core';

const CALL_TYPES = new Set(['inbound', 'outbound', 'internal']);

function invalid(description: string): never {
  throw Object.assign(new Error(description), { invalidParam: true });
}

function dispatch(host: MockHost, request: LightningRequest): Promise<OpResult> {
  const { args, methodName } = request;
  const text = (name: string) => (typeof args[name] === 'string' ? (args[name]) : '');
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
      case 'refreshView':
        return null;
      case 'enableClickToDial':
      case 'disableClickToDial':
        host.setClickToDial(methodName === 'enableClickToDial');
        return null;
      case 'searchAndScreenPop': {
        if (!CALL_TYPES.has(text('callType'))) invalid('callType must be inbound, outbound or internal.');
        const deferred = args.deferred === true;
        const { map, popData } = await host.searchAndScreenPop({ searchParams: text('searchParams'), callType: text('callType') as CallTypeKey, deferred });
        return deferred && popData ? { ...map, SCREEN_POP_DATA: popData } : map;
      }
      case 'screenPop':
        host.screenPop(text('type'), (args.params ?? {}) as Record<string, unknown>);
        return null;
      case 'saveLog': {
        const value = args.object;
        if (!value || typeof value !== 'object') invalid('saveLog needs a value object.');
        return host.saveLog(value as Record<string, unknown>);
      }
      case 'runApex':
        if (!text('apexClass') || !text('methodName')) invalid('runApex needs apexClass and methodName.');
        return { runApex: await host.runApex(text('apexClass'), text('methodName'), text('methodParams')) };
      case 'setSoftphonePanelVisibility':
        if (typeof args.visible !== 'boolean') invalid('visible must be true or false.');
        host.store.setState({ panelVisible: args.visible });
        return null;
      case 'isSoftphonePanelVisible':
        return { visible: host.store.getState().panelVisible };
      case 'setSoftphonePanelHeight': {
        const px = Number(args.heightPX);
        if (!Number.isInteger(px) || px < 240 || px > 2560) invalid('heightPX must be 240–2560.');
        host.store.setState({ panelHeight: px });
        return null;
      }
      case 'setSoftphonePanelWidth': {
        const px = Number(args.widthPX);
        if (!Number.isInteger(px) || px < 200 || px > 1920) invalid('widthPX must be 200–1920.');
        host.store.setState({ panelWidth: px });
        return null;
      }
      case 'setSoftphonePanelLabel':
      case 'setSoftphoneItemLabel':
        host.store.setState({ panelLabel: text('label').slice(0, 80) });
        return null;
      case 'setSoftphonePanelIcon':
      case 'setSoftphoneItemIcon':
        host.store.setState({ panelIcon: text('key').slice(0, 80) });
        return null;
      case 'notifyInitializationComplete':
        host.initializationComplete();
        return null;
    }
  });
}

function toResponse(result: OpResult): HostResponse {
  return result.ok
    ? { success: true, returnValue: result.value, errors: null }
    : { success: false, returnValue: null, errors: [{ code: result.code, description: result.description }] };
}

/** Listens to the panel frame; returns a function that stops listening. */
export function attachLightningWire(host: MockHost, frame: () => HTMLIFrameElement | null): () => void {
  let apiVersion = 57;
  const listeners = new Set<string>();
  const post = (message: Record<string, unknown>) => {
    const target = frame()?.contentWindow;
    if (!target) return;
    host.logWire('out', JSON.stringify(message));
    target.postMessage(message, host.params.panelOrigin);
  };

  host.push = (kind, payload) => {
    const methodName = kind === 'clickToDial' ? 'onClickToDial' : 'onNavigationChange';
    if (!listeners.has(methodName)) return;
    post({ apiVersion, apiType: 'opencti', methodName, response: payload, shouldExecuteListener: true });
  };

  const onMessage = (event: MessageEvent<unknown>) => {
    const source = frame()?.contentWindow;
    if (event.origin !== host.params.panelOrigin || !source || event.source !== source) {
      host.logWire('dropped', `from ${event.origin}: not the panel's origin and frame`);
      return;
    }
    const request = parseLightningRequest(event.data);
    if (typeof request === 'string') {
      host.logWire('dropped', `from ${event.origin}: ${request}`);
      return;
    }
    host.logWire('in', JSON.stringify(request));
    apiVersion = request.apiVersion;
    if (request.isListenerRegistered) listeners.add(request.methodName);
    void dispatch(host, request).then((result) => {
      if (!request.isCallbackRegistered) return;
      post({
        apiVersion: request.apiVersion,
        apiType: 'opencti',
        methodName: request.methodName,
        callId: request.callId,
        response: toResponse(result),
        shouldExecuteCallback: true,
      });
    });
  };
  window.addEventListener('message', onMessage);
  return () => window.removeEventListener('message', onMessage);
}
