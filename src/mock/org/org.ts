/**
 * The fake Salesforce org behind the mock-CTI page: records, users, Tasks, the softphone layout, call
 * center settings and directory numbers. One org for every mock page, kept by the dev server so it
 * survives reloads; it also plays the package's Apex controller (`BIZTELOpenCTIController`).
 */
import { isSalesforceId } from '../../domain/salesforce-ids.ts';
import { readApexParams } from './apex-params.ts';
import { APEX_PARAMS, CREATE_ONLY, SEARCH_LIMIT, TASK_FIELDS, callKey, nextTurn, searchableObjects } from './apex-rules.ts';
import { LockRows } from './lock-rows.ts';
import { OrgError } from './org-error.ts';
import { searchRecords } from './search.ts';
import { SEED_DIRECTORY_NUMBERS, SEED_RECORDS, SEED_USERS, seedCallCenter, seedLayout } from './seed.ts';
import { LAYOUT_KEY, type CallTypeKey, type DirectoryNumber, type OrgRecord, type OrgSnapshot, type OrgUser, type SoftphoneLayout, type Task } from './types.ts';

export { OrgError, callKey };

export interface FakeOrgOptions {
  /**
   * The call log lock row (default on). Off only in the test that shows two simultaneous first
   * writes then make two Tasks, i.e. that the concurrency test can fail.
   */
  callLogLock?: boolean;
}

export class FakeOrg {
  private records: OrgRecord[] = [];
  private tasks: Task[] = [];
  private layout: SoftphoneLayout = seedLayout();
  private callCenter: Record<string, string> = {};
  private directoryNumbers: DirectoryNumber[] = [];
  private version = 0;
  private taskCounter = 0;
  private readonly listeners = new Set<() => void>();
  private readonly lockRows = new LockRows();
  private gate: { released: Promise<void>; release: () => void; begun: Set<unknown> } | null = null;
  private readonly options: Required<FakeOrgOptions>;

  constructor(
    private readonly simulatorUrl: string,
    options: FakeOrgOptions = {},
  ) {
    this.options = { callLogLock: true, ...options };
    this.reset();
  }

  reset(): void {
    this.records = structuredClone([...SEED_RECORDS]);
    this.tasks = [];
    this.taskCounter = 0;
    // A held write (a test that stopped half-way) goes on, into the emptied org.
    this.gate?.release();
    this.lockRows.clear();
    this.layout = seedLayout();
    this.callCenter = seedCallCenter(this.simulatorUrl);
    this.directoryNumbers = [...SEED_DIRECTORY_NUMBERS];
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  snapshot(): OrgSnapshot {
    return {
      records: this.records,
      users: [...SEED_USERS],
      tasks: this.tasks,
      layout: this.layout,
      callCenter: this.callCenter,
      directoryNumbers: this.directoryNumbers,
      version: this.version,
    };
  }

  user(username: string): OrgUser {
    const user = SEED_USERS.find((u) => u.username === username);
    if (!user) throw new OrgError('INVALID_PARAM', `No user ${username}.`);
    return user;
  }

  record(id: string): OrgRecord | undefined {
    return this.records.find((r) => r.Id === id || r.Id === id.slice(0, 15));
  }

  /** Salesforce-like search (`search.ts`) over the layout's objects for the call type, or all of them. */
  search(query: string, callType: CallTypeKey | 'all'): OrgRecord[] {
    const objects = callType === 'all' ? null : Object.keys(this.layout[LAYOUT_KEY[callType]].objects);
    return searchRecords(
      this.records.filter((record) => !objects || objects.includes(record.objectType)),
      query,
    );
  }

  /** searchAndScreenPop's return value: a map keyed by Id with the layout's fields. */
  resultMap(records: OrgRecord[], callType: CallTypeKey): Record<string, Record<string, string>> {
    const layout = this.layout[LAYOUT_KEY[callType]];
    const map: Record<string, Record<string, string>> = {};
    for (const record of records) {
      const entry: Record<string, string> = { Id: record.Id, Name: record.Name, RecordType: record.objectType, LastModifiedDate: record.LastModifiedDate };
      for (const field of layout.objects[record.objectType] ?? []) {
        const value = field.apiName === 'Name' ? record.Name : record.fields[field.apiName];
        if (value !== undefined) entry[field.apiName] = value;
      }
      map[record.Id] = entry;
    }
    return map;
  }

  private checkTaskFields(fields: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(fields)) {
      const check = TASK_FIELDS[name];
      if (!check) throw new OrgError('GENERIC_ERROR', `No such column '${name}' on entity 'Task'.`);
      if (!check(value)) throw new OrgError('GENERIC_ERROR', `Invalid value for Task.${name}.`);
      if ((name === 'WhoId' || name === 'WhatId') && !(isSalesforceId(String(value)) && this.record(String(value)))) {
        throw new OrgError('GENERIC_ERROR', `FIELD_INTEGRITY_EXCEPTION: ${name} ${String(value)} does not exist.`);
      }
    }
  }

  private newTaskId(): string {
    this.taskCounter += 1;
    return `00T5555${String(this.taskCounter).padStart(6, '0')}AA`;
  }

  /**
   * The package's Apex upsert, step by step as the Apex runs it, so two can run at once: insert the
   * lock row of (CallObject, owner); if it exists, SELECT it FOR UPDATE (waiting for whoever holds
   * it); then read the Task by its call key and insert or update it, all in one transaction.
   * TaskSubtype is written only when the Task is created.
   */
  async upsertCallLog(user: OrgUser, fields: Record<string, unknown>, fillOnly = false): Promise<string> {
    this.checkTaskFields(fields);
    if (typeof fields.CallObject !== 'string') throw new OrgError('GENERIC_ERROR', 'CallObject (the BIZTEL call id) is required.');
    const key = callKey(fields.CallObject, user.Id);
    const tx = this.lockRows.begin();
    this.gate?.begun.add(tx);
    try {
      await nextTurn();
      if (this.options.callLogLock && (await this.lockRows.insert(key, tx)) === 'duplicate' && !(await this.lockRows.selectForUpdate(key, tx))) {
        throw new OrgError('GENERIC_ERROR', 'UNABLE_TO_LOCK_ROW: the call log lock row vanished; try again.');
      }
      await nextTurn();
      const existing = this.tasks.find((t) => t.BIZTEL_Call_And_Owner__c === key);
      await nextTurn();
      if (this.gate) await this.gate.released;
      const now = new Date().toISOString();
      let id: string;
      if (existing) {
        id = existing.Id;
        // fillCallLog: only what the Task has empty (null or blank text) is set; the rest stays.
        const empty = (name: string) => existing[name] === undefined || existing[name] === null || (typeof existing[name] === 'string' && existing[name].trim() === '');
        const changes = Object.fromEntries(Object.entries(fields).filter(([name]) => !CREATE_ONLY.has(name) && (!fillOnly || empty(name))));
        tx.onCommit(() => Object.assign(existing, changes, { LastModifiedDate: now }));
      } else {
        id = this.newTaskId();
        const task: Task = { ...fields, BIZTEL_Call_And_Owner__c: key, Id: id, OwnerId: user.Id, CreatedDate: now, LastModifiedDate: now };
        tx.onCommit(() => (this.tasks = [...this.tasks, task]));
      }
      this.lockRows.commit(tx);
      this.changed();
      return id;
    } catch (error) {
      this.lockRows.rollback(tx);
      throw error;
    }
  }

  /**
   * For tests: holds every call log upsert just before it writes, until `release()`; `begun()` counts
   * the upserts that started meanwhile (also those waiting for a lock row), so a test knows when two
   * are truly in flight at once.
   */
  holdCallLogWrites(): { begun: () => number; release: () => void } {
    this.gate?.release();
    let open = () => {};
    const released = new Promise<void>((resolve) => (open = resolve));
    const gate = {
      released,
      begun: new Set<unknown>(),
      release: () => {
        if (this.gate === gate) this.gate = null;
        open();
      },
    };
    this.gate = gate;
    return { begun: () => gate.begun.size, release: gate.release };
  }

  /** The lock object's rows (their keys), as a query of it would list them. */
  callLogLockKeys(): string[] {
    return this.lockRows.keys();
  }

  /** Open CTI saveLog: with Id updates, otherwise creates (Tasks only here). */
  saveLog(user: OrgUser, value: Record<string, unknown>): string {
    const { Id, entityApiName, ...fields } = value;
    const now = new Date().toISOString();
    if (typeof Id === 'string' && Id !== '') {
      const task = this.tasks.find((t) => t.Id === Id);
      if (!task) throw new OrgError('GENERIC_ERROR', `ENTITY_IS_DELETED or not found: ${Id}.`);
      this.checkTaskFields(fields);
      Object.assign(task, fields, { LastModifiedDate: now });
      this.changed();
      return task.Id;
    }
    if (entityApiName !== undefined && entityApiName !== 'Task') throw new OrgError('INVALID_PARAM', `The mock saves Tasks only, not ${JSON.stringify(entityApiName)}.`);
    this.checkTaskFields(fields);
    const task: Task = { ...fields, Id: this.newTaskId(), OwnerId: user.Id, CreatedDate: now, LastModifiedDate: now };
    this.tasks = [...this.tasks, task];
    this.changed();
    return task.Id;
  }

  /**
   * Plays `BIZTELOpenCTIController` for runApex. `methodParams` is the string the panel sent, or
   * that string percent-decoded, or read with `+` as a space: each reading gives the same result.
   */
  async apex(user: OrgUser, language: string, apexClass: string, method: string, methodParams: string): Promise<string> {
    if (apexClass !== 'BIZTELOpenCTIController') throw new OrgError('GENERIC_ERROR', `No Apex class ${apexClass}.`);
    const allowed = APEX_PARAMS[method];
    if (!allowed) throw new OrgError('GENERIC_ERROR', `No method ${method} on ${apexClass}.`);
    const params = readApexParams(methodParams, allowed);
    switch (method) {
      case 'getUserInfo':
        return JSON.stringify({ userId: user.Id, userName: user.Name, language });
      case 'upsertCallLog':
      case 'fillCallLog': {
        let fields: unknown;
        try {
          fields = JSON.parse(params.get('log') ?? '');
        } catch {
          throw new OrgError('GENERIC_ERROR', 'log is not JSON.');
        }
        if (!fields || typeof fields !== 'object' || Array.isArray(fields)) throw new OrgError('GENERIC_ERROR', 'log must be a JSON object.');
        return this.upsertCallLog(user, fields as Record<string, unknown>, method === 'fillCallLog');
      }
      case 'searchPhone': {
        // As the Apex: no search for fewer than 2 digits; the matches listed object by object, in the
        // order the objects were named, 20 in all (SOSL's LIMIT).
        const phone = params.get('phone') ?? '';
        if (phone.replace(/[^0-9]/g, '').length < 2) return '[]';
        const objects = searchableObjects(params.get('objects') ?? '');
        const found = this.search(phone, 'all').filter((r) => objects.includes(r.objectType));
        found.sort((a, b) => objects.indexOf(a.objectType) - objects.indexOf(b.objectType));
        return JSON.stringify(found.slice(0, SEARCH_LIMIT).map((r) => ({ Id: r.Id, Name: r.Name, RecordType: r.objectType })));
      }
      default:
        return JSON.stringify(this.directoryNumbers);
    }
  }

  setLayout(layout: SoftphoneLayout): void {
    this.layout = structuredClone(layout);
    this.changed();
  }

  setCallCenterSettings(items: Record<string, string>): void {
    this.callCenter = { ...this.callCenter, ...items };
    this.changed();
  }

  setDirectoryNumbers(list: DirectoryNumber[]): void {
    this.directoryNumbers = list.map(({ name, phone }) => ({ name, phone }));
    this.changed();
  }
}
