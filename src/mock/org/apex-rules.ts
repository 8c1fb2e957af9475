/**
 * What the package's Apex controller accepts and how it searches, as the fake org plays it: its
 * methods and their parameter names, the Task fields a call log may set, the call key and the
 * objects searchPhone looks in.
 */
import { TASK_LIMITS } from '../../domain/task-limits.ts';
import { OBJECT_TYPES } from './layout-schema.ts';
import type { ObjectType } from './types.ts';

/** As the Apex: a call id fits the 255-character call key with the owner's Id beside it. */
const CALL_OBJECT_MAX = 200;

/**
 * The call key the Apex writes to the lock row and to the Task's External ID field: the call id and
 * the owner's Id, so another agent's Task of the same call never collides.
 */
export function callKey(callObject: string, ownerId: string): string {
  return `${callObject}:${ownerId}`;
}

/** Lets other requests run, as another database session would between two statements. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The package's Apex methods and their parameter names (BIZTELOpenCTIController.cls). */
export const APEX_PARAMS: Record<string, readonly string[]> = {
  getUserInfo: [],
  upsertCallLog: ['log'],
  fillCallLog: ['log'],
  searchPhone: ['phone', 'objects'],
  getDirectoryNumbers: [],
};

/** The Task fields the package writes; anything else is refused, as Apex deserialisation would. */
export const TASK_FIELDS: Record<string, (value: unknown) => boolean> = {
  Subject: (v) => typeof v === 'string' && v.length <= TASK_LIMITS.Subject,
  Status: (v) => typeof v === 'string',
  Priority: (v) => typeof v === 'string',
  TaskSubtype: (v) => v === 'Call',
  Type: (v) => typeof v === 'string',
  CallType: (v) => v === 'Inbound' || v === 'Outbound' || v === 'Internal',
  CallDurationInSeconds: (v) => Number.isInteger(v) && (v as number) >= 0,
  CallObject: (v) => typeof v === 'string' && v.length > 0 && v.length <= CALL_OBJECT_MAX,
  CallDisposition: (v) => typeof v === 'string' && v.length <= TASK_LIMITS.CallDisposition,
  Description: (v) => typeof v === 'string' && v.length <= TASK_LIMITS.Description,
  ActivityDate: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  WhoId: (v) => typeof v === 'string',
  WhatId: (v) => typeof v === 'string',
  BIZTEL_Recording_URL__c: (v) => typeof v === 'string' && /^https?:\/\//.test(v) && v.length <= 255,
};

/** Fields written when the Task is created, never changed afterwards (Salesforce refuses to change TaskSubtype). */
export const CREATE_ONLY = new Set(['TaskSubtype']);

/** The Apex searchPhone's defaults and limits (BIZTELOpenCTIController.cls). */
const SEARCH_DEFAULT_OBJECTS = ['Contact', 'Lead', 'Account'];
const SEARCH_MAX_OBJECTS = 46;
export const SEARCH_LIMIT = 20;
/** The org's objects by lower-case name, as Apex's global describe finds them. */
const OBJECT_BY_NAME = new Map<string, ObjectType>(OBJECT_TYPES.map((type) => [type.toLowerCase(), type]));

/** As the Apex's `searchable`: the named objects the org has, in any case, each once, at most 46, in the order named. */
export function searchableObjects(objects: string): ObjectType[] {
  const names = objects.trim() === '' ? SEARCH_DEFAULT_OBJECTS : objects.split(',');
  const result: ObjectType[] = [];
  for (const name of names) {
    const type = OBJECT_BY_NAME.get(name.trim().toLowerCase());
    if (type && !result.includes(type) && result.length < SEARCH_MAX_OBJECTS) result.push(type);
  }
  return result;
}

