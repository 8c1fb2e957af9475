/**
 * The fake Salesforce host: what Salesforce does for each Open CTI call, against the fake org.
 * Mode-agnostic; `lightning-wire.ts` and `classic-wire.ts` put it on their postMessage protocols.
 * It also owns what QA and tests inject: failures, session expiry, clicks and navigation.
 */
import { createStore } from 'zustand/vanilla';
import { LAYOUT_KEY, type CallTypeKey, type OrgRecord, type SoftphoneLayout } from '../org/types';
import { OrgRequestError, orgRequest, type OrgMirror } from './org-client';
import type { HostParams } from './params';
import { layoutPop, type PopAction } from './pops';

export type HostPage =
  | { kind: 'home' }
  | { kind: 'record'; recordId: string }
  | { kind: 'search'; searchString: string }
  | { kind: 'newRecord'; entityName: string; defaultFieldValues: Record<string, string> }
  | { kind: 'flow'; flowDevName: string }
  | { kind: 'url'; url: string };

/** CONTRACTS.md §4 `ScreenPop`. */
export interface ScreenPop {
  callType?: CallTypeKey;
  searchParams?: string;
  type: 'sobject' | 'search' | 'newRecord' | 'flow' | 'url';
  poppedRecordIds: string[];
  at: number;
}

export interface WireLogEntry {
  direction: 'in' | 'out' | 'dropped';
  at: number;
  text: string;
}

export interface HostState {
  page: HostPage;
  panelVisible: boolean;
  panelLabel: string;
  panelIcon: string;
  panelHeight: number | null;
  panelWidth: number | null;
  clickToDialEnabled: boolean;
  initialized: boolean;
  sessionExpired: boolean;
  log: WireLogEntry[];
}

export type OpResult = { ok: true; value: unknown } | { ok: false; code: 'INVALID_PARAM' | 'GENERIC_ERROR' | 'SERVER_ERROR'; description: string };

/** Methods that need the Salesforce server, so they fail while the session is expired. */
const NEEDS_SERVER = new Set(['runApex', 'saveLog', 'searchAndScreenPop', 'screenPop', 'getSoftphoneLayout', 'cti.getSoftphoneLayout']);

const LOG_LIMIT = 500;

export class MockHost {
  readonly store = createStore<HostState>()(() => ({
    page: { kind: 'home' },
    panelVisible: true,
    panelLabel: 'Phone',
    panelIcon: 'call',
    panelHeight: null,
    panelWidth: null,
    clickToDialEnabled: false,
    initialized: false,
    sessionExpired: false,
    log: [],
  }));
  private readonly callLog: { methodName: string; args: unknown; at: number }[] = [];
  private readonly popLog: ScreenPop[] = [];
  private readonly failures = new Map<string, { applied: boolean }[]>();
  private readonly failRates = new Map<string, number>();
  /** Set by the wire: sends a listener event (click-to-dial, navigation) to the panel. */
  push: (listener: 'clickToDial' | 'navigation', payload: unknown) => void = () => {};

  constructor(
    readonly params: HostParams,
    readonly org: OrgMirror,
  ) {}

  // ---- what tests read ----

  calls() {
    return this.callLog.map((c) => ({ ...c }));
  }

  screenPops(): ScreenPop[] {
    return this.popLog.map((p) => ({ ...p, poppedRecordIds: [...p.poppedRecordIds] }));
  }

  logWire(direction: WireLogEntry['direction'], text: string): void {
    this.store.setState((s) => ({ log: [...s.log.slice(-(LOG_LIMIT - 1)), { direction, at: Date.now(), text }] }));
  }

  clearLogs(): void {
    this.callLog.length = 0;
    this.popLog.length = 0;
    this.failures.clear();
    this.failRates.clear();
    this.store.setState({ log: [], sessionExpired: false, page: { kind: 'home' } });
  }

  // ---- failure injection ----

  failNext(methodName: string, times = 1, opts: { applied?: boolean } = {}): void {
    const queue = this.failures.get(methodName) ?? [];
    for (let i = 0; i < times; i++) queue.push({ applied: opts.applied === true });
    this.failures.set(methodName, queue);
  }

  failRate(methodName: string, probability: number): void {
    this.failRates.set(methodName, Math.min(1, Math.max(0, probability)));
  }

  private injected(methodName: string): { applied: boolean } | null {
    const key = this.failures.has(methodName) ? methodName : methodName.replace(/^cti\./, '');
    const next = this.failures.get(key)?.shift();
    if (next) return next;
    const rate = this.failRates.get(key) ?? 0;
    return rate > 0 && Math.random() < rate ? { applied: false } : null;
  }

  expireSession(): void {
    this.store.setState({ sessionExpired: true });
  }

  restoreSession(): void {
    this.store.setState({ sessionExpired: false });
  }

  /**
   * Runs one Open CTI call: records it, applies session expiry and injected failures, and turns
   * errors into Open CTI error answers.
   */
  async run(methodName: string, args: unknown, op: () => unknown): Promise<OpResult> {
    this.callLog.push({ methodName, args, at: Date.now() });
    if (NEEDS_SERVER.has(methodName) && this.store.getState().sessionExpired) {
      return { ok: false, code: 'SERVER_ERROR', description: 'Session expired or invalid (INVALID_SESSION_ID).' };
    }
    const failure = this.injected(methodName);
    if (failure && !failure.applied) return { ok: false, code: 'SERVER_ERROR', description: `Injected failure of ${methodName}.` };
    try {
      const value = await op();
      if (failure) return { ok: false, code: 'SERVER_ERROR', description: `Injected failure of ${methodName} (it was applied; the answer was lost).` };
      return { ok: true, value };
    } catch (error) {
      if (error instanceof OrgRequestError) {
        const code = error.code === 'INVALID_PARAM' ? 'INVALID_PARAM' : error.code === 'SERVER_ERROR' ? 'SERVER_ERROR' : 'GENERIC_ERROR';
        return { ok: false, code, description: error.message };
      }
      if (error instanceof InvalidParam || (error as { invalidParam?: boolean }).invalidParam) {
        return { ok: false, code: 'INVALID_PARAM', description: (error as Error).message };
      }
      return { ok: false, code: 'GENERIC_ERROR', description: error instanceof Error ? error.message : String(error) };
    }
  }

  // ---- Open CTI operations ----

  callCenterSettings(): Record<string, string> {
    return { ...this.org.org.callCenter };
  }

  layout(): SoftphoneLayout {
    return structuredClone(this.org.org.layout);
  }

  /** Searches the layout's objects; pops per the layout unless deferred (or Classic non-inbound). */
  async searchAndScreenPop(input: { searchParams: string; callType: CallTypeKey; deferred: boolean }): Promise<{ map: Record<string, Record<string, string>>; popData: PopAction | null }> {
    await this.org.settled();
    const { records } = await orgRequest<{ records: Record<string, Record<string, string>> }>('search', {
      searchParams: input.searchParams,
      callType: input.callType,
    });
    const ids = Object.keys(records);
    const pop = layoutPop(this.org.org.layout[LAYOUT_KEY[input.callType]], ids, input.searchParams);
    const classicSilent = this.params.mode === 'classic' && input.callType !== 'inbound';
    if (pop && !input.deferred && !classicSilent) this.perform(pop, { callType: input.callType, searchParams: input.searchParams, ids });
    return { map: records, popData: pop };
  }

  /** An explicit screenPop: navigate, and record it as a pop. */
  screenPop(type: string, params: Record<string, unknown>): void {
    const action = toAction(type, params);
    this.perform(action, {});
  }

  private perform(action: PopAction, context: { callType?: CallTypeKey; searchParams?: string; ids?: string[] }): void {
    let page: HostPage;
    let popped: string[] = [];
    switch (action.type) {
      case 'sobject':
        page = { kind: 'record', recordId: action.params.recordId };
        popped = [action.params.recordId];
        break;
      case 'search':
        page = { kind: 'search', searchString: action.params.searchString };
        popped = context.ids ?? this.searchLocal(action.params.searchString).map((r) => r.Id);
        break;
      case 'newRecord':
        page = { kind: 'newRecord', entityName: action.params.entityName, defaultFieldValues: action.params.defaultFieldValues };
        break;
      case 'flow':
        page = { kind: 'flow', flowDevName: action.params.flowDevName };
        break;
      case 'url':
        page = { kind: 'url', url: action.params.url };
        break;
    }
    const pop: ScreenPop = { type: action.type, poppedRecordIds: popped, at: Date.now() };
    if (context.callType) pop.callType = context.callType;
    if (context.searchParams !== undefined) pop.searchParams = context.searchParams;
    this.popLog.push(pop);
    this.goTo(page);
  }

  private searchLocal(text: string): OrgRecord[] {
    const t = text.toLowerCase();
    return this.org.org.records.filter((r) => r.Name.toLowerCase().includes(t) || Object.values(r.fields).some((v) => v.replace(/\D/g, '') === t.replace(/\D/g, '') && t.replace(/\D/g, '') !== ''));
  }

  async saveLog(value: Record<string, unknown>): Promise<string> {
    await this.org.settled();
    const { id } = await orgRequest<{ id: string }>('save-log', { user: this.params.user, value });
    await this.org.refresh();
    return id;
  }

  async runApex(apexClass: string, methodName: string, methodParams: string): Promise<string> {
    await this.org.settled();
    const { result } = await orgRequest<{ result: string }>('apex', {
      user: this.params.user,
      language: this.params.lang === 'ja' ? 'ja' : 'en_US',
      apexClass,
      methodName,
      methodParams,
    });
    if (methodName === 'upsertCallLog') await this.org.refresh();
    return result;
  }

  setClickToDial(enabled: boolean): void {
    this.store.setState({ clickToDialEnabled: enabled });
  }

  initializationComplete(): void {
    this.store.setState({ initialized: true });
  }

  appViewInfo(): { url: string; recordId?: string; recordName?: string; objectType?: string } {
    const page = this.store.getState().page;
    const url = `${location.origin}${location.pathname}#${pageHash(page)}`;
    if (page.kind !== 'record') return { url };
    const record = this.org.org.records.find((r) => r.Id === page.recordId);
    return record ? { url, recordId: record.Id, recordName: record.Name, objectType: record.objectType } : { url, recordId: page.recordId };
  }

  // ---- what the agent (or a test) does in Salesforce ----

  navigate(recordId: string): void {
    this.goTo({ kind: 'record', recordId });
  }

  goTo(page: HostPage): void {
    this.store.setState({ page });
    this.push('navigation', this.appViewInfo());
  }

  /** A click on a Phone field: delivered only while the panel has click-to-dial enabled. */
  clickToDial(input: { number: string | number; recordId?: string }): boolean {
    if (!this.store.getState().clickToDialEnabled) {
      this.logWire('dropped', `click-to-dial ${String(input.number)} dropped: click-to-dial is disabled`);
      return false;
    }
    const record = input.recordId ? this.org.org.records.find((r) => r.Id === input.recordId) : undefined;
    this.push('clickToDial', {
      number: input.number,
      recordId: input.recordId ?? null,
      recordName: record?.Name ?? null,
      objectType: record?.objectType ?? null,
    });
    return true;
  }
}

export class InvalidParam extends Error {}

function toAction(type: string, params: Record<string, unknown>): PopAction {
  const text = (name: string) => (typeof params[name] === 'string' ? (params[name]) : '');
  switch (type) {
    case 'sobject':
      if (!/^[a-zA-Z0-9]{15,18}$/.test(text('recordId'))) throw new InvalidParam('screenPop sobject needs params.recordId.');
      return { type, params: { recordId: text('recordId') } };
    case 'search':
      if (text('searchString').length < 3) throw new InvalidParam('searchString must be at least 3 characters.');
      return { type, params: { searchString: text('searchString') } };
    case 'newRecord':
      if (!text('entityName')) throw new InvalidParam('newRecord needs params.entityName.');
      return { type, params: { entityName: text('entityName'), defaultFieldValues: (params.defaultFieldValues as Record<string, string>) ?? {} } };
    case 'flow':
      if (!text('flowDevName')) throw new InvalidParam('flow needs params.flowDevName.');
      return { type, params: { flowDevName: text('flowDevName'), flowArgs: [] } };
    case 'url':
    case 'objecthome':
    case 'list':
      return { type: 'url', params: { url: text('url') || `/${text('scope') || text('listViewId') || ''}` } };
    default:
      throw new InvalidParam(`Unknown screenPop type ${type}.`);
  }
}

export function pageHash(page: HostPage): string {
  switch (page.kind) {
    case 'record':
      return `/r/${page.recordId}`;
    case 'search':
      return `/search/${encodeURIComponent(page.searchString)}`;
    case 'newRecord':
      return `/new/${page.entityName}`;
    case 'flow':
      return `/flow/${page.flowDevName}`;
    case 'url':
      return `/url/${encodeURIComponent(page.url)}`;
    case 'home':
      return '/home';
  }
}
