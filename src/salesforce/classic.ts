/**
 * The Salesforce Classic host: `sforce.interaction` (positional arguments, `{result, error}`
 * answers, many results as JSON text). Classic has no deferred search; the package's Apex finds
 * records for linking instead, and Classic never pops outbound calls (the policy knows).
 */
import { apexMethodParams } from './apex-params';
import { parseClickToDial, parseNavigation, parseSearchRecords, parseSettings } from './payloads';
import {
  HostError,
  type ClickToDialRequest,
  type CtiHost,
  type DirectoryNumber,
  type NavigationInfo,
  type SearchRequest,
  type SearchResult,
} from './types';

export interface ClassicResponse {
  result?: unknown;
  error?: unknown;
}
type Cb = (response: ClassicResponse) => void;

export interface SforceInteraction {
  cti: {
    getCallCenterSettings(cb: Cb): void;
    getSoftphoneLayout(cb: Cb): void;
    getDirectoryNumbers(isGlobal: boolean, callCenterName: string | null, cb: Cb, resultSetPage?: number, resultSetPageSize?: number): void;
    enableClickToDial(cb: Cb): void;
    disableClickToDial(cb: Cb): void;
    onClickToDial(listener: Cb): void;
    notifyInitializationComplete(): void;
  };
  searchAndScreenPop(searchParams: string, queryParams: string, callType: string, cb: Cb): void;
  screenPop(url: string, force: boolean, cb: Cb): void;
  runApex(apexClass: string, methodName: string, methodParams: string, cb: Cb): void;
  setVisible(visible: boolean, cb: Cb): void;
  getPageInfo(cb: Cb): void;
  onFocus(listener: Cb): void;
}

const APEX_CLASS = 'BIZTELOpenCTIController';
/** Salesforce's default page size for getDirectoryNumbers (its maximum is 10,000). */
export const DIRECTORY_PAGE_SIZE = 5000;
/** A bound on the pages read, in case a host keeps saying hasNext: 100,000 numbers. */
const DIRECTORY_MAX_PAGES = 20;

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

/** Classic says "no record" with empty strings (a phone field off a record page, the home tab): null. */
const blankless = (value: unknown): unknown => (value === '' || value === undefined ? null : value);

/** Classic search results name the object in `object`, not `RecordType`. */
function classicRecords(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [id, entry] of Object.entries(value)) {
    const record = (entry ?? {}) as Record<string, unknown>;
    out[id] = { Id: id, RecordType: record.object, ...record };
  }
  return out;
}

export class ClassicHost implements CtiHost {
  readonly kind = 'classic' as const;

  constructor(
    private readonly api: SforceInteraction,
    private readonly timeoutMs = 15_000,
  ) {}

  private call(method: string, run: (cb: Cb) => void): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new HostError('TIMEOUT', `Salesforce did not answer ${method}.`)), this.timeoutMs);
      try {
        run((response) => {
          clearTimeout(timer);
          if (response && response.error !== undefined && response.error !== null && response.error !== '') {
            reject(new HostError('SERVER_ERROR', typeof response.error === 'string' ? response.error : JSON.stringify(response.error)));
          } else resolve(response?.result);
        });
      } catch (error) {
        clearTimeout(timer);
        reject(new HostError('UNAVAILABLE', `${method}: ${error instanceof Error ? error.message : String(error)}`));
      }
    });
  }

  async getCallCenterSettings(): Promise<Record<string, string>> {
    return parseSettings(parseJson(await this.call('getCallCenterSettings', (cb) => this.api.cti.getCallCenterSettings(cb))));
  }

  notifyInitializationComplete(): void {
    this.api.cti.notifyInitializationComplete();
  }

  /**
   * The objects the admin's softphone layout searches for this call type, so that linking without a
   * pop looks where a pop would (custom objects too). Empty when the layout cannot be read: the Apex
   * then searches Contact, Lead and Account.
   */
  private async layoutObjects(callType: SearchRequest['callType']): Promise<string[]> {
    try {
      const layout = parseJson(await this.call('getSoftphoneLayout', (cb) => this.api.cti.getSoftphoneLayout(cb)));
      const key = callType === 'inbound' ? 'Inbound' : callType === 'outbound' ? 'Outbound' : 'Internal';
      const objects = (layout as Record<string, { objects?: unknown } | undefined> | null)?.[key]?.objects;
      if (objects === null || typeof objects !== 'object') return [];
      return Object.keys(objects).filter((name) => /^[A-Za-z][A-Za-z0-9_]{0,79}$/.test(name)).slice(0, 46);
    } catch {
      return [];
    }
  }

  async searchAndScreenPop(request: SearchRequest): Promise<SearchResult> {
    if (request.deferred) {
      const objects = await this.layoutObjects(request.callType);
      const text = await this.runApex(APEX_CLASS, 'searchPhone', { phone: request.searchParams, objects: objects.join(',') });
      const list = parseJson(text);
      const map: Record<string, unknown> = {};
      if (Array.isArray(list)) {
        for (const r of list as unknown[]) {
          const id = (r as { Id?: unknown } | null)?.Id;
          if (typeof id === 'string') map[id] = r;
        }
      }
      return { records: parseSearchRecords(map).records, deferredPop: null };
    }
    const value = await this.call('searchAndScreenPop', (cb) =>
      this.api.searchAndScreenPop(request.searchParams, `biztelCallId=${encodeURIComponent(request.callId)}`, request.callType, cb),
    );
    return { records: parseSearchRecords(classicRecords(parseJson(value))).records, deferredPop: null };
  }

  async popRecord(recordId: string): Promise<void> {
    await this.call('screenPop', (cb) => this.api.screenPop(`/${recordId}`, true, cb));
  }

  async popDeferred(_result: SearchResult, request: SearchRequest): Promise<void> {
    await this.searchAndScreenPop({ ...request, deferred: false });
  }

  async runApex(apexClass: string, methodName: string, params: Record<string, string>): Promise<string> {
    const value = await this.call('runApex', (cb) => this.api.runApex(apexClass, methodName, apexMethodParams(params), cb));
    if (typeof value !== 'string') throw new HostError('BAD_RESPONSE', `${apexClass}.${methodName} returned no text.`);
    return value;
  }

  async setClickToDial(enabled: boolean): Promise<void> {
    await this.call(enabled ? 'enableClickToDial' : 'disableClickToDial', (cb) =>
      enabled ? this.api.cti.enableClickToDial(cb) : this.api.cti.disableClickToDial(cb),
    );
  }

  onClickToDial(listener: (request: ClickToDialRequest) => void, onInvalid: (reason: string) => void): void {
    this.api.cti.onClickToDial((response) => {
      const raw = parseJson(response?.result) as Record<string, unknown> | null;
      const parsed = parseClickToDial(
        raw && typeof raw === 'object'
          ? { number: raw.number, recordId: blankless(raw.objectId), recordName: blankless(raw.objectName) ?? blankless(raw.displayName), objectType: blankless(raw.object) }
          : raw,
      );
      if (parsed.ok) listener(parsed.request);
      else onInvalid(parsed.reason);
    });
  }

  private static pageInfo(value: unknown): NavigationInfo | null {
    const raw = parseJson(value) as Record<string, unknown> | null;
    if (!raw || typeof raw !== 'object') return null;
    return parseNavigation({ url: raw.url ?? null, recordId: blankless(raw.objectId), recordName: blankless(raw.objectName), objectType: blankless(raw.object) });
  }

  async getNavigation(): Promise<NavigationInfo> {
    const value = await this.call('getPageInfo', (cb) => this.api.getPageInfo(cb));
    return ClassicHost.pageInfo(value) ?? { recordId: null, recordName: null, objectType: null, url: null };
  }

  onNavigationChange(listener: (info: NavigationInfo) => void): void {
    this.api.onFocus((response) => {
      const info = ClassicHost.pageInfo(response?.result);
      if (info) listener(info);
    });
  }

  async setPanelVisible(visible: boolean): Promise<void> {
    await this.call('setVisible', (cb) => this.api.setVisible(visible, cb));
  }

  setPanelLabel(): Promise<void> {
    return Promise.resolve(); // the Classic left pane has no label
  }

  setPanelIcon(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * Every directory number, page by page: Classic answers at most `resultSetPageSize` numbers a call
   * and says `hasNext` when there are more.
   */
  async getDirectoryNumbers(): Promise<DirectoryNumber[]> {
    const numbers: DirectoryNumber[] = [];
    for (let page = 0; page < DIRECTORY_MAX_PAGES; page += 1) {
      const value = parseJson(
        await this.call('getDirectoryNumbers', (cb) => this.api.cti.getDirectoryNumbers(false, null, cb, page, DIRECTORY_PAGE_SIZE)),
      ) as { directoryNumbers?: unknown; hasNext?: unknown } | null;
      const list = value?.directoryNumbers;
      if (!Array.isArray(list)) break;
      for (const entry of list as unknown[]) {
        const e = entry as { name?: unknown; phone?: unknown } | null;
        if (e && typeof e.name === 'string' && typeof e.phone === 'string') numbers.push({ name: e.name, phone: e.phone });
      }
      // An empty page that claims more would loop for nothing.
      if (value?.hasNext !== true || list.length === 0) break;
    }
    return numbers;
  }
}
