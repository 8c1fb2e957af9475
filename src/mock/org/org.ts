/**
 * The fake Salesforce org behind the mock-CTI page: records, users, Tasks, the softphone layout, call
 * center settings and directory numbers. One org for every mock page, kept by the dev server so it
 * survives reloads; it also plays the package's Apex controller (`BIZTELOpenCTIController`).
 */
import { isSalesforceId } from '../../domain/salesforce-ids.ts';
import { OBJECT_TYPES } from './layout-schema.ts';
import { searchRecords } from './search.ts';
import { SEED_DIRECTORY_NUMBERS, SEED_RECORDS, SEED_USERS, seedCallCenter, seedLayout } from './seed.ts';
import { LAYOUT_KEY, type CallTypeKey, type DirectoryNumber, type ObjectType, type OrgRecord, type OrgSnapshot, type OrgUser, type SoftphoneLayout, type Task } from './types.ts';

export class OrgError extends Error {
  constructor(
    readonly code: 'INVALID_PARAM' | 'GENERIC_ERROR' | 'SERVER_ERROR',
    message: string,
  ) {
    super(message);
  }
}

/** The Task fields the package writes; anything else is refused, as Apex deserialisation would. */
const TASK_FIELDS: Record<string, (value: unknown) => boolean> = {
  Subject: (v) => typeof v === 'string' && v.length <= 255,
  Status: (v) => typeof v === 'string',
  Priority: (v) => typeof v === 'string',
  TaskSubtype: (v) => v === 'Call',
  Type: (v) => typeof v === 'string',
  CallType: (v) => v === 'Inbound' || v === 'Outbound' || v === 'Internal',
  CallDurationInSeconds: (v) => Number.isInteger(v) && (v as number) >= 0,
  CallObject: (v) => typeof v === 'string' && v.length > 0 && v.length <= 255,
  CallDisposition: (v) => typeof v === 'string' && v.length <= 255,
  Description: (v) => typeof v === 'string' && v.length <= 32_000,
  ActivityDate: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  WhoId: (v) => typeof v === 'string',
  WhatId: (v) => typeof v === 'string',
  BIZTEL_Recording_URL__c: (v) => typeof v === 'string' && /^https?:\/\//.test(v) && v.length <= 255,
};

/** The Apex searchPhone's defaults and limits (BIZTELOpenCTIController.cls). */
const SEARCH_DEFAULT_OBJECTS = ['Contact', 'Lead', 'Account'];
const SEARCH_MAX_OBJECTS = 46;
const SEARCH_LIMIT = 20;
/** The org's objects by lower-case name, as Apex's global describe finds them. */
const OBJECT_BY_NAME = new Map<string, ObjectType>(OBJECT_TYPES.map((type) => [type.toLowerCase(), type]));

/** As the Apex's `searchable`: the named objects the org has, in any case, each once, at most 46, in the order named. */
function searchableObjects(objects: string): ObjectType[] {
  const names = objects.trim() === '' ? SEARCH_DEFAULT_OBJECTS : objects.split(',');
  const result: ObjectType[] = [];
  for (const name of names) {
    const type = OBJECT_BY_NAME.get(name.trim().toLowerCase());
    if (type && !result.includes(type) && result.length < SEARCH_MAX_OBJECTS) result.push(type);
  }
  return result;
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

  constructor(private readonly simulatorUrl: string) {
    this.reset();
  }

  reset(): void {
    this.records = structuredClone([...SEED_RECORDS]);
    this.tasks = [];
    this.taskCounter = 0;
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

  /** The package's Apex upsert: one Task per (CallObject, owner). */
  upsertCallLog(user: OrgUser, fields: Record<string, unknown>): string {
    this.checkTaskFields(fields);
    if (typeof fields.CallObject !== 'string') throw new OrgError('GENERIC_ERROR', 'CallObject is required.');
    const now = new Date().toISOString();
    const existing = this.tasks.find((t) => t.CallObject === fields.CallObject && t.OwnerId === user.Id);
    if (existing) {
      Object.assign(existing, fields, { LastModifiedDate: now });
      this.changed();
      return existing.Id;
    }
    const task: Task = { ...fields, Id: this.newTaskId(), OwnerId: user.Id, CreatedDate: now, LastModifiedDate: now };
    this.tasks = [...this.tasks, task];
    this.changed();
    return task.Id;
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

  /** Plays `BIZTELOpenCTIController` for runApex. */
  apex(user: OrgUser, language: string, apexClass: string, method: string, params: URLSearchParams): string {
    if (apexClass !== 'BIZTELOpenCTIController') throw new OrgError('GENERIC_ERROR', `No Apex class ${apexClass}.`);
    switch (method) {
      case 'getUserInfo':
        return JSON.stringify({ userId: user.Id, userName: user.Name, language });
      case 'upsertCallLog': {
        let fields: unknown;
        try {
          fields = JSON.parse(params.get('log') ?? '');
        } catch {
          throw new OrgError('GENERIC_ERROR', 'log is not JSON.');
        }
        if (!fields || typeof fields !== 'object' || Array.isArray(fields)) throw new OrgError('GENERIC_ERROR', 'log must be an object.');
        return this.upsertCallLog(user, fields as Record<string, unknown>);
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
      case 'getDirectoryNumbers':
        return JSON.stringify(this.directoryNumbers);
      default:
        throw new OrgError('GENERIC_ERROR', `No method ${method} on ${apexClass}.`);
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
