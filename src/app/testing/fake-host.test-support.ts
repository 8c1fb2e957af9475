/**
 * Test support: an in-memory Salesforce behind `CtiHost`, with the package's Apex upsert (one Task
 * per CallObject), a fixed phone book, and searches that can be held back to play a slow Salesforce.
 */
import type { TaskFields } from '../../domain/call-log';
import type { Call } from '../../protocol';
import { makeCall } from '../../protocol/fixtures';
import { HostError, type CtiHost, type FoundRecord, type HostKind, type NavigationInfo, type SearchRequest, type SearchResult } from '../../salesforce/types';
import { createPanelStore, newCallEntry, type CallEntry, type PanelStore } from '../store';

export const YAMADA: FoundRecord = { recordId: '0035555000001AA', name: '山田 太郎', objectType: 'Contact' };
/** Two Contacts who share one number (the related-record choice). */
export const TAKAHASHI: FoundRecord = { recordId: '0035555000003AA', name: '高橋 健', objectType: 'Contact' };
export const TANAKA: FoundRecord = { recordId: '0035555000004AA', name: '田中 美咲', objectType: 'Contact' };
const PHONE_BOOK: Record<string, FoundRecord[]> = { '0355550101': [YAMADA], '0453334444': [TAKAHASHI, TANAKA] };

/**
 * A call as the store keeps it once it has ended, searched and not yet logged: by default completed
 * after talk from 1 s to 5 s (`makeCall`'s other fields); a call that was not completed never
 * connected unless `call` says so.
 */
export function endedEntry(call: Partial<Call> = {}, entry: Partial<Omit<CallEntry, 'call'>> = {}): CallEntry {
  const endReason = call.endReason ?? 'completed';
  const ended = makeCall({ state: 'ended', connectedAt: endReason === 'completed' ? 1000 : null, endedAt: 5000, ...call, endReason });
  return { ...newCallEntry(ended, null), searched: true, ...entry };
}

export type HostCall =
  | { method: 'search'; request: SearchRequest; at: number }
  | { method: 'popRecord'; recordId: string; at: number }
  | { method: 'popDeferred'; deferredPop: unknown; at: number }
  | { method: 'upsertCallLog'; task: TaskFields; at: number }
  | { method: 'refreshRecordView'; at: number };

export interface FakeHostOptions {
  kind?: HostKind;
  /** Holds each search until this resolves (a slow Salesforce). */
  searchGate?: () => Promise<void>;
  /** The first this-many searches fail as Salesforce's SERVER_ERROR. */
  failSearches?: number;
  now?: () => number;
}

export class FakeHost implements CtiHost {
  readonly kind: HostKind;
  readonly calls: HostCall[] = [];
  /** The org's Tasks by CallObject, as the Apex upsert keeps them. */
  readonly tasks = new Map<string, TaskFields & { Id: string }>();
  private readonly now: () => number;

  constructor(private readonly options: FakeHostOptions = {}) {
    this.kind = options.kind ?? 'lightning';
    this.now = options.now ?? Date.now;
  }

  get searches(): SearchRequest[] {
    return this.calls.flatMap((c) => (c.method === 'search' ? [c.request] : []));
  }

  /** Navigations: what the agent saw open by itself. */
  get pops(): HostCall[] {
    return this.calls.filter((c) => c.method === 'popRecord' || c.method === 'popDeferred' || (c.method === 'search' && !c.request.deferred));
  }

  getCallCenterSettings(): Promise<Record<string, string>> {
    return Promise.resolve({});
  }

  notifyInitializationComplete(): void {}

  async searchAndScreenPop(request: SearchRequest): Promise<SearchResult> {
    this.calls.push({ method: 'search', request, at: this.now() });
    await this.options.searchGate?.();
    if ((this.options.failSearches ?? 0) > 0) {
      this.options.failSearches = (this.options.failSearches ?? 0) - 1;
      throw new HostError('SERVER_ERROR', 'The search failed.');
    }
    const records = PHONE_BOOK[request.searchParams] ?? [];
    const only = records.length === 1 ? records[0] : undefined;
    // Lightning hands back what the layout would pop, for screenPop later (SCREEN_POP_DATA).
    const deferredPop = request.deferred && this.kind === 'lightning' && only ? { type: 'sobject', params: { recordId: only.recordId } } : null;
    return { records, deferredPop };
  }

  popRecord(recordId: string): Promise<void> {
    this.calls.push({ method: 'popRecord', recordId, at: this.now() });
    return Promise.resolve();
  }

  popDeferred(result: SearchResult, request: SearchRequest): Promise<void> {
    if (this.kind === 'classic') return this.searchAndScreenPop({ ...request, deferred: false }).then(() => {});
    this.calls.push({ method: 'popDeferred', deferredPop: result.deferredPop, at: this.now() });
    return Promise.resolve();
  }

  runApex(_apexClass: string, methodName: string, params: Record<string, string>): Promise<string> {
    if (methodName === 'getUserInfo') return Promise.resolve(JSON.stringify({ userId: '0055555000001AA', language: 'en_US' }));
    if (methodName !== 'upsertCallLog' && methodName !== 'fillCallLog') return Promise.resolve('[]');
    const task = JSON.parse(params.log ?? '{}') as TaskFields;
    this.calls.push({ method: 'upsertCallLog', task, at: this.now() });
    const existing = this.tasks.get(task.CallObject);
    const id = existing?.Id ?? `00T${String(this.tasks.size + 1).padStart(12, '0')}`;
    // fillCallLog, as the Apex: only what the Task has empty is set.
    const kept = methodName === 'fillCallLog' && existing ? Object.fromEntries(Object.entries(existing).filter(([, v]) => v !== '' && v !== undefined && v !== null)) : {};
    this.tasks.set(task.CallObject, { ...(existing ?? {}), ...task, ...kept, Id: id });
    return Promise.resolve(id);
  }

  setClickToDial(): Promise<void> {
    return Promise.resolve();
  }

  onClickToDial(): void {}

  getNavigation(): Promise<NavigationInfo> {
    return Promise.resolve({ recordId: null, recordName: null, objectType: null, url: null });
  }

  onNavigationChange(): void {}

  setPanelVisible(): Promise<void> {
    return Promise.resolve();
  }

  setItemLabel(): Promise<void> {
    return Promise.resolve();
  }

  setItemIcon(): Promise<void> {
    return Promise.resolve();
  }

  refreshRecordView(): Promise<void> {
    this.calls.push({ method: 'refreshRecordView', at: this.now() });
    return Promise.resolve();
  }

  getDirectoryNumbers(): Promise<null> {
    return Promise.resolve(null);
  }
}

/** A store as the leader's has it: started in a Salesforce UI, connected to a server of `version`. */
export function leaderStore(options: { hostKind?: HostKind; version?: string; calls?: CallEntry[]; legacyPopupMode?: string | null } = {}): PanelStore {
  const store = createPanelStore('en');
  const s = store.getState();
  s.frameHosted(options.hostKind ?? 'lightning', null, null);
  s.frameStarted({ serverUrl: 'https://s1.u.biztel.jp:8000/', legacyPopupMode: options.legacyPopupMode ?? null, salesforceLang: 'en', keepsSession: true });
  if (options.version) s.helloReceived({ product: 'BIZTEL', protocol: 1, serverVersion: options.version, scheduledUpgrade: null, serverTime: 0 }, 0, true);
  for (const entry of options.calls ?? []) s.callChanged(entry);
  return store;
}
