/**
 * The fake Salesforce host: what Salesforce does for each Open CTI call, against the fake org.
 * Mode-agnostic; `lightning-wire.ts` and `classic-wire.ts` put it on Salesforce's two wires.
 * It also owns what QA and tests inject: failures, session expiry, clicks and navigation.
 */
import { createStore } from 'zustand/vanilla';
import { SALESFORCE_ID } from '../../protocol';
import { LAYOUT_KEY, type CallTypeKey, type OrgRecord, type SoftphoneLayout } from '../org/types';
import { searchRecords } from '../org/search';
import { BoundedLog } from './bounded-log';
import { FailureInjector, type FailureRate, type PendingFailure } from './failures';
import { OrgRequestError, orgRequest, type OrgMirror } from './org-client';
import { InvalidParam, pageFor, pageHash, toAction, type HostPage } from './pages';
import type { HostParams } from './params';
import { layoutPop, type PopAction } from './pops';

export type { HostPage };

/** A screen pop as the automation API reports it (`host.screenPops()`). */
export interface ScreenPop {
  callType?: CallTypeKey;
  searchParams?: string;
  type: 'sobject' | 'search' | 'newRecord' | 'flow' | 'url';
  poppedRecordIds: string[];
  at: number;
}

/** One line of the page's Open CTI log: a message either way, one the host dropped, or a host note. */
export interface WireLogEntry {
  id: number;
  direction: 'in' | 'out' | 'dropped' | 'note';
  at: number;
  text: string;
}

/** Where the Lightning panel lives: docked in the utility bar, or in its own pop-out window. */
export type PanelLocation = 'docked' | 'poppingOut' | 'poppedOut';

export interface HostState {
  page: HostPage;
  panelVisible: boolean;
  /** The open panel's header (setSoftphonePanelLabel / Icon). */
  panelLabel: string;
  panelIcon: string;
  /** The utility-bar item, what shows while the panel is minimised (setSoftphoneItemLabel / Icon). */
  itemLabel: string;
  itemIcon: string;
  /**
   * Bumped when the record page is shown anew: opening a record, or the panel asking for it
   * (refreshView, refreshPage, refreshRelatedList). As in Salesforce, a record page's activities are
   * those of that moment: a Task written later shows only after a refresh.
   */
  pageShownAt: number;
  panelHeight: number | null;
  panelWidth: number | null;
  panelLocation: PanelLocation;
  /** Bumped to reload the panel frame (a browser refresh of Salesforce). */
  panelReloads: number;
  clickToDialEnabled: boolean;
  initialized: boolean;
  sessionExpired: boolean;
  failures: PendingFailure[];
  failureRates: FailureRate[];
  /** Bumped with every log line: the lines themselves are in `MockHost.wireLog()`. */
  logVersion: number;
  /** Older lines the log let go of once it held LOG_LIMIT (shown, so a bug report says it is cut). */
  logDropped: number;
}

export type OpResult = { ok: true; value: unknown } | { ok: false; code: 'INVALID_PARAM' | 'GENERIC_ERROR' | 'SERVER_ERROR'; description: string };

/** Methods that need the Salesforce server, so they fail while the session is expired. */
const NEEDS_SERVER = new Set(['runApex', 'saveLog', 'searchAndScreenPop', 'screenPop', 'getSoftphoneLayout', 'cti.getSoftphoneLayout']);

/** Enough for a long QA session (a busy hour of calls is a few thousand lines). */
export const LOG_LIMIT = 20_000;
/**
 * Lines let go of at once when the log is over LOG_LIMIT: dropping one line per message would move
 * all 20,000 on every message once the log is full.
 */
export const LOG_TRIM = 1_000;

/** A Salesforce record Id (15 or 18 characters), else TypeError. */
export function checkRecordId(recordId: unknown): asserts recordId is string {
  if (typeof recordId !== 'string' || !SALESFORCE_ID.test(recordId)) throw new TypeError('navigate needs a record Id.');
}

export class MockHost {
  readonly store = createStore<HostState>()(() => ({
    page: { kind: 'home' },
    panelVisible: true,
    panelLabel: 'Phone',
    panelIcon: 'call',
    itemLabel: 'Phone',
    itemIcon: 'call',
    pageShownAt: 0,
    panelHeight: null,
    panelWidth: null,
    panelLocation: 'docked',
    panelReloads: 0,
    clickToDialEnabled: false,
    initialized: false,
    sessionExpired: false,
    failures: [],
    failureRates: [],
    logVersion: 0,
    logDropped: 0,
  }));
  readonly failures = new FailureInjector(() =>
    this.store.setState({ failures: this.failures.pending(), failureRates: this.failures.failureRates() }),
  );
  private readonly callLog: { methodName: string; args: unknown; at: number }[] = [];
  private readonly popLog: ScreenPop[] = [];
  private logCounter = 0;
  private readonly log = new BoundedLog<WireLogEntry>(LOG_LIMIT, LOG_TRIM);
  /** Set by the wire: sends a listener event (click-to-dial, navigation) to the panel. */
  push: (listener: 'clickToDial' | 'navigation', payload: unknown) => void = () => {};

  constructor(
    readonly params: HostParams,
    readonly org: OrgMirror,
  ) {}

  // ---- what tests read ----

  calls() {
    return this.callLog.map((c) => ({ ...c, args: structuredClone(c.args) }));
  }

  screenPops(): ScreenPop[] {
    return this.popLog.map((p) => ({ ...p, poppedRecordIds: [...p.poppedRecordIds] }));
  }

  logWire(direction: WireLogEntry['direction'], text: string): void {
    this.logCounter += 1;
    this.log.push({ id: this.logCounter, direction, at: Date.now(), text });
    this.store.setState({ logVersion: this.log.version, logDropped: this.log.dropped });
  }

  /** The log's lines, oldest first (at most the newest LOG_LIMIT). Read-only for callers. */
  wireLog(): readonly WireLogEntry[] {
    return this.log.lines();
  }

  clearWireLog(): void {
    this.log.clear();
    this.store.setState({ logVersion: this.log.version, logDropped: 0 });
  }

  /** Back to a fresh page: recorded calls and pops, failures, session and the open page. */
  clearLogs(): void {
    this.callLog.length = 0;
    this.popLog.length = 0;
    this.failures.clear();
    this.clearWireLog();
    this.store.setState({ sessionExpired: false, page: { kind: 'home' } });
  }

  // ---- the Salesforce session ----

  expireSession(): void {
    this.store.setState({ sessionExpired: true });
    this.logWire('note', 'Salesforce session expired: calls that need the server answer SERVER_ERROR.');
  }

  restoreSession(): void {
    this.store.setState({ sessionExpired: false });
    this.logWire('note', 'Salesforce session restored.');
  }

  /**
   * Runs one Open CTI call: records it, applies session expiry and injected failures, and turns
   * errors into Open CTI error answers.
   */
  async run(methodName: string, args: unknown, op: () => unknown): Promise<OpResult> {
    this.callLog.push({ methodName, args: structuredClone(args), at: Date.now() });
    if (NEEDS_SERVER.has(methodName) && this.store.getState().sessionExpired) {
      return { ok: false, code: 'SERVER_ERROR', description: 'Session expired or invalid (INVALID_SESSION_ID).' };
    }
    // `runApex:<method>` fails just that Apex method (e.g. only the call-log upsert), before `runApex`.
    const apexMethod = methodName === 'runApex' && typeof (args as { methodName?: unknown } | null)?.methodName === 'string' ? (args as { methodName: string }).methodName : null;
    const failure = (apexMethod ? this.failures.take(`runApex:${apexMethod}`) : null) ?? this.failures.take(methodName);
    if (failure && !failure.applied) {
      this.logWire('note', `${methodName}: injected failure (nothing done).`);
      return { ok: false, code: failure.code, description: `Injected failure of ${methodName}.` };
    }
    try {
      const value = await op();
      if (failure) {
        this.logWire('note', `${methodName}: injected failure after the work was done (a lost reply).`);
        return { ok: false, code: failure.code, description: `Injected failure of ${methodName} (it was applied; the answer was lost).` };
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof OrgRequestError) {
        const code = error.code === 'INVALID_PARAM' ? 'INVALID_PARAM' : error.code === 'SERVER_ERROR' ? 'SERVER_ERROR' : 'GENERIC_ERROR';
        return { ok: false, code, description: error.message };
      }
      if (error instanceof InvalidParam) return { ok: false, code: 'INVALID_PARAM', description: error.message };
      return { ok: false, code: 'GENERIC_ERROR', description: error instanceof Error ? error.message : String(error) };
    }
  }

  // ---- Open CTI operations ----

  callCenterSettings(): Record<string, string> {
    return { ...this.org.org.callCenter };
  }

  async layout(): Promise<SoftphoneLayout> {
    await this.org.settled();
    return structuredClone(this.org.org.layout);
  }

  /** Searches the layout's objects; pops per the layout unless deferred (or Classic non-inbound). */
  async searchAndScreenPop(input: { searchParams: string; callType: CallTypeKey; deferred: boolean; queryParams?: string }): Promise<{ map: Record<string, Record<string, string>>; popData: PopAction | null }> {
    await this.org.settled();
    const { records } = await orgRequest<{ records: Record<string, Record<string, string>> }>('search', {
      searchParams: input.searchParams,
      callType: input.callType,
    });
    const ids = Object.keys(records);
    const pop = layoutPop(this.org.org.layout[LAYOUT_KEY[input.callType]], ids, input.searchParams, input.queryParams);
    const classicSilent = this.params.mode === 'classic' && input.callType !== 'inbound';
    const outcome = ids.length === 0 ? 'no match' : ids.length === 1 ? 'one match' : `${ids.length} matches`;
    const what = pop ? pop.type : 'no pop (layout)';
    const why = input.deferred ? ' — deferred, nothing pops' : classicSilent ? ' — Classic never pops outbound/internal calls' : '';
    this.logWire('note', `search "${input.searchParams}" (${input.callType}): ${outcome} → ${what}${why}`);
    if (pop && !input.deferred && !classicSilent) this.perform(pop, { callType: input.callType, searchParams: input.searchParams, ids });
    return { map: records, popData: pop };
  }

  /** An explicit screenPop: navigate, and record it as a pop. */
  screenPop(type: string, params: Record<string, unknown>): void {
    this.perform(toAction(type, params), {});
  }

  private perform(action: PopAction, context: { callType?: CallTypeKey; searchParams?: string; ids?: string[] }): void {
    let popped: string[] = [];
    if (action.type === 'sobject') popped = [action.params.recordId];
    if (action.type === 'search') popped = context.ids ?? this.search(action.params.searchString).map((r) => r.Id);
    const pop: ScreenPop = { type: action.type, poppedRecordIds: popped, at: Date.now() };
    if (context.callType) pop.callType = context.callType;
    if (context.searchParams !== undefined) pop.searchParams = context.searchParams;
    this.popLog.push(pop);
    this.goTo(pageFor(action));
  }

  /** The global search box (and search pages): every object, as Salesforce's search page does. */
  search(text: string): OrgRecord[] {
    return searchRecords(this.org.org.records, text);
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

  /** getAppViewInfo / onNavigationChange: the open page, with the record's context when there is one. */
  appViewInfo(): { url: string; recordId?: string; recordName?: string; objectType?: string; accountId?: string; contactId?: string } {
    const page = this.store.getState().page;
    const url = `${location.origin}${location.pathname}${location.search}#${pageHash(page)}`;
    if (page.kind !== 'record') return { url };
    const record = this.org.org.records.find((r) => r.Id === page.recordId);
    if (!record) return { url, recordId: page.recordId };
    const info: ReturnType<MockHost['appViewInfo']> = { url, recordId: record.Id, recordName: record.Name, objectType: record.objectType };
    if (record.fields.AccountId) info.accountId = record.fields.AccountId;
    if (record.objectType === 'Account') info.accountId = record.Id;
    if (record.fields.ContactId) info.contactId = record.fields.ContactId;
    if (record.objectType === 'Contact') info.contactId = record.Id;
    return info;
  }

  // ---- what the agent (or a test) does in Salesforce ----

  navigate(recordId: string): void {
    checkRecordId(recordId);
    this.goTo({ kind: 'record', recordId });
  }

  goTo(page: HostPage): void {
    this.store.setState({ page });
    this.push('navigation', this.appViewInfo());
  }

  /** A click on a Phone field: delivered only while the panel has click-to-dial enabled. */
  clickToDial(input: { number: string | number; recordId?: string }): boolean {
    const number: unknown = input?.number;
    if ((typeof number !== 'string' || number === '') && typeof number !== 'number') throw new TypeError('clickToDial needs a number.');
    if (input.recordId !== undefined && typeof input.recordId !== 'string') throw new TypeError('clickToDial: recordId must be a string.');
    if (!this.store.getState().clickToDialEnabled) {
      this.logWire('dropped', `click-to-dial ${String(number)} dropped: the panel has not enabled click-to-dial`);
      return false;
    }
    const record = input.recordId ? this.org.org.records.find((r) => r.Id === input.recordId) : undefined;
    this.push('clickToDial', {
      number,
      recordId: input.recordId ?? null,
      recordName: record?.Name ?? null,
      objectType: record?.objectType ?? null,
    });
    return true;
  }
}
