/**
 * The Salesforce Classic host: `sforce.interaction` (positional arguments, `{result, error}`
 * answers, many results as JSON text). Classic has no deferred search; the package's Apex finds
 * records for linking instead, and Classic never pops outbound calls (the policy knows).
 */
import { apexMethodParams } from './apex-params';
import {
  OBJECT_NAME,
  classicLayoutSchema,
  classicRecordRefSchema,
  classicSearchSchema,
  directoryEntrySchema,
  directoryPageSchema,
  parseJson,
  recordRefInPanelNames,
  searchPhoneSchema,
} from './classic-payloads';
import type { ReportHostDiagnostic } from './diagnostics';
import type { ClassicResponse, SforceInteraction } from './opencti-api';
import { APEX_CLASS, APEX_METHODS } from './package-names';
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

/** Salesforce's default page size for getDirectoryNumbers (its maximum is 10,000). */
export const DIRECTORY_PAGE_SIZE = 5000;
/** A bound on the pages read, in case a host keeps saying hasNext: 100,000 numbers. */
const DIRECTORY_MAX_PAGES = 20;

export class ClassicHost implements CtiHost {
  readonly kind = 'classic' as const;

  constructor(
    private readonly api: SforceInteraction,
    private readonly report: ReportHostDiagnostic,
    private readonly timeoutMs = 15_000,
  ) {}

  private call(method: string, run: (cb: (response: ClassicResponse) => void) => void): Promise<unknown> {
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
    return parseSettings(parseJson(await this.call('getCallCenterSettings', (cb) => this.api.cti.getCallCenterSettings(cb))), this.report);
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
      const layout = classicLayoutSchema.safeParse(parseJson(await this.call('getSoftphoneLayout', (cb) => this.api.cti.getSoftphoneLayout(cb))));
      const key = callType === 'inbound' ? 'Inbound' : callType === 'outbound' ? 'Outbound' : 'Internal';
      const objects = layout.success ? layout.data[key]?.objects : undefined;
      // A layout searches at most 46 objects.
      return objects ? Object.keys(objects).filter((name) => OBJECT_NAME.test(name)).slice(0, 46) : [];
    } catch {
      return [];
    }
  }

  async searchAndScreenPop(request: SearchRequest): Promise<SearchResult> {
    if (request.deferred) {
      const objects = await this.layoutObjects(request.callType);
      const text = await this.runApex(APEX_CLASS, APEX_METHODS.searchPhone, { phone: request.searchParams, objects: objects.join(',') });
      const list = searchPhoneSchema.safeParse(parseJson(text));
      if (!list.success) this.report({ kind: 'searchRecord', message: 'searchPhone did not answer a list of records.' });
      const map = Object.fromEntries((list.success ? list.data : []).map((record) => [record.Id, record]));
      return { records: parseSearchRecords(map, this.report).records, deferredPop: null };
    }
    // queryParams is documented as query parameters for the pop's URL: a Visualforce pop page
    // learns which BIZTEL call it pops for; other pops ignore it.
    const value = await this.call('searchAndScreenPop', (cb) =>
      this.api.searchAndScreenPop(request.searchParams, `biztelCallId=${encodeURIComponent(request.callId)}`, request.callType, cb),
    );
    const found = classicSearchSchema.safeParse(parseJson(value));
    if (!found.success) {
      this.report({ kind: 'searchRecord', message: 'The search answer is not a map of records.' });
      return { records: [], deferredPop: null };
    }
    // Classic names the object in `object`, Lightning in `RecordType`: one shape for the shared checks.
    const records = Object.fromEntries(Object.entries(found.data ?? {}).map(([id, r]) => [id, { Id: id, RecordType: r?.object, ...r }]));
    return { records: parseSearchRecords(records, this.report).records, deferredPop: null };
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
      const ref = classicRecordRefSchema.safeParse(parseJson(response?.result));
      const parsed = parseClickToDial(ref.success ? { number: ref.data.number, ...recordRefInPanelNames(ref.data) } : null, this.report);
      if (parsed.ok) listener(parsed.request);
      else onInvalid(parsed.reason);
    });
  }

  private pageInfo(value: unknown): NavigationInfo | null {
    const ref = classicRecordRefSchema.safeParse(parseJson(value));
    if (!ref.success) {
      this.report({ kind: 'navigation', message: 'The page info is not an object.' });
      return null;
    }
    const { recordId, objectType } = recordRefInPanelNames(ref.data);
    // The page's own name, not a click's display name.
    return parseNavigation({ url: ref.data.url ?? null, recordId, recordName: ref.data.objectName || null, objectType }, this.report);
  }

  async getNavigation(): Promise<NavigationInfo> {
    const value = await this.call('getPageInfo', (cb) => this.api.getPageInfo(cb));
    return this.pageInfo(value) ?? { recordId: null, recordName: null, objectType: null, url: null };
  }

  onNavigationChange(listener: (info: NavigationInfo) => void): void {
    this.api.onFocus((response) => {
      const info = this.pageInfo(response?.result);
      if (info) listener(info);
    });
  }

  async setPanelVisible(visible: boolean): Promise<void> {
    await this.call('setVisible', (cb) => this.api.setVisible(visible, cb));
  }

  setItemLabel(): Promise<void> {
    return Promise.resolve(); // the Classic left pane has no utility-bar item
  }

  setItemIcon(): Promise<void> {
    return Promise.resolve();
  }

  /** Classic refreshes one related list of the page: the activity history, where a logged call goes. */
  async refreshRecordView(): Promise<void> {
    await this.call('refreshRelatedList', (cb) => this.api.refreshRelatedList('RelatedHistoryList', cb));
  }

  /**
   * Every directory number, page by page: Classic answers at most `resultSetPageSize` numbers a call
   * and says `hasNext` when there are more.
   */
  async getDirectoryNumbers(): Promise<DirectoryNumber[]> {
    const numbers: DirectoryNumber[] = [];
    for (let page = 0; page < DIRECTORY_MAX_PAGES; page += 1) {
      const value = directoryPageSchema.safeParse(
        parseJson(await this.call('getDirectoryNumbers', (cb) => this.api.cti.getDirectoryNumbers(false, null, cb, page, DIRECTORY_PAGE_SIZE))),
      );
      if (!value.success) break;
      const list = value.data.directoryNumbers;
      for (const entry of list) {
        const parsed = directoryEntrySchema.safeParse(entry);
        if (parsed.success) numbers.push({ name: parsed.data.name, phone: parsed.data.phone });
      }
      // An empty page that claims more would loop for nothing.
      if (value.data.hasNext !== true || list.length === 0) break;
    }
    return numbers;
  }
}
