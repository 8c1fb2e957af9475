/**
 * The one interface the panel uses to talk to Salesforce. Open CTI is in maintenance mode and will be
 * retired; everything Salesforce-specific stays behind this, so another host can replace it.
 */
import * as z from 'zod/mini';
import type { CallType, HostKind } from '../domain/pop-policy';
import { salesforceIdSchema } from '../protocol';

export type { CallType, HostKind };

export type HostErrorCode =
  | 'INVALID_PARAM'
  | 'GENERIC_ERROR'
  | 'SERVER_ERROR'
  | 'SOFTPHONE_CONTAINER_ERROR'
  | 'TIMEOUT'
  | 'UNAVAILABLE'
  | 'BAD_RESPONSE';

export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

/** A record a search found. A schema because it also crosses the tab channel. */
export const foundRecordSchema = z.object({
  recordId: salesforceIdSchema,
  name: z.string().check(z.maxLength(255)),
  objectType: z.string().check(z.maxLength(80)),
});
export type FoundRecord = z.infer<typeof foundRecordSchema>;

export interface SearchResult {
  records: FoundRecord[];
  /** Lightning deferred searches: what the layout would pop, for `popDeferred` later. */
  deferredPop: unknown;
}

export interface SearchRequest {
  /** National digits, or '' for an anonymous caller (the layout's no-match rule decides). */
  searchParams: string;
  callType: CallType;
  /** true: find and remember, navigate nowhere. */
  deferred: boolean;
  /** Opaque parameters Salesforce hands back (the BIZTEL call id). */
  callId: string;
}

export interface NavigationInfo {
  recordId: string | null;
  recordName: string | null;
  objectType: string | null;
  url: string | null;
}

/** A click on a Phone field, validated. */
export interface ClickToDialRequest {
  number: string;
  recordId: string | null;
  recordName: string | null;
  objectType: string | null;
}

export interface DirectoryNumber {
  name: string;
  phone: string;
}

export interface CtiHost {
  readonly kind: HostKind;
  getCallCenterSettings(): Promise<Record<string, string>>;
  notifyInitializationComplete(): void;
  searchAndScreenPop(request: SearchRequest): Promise<SearchResult>;
  /** Pops a record page (screen transfer, or the agent's pick). */
  popRecord(recordId: string): Promise<void>;
  /** Pops what a deferred search found (Lightning); Classic searches again. */
  popDeferred(result: SearchResult, request: SearchRequest): Promise<void>;
  runApex(apexClass: string, methodName: string, params: Record<string, string>): Promise<string>;
  setClickToDial(enabled: boolean): Promise<void>;
  onClickToDial(listener: (request: ClickToDialRequest) => void, onInvalid: (reason: string) => void): void;
  getNavigation(): Promise<NavigationInfo>;
  onNavigationChange(listener: (info: NavigationInfo) => void): void;
  setPanelVisible(visible: boolean): Promise<void>;
  /** The label and icon of the softphone's item in Lightning's utility bar: what the agent sees while the panel is minimised. */
  setItemLabel(label: string): Promise<void>;
  setItemIcon(key: string): Promise<void>;
  /** Shows the record page's activities again after a call log was written (the page does not refresh by itself). */
  refreshRecordView(): Promise<void>;
  /** Classic has getDirectoryNumbers; Lightning gets them through the package's Apex. */
  getDirectoryNumbers(): Promise<DirectoryNumber[] | null>;
}
