/**
 * Lightning's postMessage wire between the panel's Open CTI script (`opencti_min.js`) and the host
 * page, as Salesforce's own script speaks it: one object per call, answered by callId. Both sides
 * check the origin and the shape of every message. Classic's wire is in `interaction-wire.ts`.
 */

/** Every `sforce.opencti` method and the argument names it sends. */
export const LIGHTNING_METHODS = {
  getCallCenterSettings: [],
  getSoftphoneLayout: [],
  getAppViewInfo: [],
  onNavigationChange: [],
  enableClickToDial: [],
  disableClickToDial: [],
  onClickToDial: [],
  searchAndScreenPop: ['searchParams', 'callType', 'queryParams', 'defaultFieldValues', 'deferred', 'params'],
  screenPop: ['type', 'params'],
  saveLog: ['object'],
  runApex: ['apexClass', 'methodName', 'methodParams'],
  setSoftphonePanelVisibility: ['visible'],
  isSoftphonePanelVisible: [],
  setSoftphonePanelHeight: ['heightPX'],
  setSoftphonePanelWidth: ['widthPX'],
  setSoftphonePanelLabel: ['label'],
  setSoftphoneItemLabel: ['label'],
  setSoftphonePanelIcon: ['key'],
  setSoftphoneItemIcon: ['key'],
  refreshView: [],
  notifyInitializationComplete: [],
} as const satisfies Record<string, readonly string[]>;

export type LightningMethod = keyof typeof LIGHTNING_METHODS;
export const LIGHTNING_LISTENERS = ['onClickToDial', 'onNavigationChange'] as const;

export interface LightningRequest {
  methodName: LightningMethod;
  callId: number;
  apiVersion: number;
  apiType: 'opencti';
  isCallbackRegistered: boolean;
  isListenerRegistered: boolean;
  args: Record<string, unknown>;
}

export interface HostResponse {
  success: boolean;
  returnValue: unknown;
  errors: { code: string; description: string; details?: unknown }[] | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The host's shape check: anything else is dropped (and logged by the mock page). */
export function parseLightningRequest(data: unknown): LightningRequest | string {
  if (!isObject(data)) return 'not an object';
  if (data.apiType !== 'opencti') return 'apiType is not opencti';
  if (typeof data.methodName !== 'string' || !Object.hasOwn(LIGHTNING_METHODS, data.methodName)) return `unknown methodName ${String(data.methodName)}`;
  if (!Number.isInteger(data.callId) || (data.callId as number) < 0) return 'callId is not a counter';
  if (typeof data.apiVersion !== 'number' || !Number.isFinite(data.apiVersion)) return 'apiVersion is not a number';
  if (typeof data.isCallbackRegistered !== 'boolean' || typeof data.isListenerRegistered !== 'boolean') return 'registration flags missing';
  if (!isObject(data.args)) return 'args is not an object';
  return data as unknown as LightningRequest;
}
