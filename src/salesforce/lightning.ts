/** The Lightning Experience host: `sforce.opencti`, promisified, with timeouts and validation. */
import { apexMethodParams } from './apex-params';
import type { ReportHostDiagnostic } from './diagnostics';
import { deferredPopSchema, firstError, openCtiResponseSchema, runApexResultSchema, parseClickToDial, parseNavigation, parseSearchRecords, parseSettings } from './payloads';
import type { SforceOpenCti } from './opencti-api';
import {
  HostError,
  type ClickToDialRequest,
  type CtiHost,
  type HostErrorCode,
  type NavigationInfo,
  type SearchRequest,
  type SearchResult,
} from './types';

const KNOWN_CODES: ReadonlySet<string> = new Set<HostErrorCode>(['INVALID_PARAM', 'GENERIC_ERROR', 'SERVER_ERROR', 'SOFTPHONE_CONTAINER_ERROR']);
const isKnownCode = (code: string | null): code is HostErrorCode => code !== null && KNOWN_CODES.has(code);

export class LightningHost implements CtiHost {
  readonly kind = 'lightning' as const;

  constructor(
    private readonly api: SforceOpenCti,
    private readonly report: ReportHostDiagnostic,
    private readonly timeoutMs = 15_000,
  ) {}

  private call(method: string, run: (callback: (response: unknown) => void) => void): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new HostError('TIMEOUT', `Salesforce did not answer ${method}.`)), this.timeoutMs);
      try {
        run((raw: unknown) => {
          clearTimeout(timer);
          // Whatever reaches a callback came over postMessage: check the envelope before trusting it.
          const parsed = openCtiResponseSchema.safeParse(raw);
          if (!parsed.success) {
            this.report({ kind: 'response', message: `${method}: the answer is not an Open CTI response.` });
            reject(new HostError('BAD_RESPONSE', `Salesforce's answer to ${method} was not understood.`));
            return;
          }
          const response = parsed.data;
          if (response.success) {
            resolve(response.returnValue);
            return;
          }
          const first = firstError(response.errors);
          reject(new HostError(isKnownCode(first.code) ? first.code : 'GENERIC_ERROR', first.description ?? `${method} failed.`));
        });
      } catch (error) {
        clearTimeout(timer);
        reject(new HostError('UNAVAILABLE', `${method}: ${error instanceof Error ? error.message : String(error)}`));
      }
    });
  }

  async getCallCenterSettings(): Promise<Record<string, string>> {
    return parseSettings(await this.call('getCallCenterSettings', (callback) => this.api.getCallCenterSettings({ callback })), this.report);
  }

  notifyInitializationComplete(): void {
    this.api.notifyInitializationComplete();
  }

  async searchAndScreenPop(request: SearchRequest): Promise<SearchResult> {
    const value = await this.call('searchAndScreenPop', (callback) =>
      this.api.searchAndScreenPop({
        searchParams: request.searchParams,
        callType: request.callType,
        deferred: request.deferred,
        // Documented as the query string a Visualforce pop page gets: which BIZTEL call it pops for.
        // (`params` is an object for flows only; the panel sends none.)
        queryParams: `biztelCallId=${encodeURIComponent(request.callId)}`,
        defaultFieldValues: request.searchParams ? { Phone: request.searchParams } : {},
        callback,
      }),
    );
    const { records, deferredPop } = parseSearchRecords(value, this.report);
    return { records, deferredPop };
  }

  async popRecord(recordId: string): Promise<void> {
    await this.call('screenPop', (callback) => this.api.screenPop({ type: 'sobject', params: { recordId }, callback }));
  }

  async popDeferred(result: SearchResult): Promise<void> {
    const data = deferredPopSchema.safeParse(result.deferredPop);
    if (!data.success || data.data === null) return; // the layout pops nothing for this search
    const { type, params } = data.data;
    await this.call('screenPop', (callback) => this.api.screenPop({ type, params, callback }));
  }

  async runApex(apexClass: string, methodName: string, params: Record<string, string>): Promise<string> {
    const methodParams = apexMethodParams(params);
    const value = await this.call('runApex', (callback) => this.api.runApex({ apexClass, methodName, methodParams, callback }));
    const result = runApexResultSchema.safeParse(value);
    if (!result.success) throw new HostError('BAD_RESPONSE', `${apexClass}.${methodName} returned no text.`);
    return result.data.runApex;
  }

  async setClickToDial(enabled: boolean): Promise<void> {
    await this.call(enabled ? 'enableClickToDial' : 'disableClickToDial', (callback) =>
      enabled ? this.api.enableClickToDial({ callback }) : this.api.disableClickToDial({ callback }),
    );
  }

  onClickToDial(listener: (request: ClickToDialRequest) => void, onInvalid: (reason: string) => void): void {
    this.api.onClickToDial({
      listener: (payload) => {
        const parsed = parseClickToDial(payload, this.report);
        if (parsed.ok) listener(parsed.request);
        else onInvalid(parsed.reason);
      },
    });
  }

  async getNavigation(): Promise<NavigationInfo> {
    const value = await this.call('getAppViewInfo', (callback) => this.api.getAppViewInfo({ callback }));
    return parseNavigation(value, this.report) ?? { recordId: null, recordName: null, objectType: null, url: null };
  }

  onNavigationChange(listener: (info: NavigationInfo) => void): void {
    this.api.onNavigationChange({
      listener: (payload) => {
        const info = parseNavigation(payload, this.report);
        if (info) listener(info);
      },
    });
  }

  async setPanelVisible(visible: boolean): Promise<void> {
    await this.call('setSoftphonePanelVisibility', (callback) => this.api.setSoftphonePanelVisibility({ visible, callback }));
  }

  async setItemLabel(label: string): Promise<void> {
    await this.call('setSoftphoneItemLabel', (callback) => this.api.setSoftphoneItemLabel({ label, callback }));
  }

  async setItemIcon(key: string): Promise<void> {
    await this.call('setSoftphoneItemIcon', (callback) => this.api.setSoftphoneItemIcon({ key, callback }));
  }

  async refreshRecordView(): Promise<void> {
    await this.call('refreshView', (callback) => this.api.refreshView({ callback }));
  }

  getDirectoryNumbers(): Promise<null> {
    return Promise.resolve(null); // Lightning has no getDirectoryNumbers; the package's Apex provides them
  }
}
