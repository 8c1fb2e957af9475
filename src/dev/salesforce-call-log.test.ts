/**
 * The package's atomic call log, checked without an org: the lock object and the call-and-owner
 * fields are declared as the Apex needs them (unique External ID on the lock, indexed External ID on
 * activities), the permission set grants what the Apex checks for, the Apex takes the lock and writes
 * in user mode, and the mock org plays the same key, limits and create-only fields.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { CREATE_ONLY, TASK_FIELDS, callKey } from '../mock/org/apex-rules';
import { FORCE_APP } from './paths';

const DEFAULT = join(FORCE_APP, 'main', 'default');
const read = (...path: string[]) => readFileSync(join(DEFAULT, ...path), 'utf8');
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => ['fieldPermissions', 'objectPermissions', 'userPermissions'].includes(name) });
const xml = <T>(...path: string[]) => parser.parse(read(...path)) as T;

interface Field {
  CustomField: { fullName: string; type: string; length: string; externalId: string; unique: string; caseSensitive?: string; required: string };
}
const LOCK = 'BIZTEL_Call_Log_Lock__c';
const lockField = xml<Field>('objects', LOCK, 'fields', 'Call_And_Owner__c.field-meta.xml').CustomField;
const activityField = xml<Field>('objects', 'Activity', 'fields', 'BIZTEL_Call_And_Owner__c.field-meta.xml').CustomField;
const lockObject = xml<{ CustomObject: Record<string, unknown> }>('objects', LOCK, `${LOCK}.object-meta.xml`).CustomObject;
const permissionSet = xml<{
  PermissionSet: {
    fieldPermissions: { field: string; editable: string; readable: string }[];
    objectPermissions: { object: string; allowCreate: string; allowRead: string; allowEdit: string; allowDelete: string; viewAllRecords: string; modifyAllRecords: string }[];
    userPermissions: { name: string; enabled: string }[];
  };
}>('permissionsets', 'BIZTEL_Open_CTI_User.permissionset-meta.xml').PermissionSet;
const callLog = read('classes', 'BIZTELOpenCTICallLog.cls');
const taskFields = read('classes', 'BIZTELOpenCTITaskFields.cls');
const params = read('classes', 'BIZTELOpenCTIParams.cls');
/** Apex without its comments, so a check never matches words in a comment. */
const code = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

describe('the call log lock and the call-and-owner fields', () => {
  it('the lock row has a unique, case-sensitive External ID text key that fits the call id and an owner Id', () => {
    expect(lockField).toMatchObject({ fullName: 'Call_And_Owner__c', type: 'Text', externalId: 'true', unique: 'true', caseSensitive: 'true', required: 'false' });
    const maxCallObject = Number(/CALL_OBJECT_MAX = (\d+);/.exec(taskFields)?.[1]);
    expect(maxCallObject).toBe(200);
    expect(maxCallObject + ':'.length + 18).toBeLessThanOrEqual(Number(lockField.length));
  });

  it('the lock object is private (each agent locks only their own rows) and deployed', () => {
    expect(lockObject).toMatchObject({ sharingModel: 'Private', externalSharingModel: 'Private', deploymentStatus: 'Deployed' });
  });

  it('activities carry the same key in an indexed (External ID), not unique, field of the same length', () => {
    expect(activityField).toMatchObject({ fullName: 'BIZTEL_Call_And_Owner__c', type: 'Text', externalId: 'true', unique: 'false', length: lockField.length });
  });

  it('the permission set grants what the Apex checks for: Edit Tasks, create and read of lock rows, the key fields', () => {
    expect(permissionSet.userPermissions).toContainEqual({ name: 'EditTask', enabled: 'true' });
    expect(permissionSet.objectPermissions).toEqual([
      { object: LOCK, allowCreate: 'true', allowRead: 'true', allowEdit: 'false', allowDelete: 'false', viewAllRecords: 'false', modifyAllRecords: 'false' },
    ]);
    for (const field of [`${LOCK}.Call_And_Owner__c`, 'Task.BIZTEL_Call_And_Owner__c', 'Event.BIZTEL_Call_And_Owner__c', 'Task.BIZTEL_Recording_URL__c']) {
      expect(permissionSet.fieldPermissions, field).toContainEqual({ field, editable: 'true', readable: 'true' });
    }
    // …and the Apex checks each of those before it writes anything.
    const checked = code(callLog);
    expect(checked).toMatch(/tasks\.isCreateable\(\) \|\| !tasks\.isUpdateable\(\)/);
    expect(checked).toMatch(/locks = Schema\.SObjectType\.BIZTEL_Call_Log_Lock__c;/);
    expect(checked).toMatch(/locks\.isCreateable\(\) && locks\.isAccessible\(\) && locks\.fields\.Call_And_Owner__c\.isCreateable\(\)/);
    expect(checked).toMatch(/taskKey = Schema\.SObjectType\.Task\.fields\.BIZTEL_Call_And_Owner__c;/);
    expect(checked).toMatch(/!taskKey\.isCreateable\(\) \|\| !taskKey\.isUpdateable\(\)/);
  });
});

describe('the Apex upsert', () => {
  const apex = code(callLog);

  it('inserts the lock row in user mode, and on DUPLICATE_VALUE locks it FOR UPDATE, before reading the Task by its key', () => {
    const insertLock = apex.indexOf('Database.insert(new BIZTEL_Call_Log_Lock__c(Call_And_Owner__c = key), false, AccessLevel.USER_MODE)');
    const duplicate = apex.indexOf('StatusCode.DUPLICATE_VALUE');
    const forUpdate = apex.search(/\[SELECT Id FROM BIZTEL_Call_Log_Lock__c WHERE Call_And_Owner__c = :key WITH USER_MODE LIMIT 1 FOR UPDATE\]/);
    const readTask = apex.search(/\[SELECT Id FROM Task WHERE BIZTEL_Call_And_Owner__c = :key WITH USER_MODE/);
    expect([insertLock, duplicate, forUpdate, readTask].every((at) => at > 0)).toBe(true);
    expect(insertLock < duplicate && duplicate < forUpdate).toBe(true);
    // The lock is taken (lock(key)) before the Task is read.
    expect(apex.indexOf('lock(key);')).toBeGreaterThan(0);
    expect(apex.indexOf('lock(key);')).toBeLessThan(readTask);
  });

  it('writes the Task in user mode only, and every query of it is in user mode', () => {
    expect(apex).toMatch(/insert as user allowed;/);
    expect(apex).toMatch(/update as user allowed;/);
    expect(apex).not.toMatch(/\b(insert|update|upsert|delete)\s+(?!as user)[a-z]\w*;/);
    for (const source of [apex, code(taskFields)]) {
      for (const query of source.match(/\[SELECT[^\]]*\]/g) ?? []) expect(query).toMatch(/WITH USER_MODE/);
    }
  });

  it('keys a call by call id and owner exactly as the mock org does', () => {
    expect(apex).toMatch(/return callObject \+ ':' \+ ownerId;/);
    expect(callKey('BZ1', '005000000000001AAA')).toBe('BZ1:005000000000001AAA');
  });

  it('sets TaskSubtype on create only, as the mock org does', () => {
    expect(/CREATE_ONLY = new Set<String>\{ 'TaskSubtype' \}/.test(apex)).toBe(true);
    expect([...CREATE_ONLY]).toEqual(['TaskSubtype']);
  });

  it('accepts the same Task fields as the mock org', () => {
    const apexFields = /TASK_FIELDS = new Set<String>\{([^}]*)\}/.exec(taskFields)?.[1]?.match(/'[^']+'/g)?.map((s) => s.slice(1, -1)) ?? [];
    expect(apexFields.length).toBeGreaterThan(10);
    expect(apexFields.sort()).toEqual(Object.keys(TASK_FIELDS).sort());
  });
});

describe('the Apex decoding of runApex parameters', () => {
  it('maps base64url back to base64, re-pads and decodes UTF-8, refusing other characters', () => {
    const apex = code(params);
    expect(apex).toMatch(/Pattern\.compile\('\[A-Za-z0-9_-\]\*'\)/);
    expect(apex).toMatch(/value\.replace\('-', '\+'\)\.replace\('_', '\/'\)/);
    expect(apex).toMatch(/'='\.repeat\(/);
    expect(apex).toMatch(/EncodingUtil\.base64Decode\(base64\)\.toString\(\)/);
  });

  it('is applied to every parameter of every webService method', () => {
    const controller = code(read('classes', 'BIZTELOpenCTIController.cls'));
    const methods = [...controller.matchAll(/webService static String (\w+)\(([^)]*)\)\s*\{([\s\S]*?)\n {4}\}/g)];
    expect(methods.map((m) => m[1])).toEqual(['getUserInfo', 'upsertCallLog', 'fillCallLog', 'searchPhone', 'getDirectoryNumbers']);
    for (const [, name, args, body] of methods) {
      for (const param of args!.split(',').filter(Boolean).map((a) => a.trim().split(/\s+/)[1]!)) {
        expect(body, `${name}(${param})`).toContain(`BIZTELOpenCTIParams.decode('${param}', ${param})`);
      }
    }
  });
});
