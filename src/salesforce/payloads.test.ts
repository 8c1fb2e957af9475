import { beforeEach, describe, expect, it } from 'vitest';
import type { HostDiagnostic } from './diagnostics';
import { firstError, openCtiResponseSchema, parseClickToDial as parseClick, parseNavigation as parseNav, parseSearchRecords as parseSearch, parseSettings as parseSet } from './payloads';

let heard: HostDiagnostic[] = [];
const report = (d: HostDiagnostic) => {
  heard.push(d);
};
beforeEach(() => {
  heard = [];
});
const parseClickToDial = (value: unknown) => parseClick(value, report);
const parseNavigation = (value: unknown) => parseNav(value, report);
const parseSearchRecords = (value: unknown) => parseSearch(value, report);
const parseSettings = (value: unknown) => parseSet(value, report);
const isOpenCtiResponse = (value: unknown) => openCtiResponseSchema.safeParse(value).success;
const kinds = () => heard.map((d) => d.kind);

describe('validating what Salesforce hands the panel', () => {
  it('accepts click-to-dial payloads and restores the 0 a numeric number lost', () => {
    expect(parseClickToDial({ number: '03-5555-0101', recordId: '0035555000001AA', recordName: '山田 太郎', objectType: 'Contact' })).toEqual({
      ok: true,
      request: { number: '03-5555-0101', recordId: '0035555000001AA', recordName: '山田 太郎', objectType: 'Contact' },
    });
    expect(parseClickToDial({ number: 9012345678 })).toMatchObject({ ok: true, request: { number: '09012345678', recordId: null } });
    expect(parseClickToDial({ number: 355550101 })).toMatchObject({ ok: true, request: { number: '0355550101' } });
    expect(parseClickToDial({ number: 2002 })).toMatchObject({ ok: true, request: { number: '2002' } });
  });

  it.each([
    ['no number', { recordId: '0035555000001AA' }],
    ['an empty number', { number: '' }],
    ['a fractional number', { number: 3.5 }],
    ['a negative number', { number: -1 }],
    ['a bad record Id', { number: '0312345678', recordId: '<img src=x>' }],
    ['an object as number', { number: { toString: 'x' } }],
    ['null', null],
    ['a string', 'tel:0312345678'],
  ])('refuses %s', (_what, payload) => {
    expect(parseClickToDial(payload).ok).toBe(false);
  });

  it('keeps valid search records and drops malformed ones, keeping the deferred pop data aside', () => {
    const { records, deferredPop, dropped } = parseSearchRecords({
      '0035555000001AA': { Id: '0035555000001AA', Name: '山田 太郎', RecordType: 'Contact' },
      bad: { Id: 'nope', RecordType: 'Contact' },
      '00Q5555000001AA': { Id: '00Q5555000001AA', RecordType: 'Lead', Name: null, LastName: '鈴木' },
      SCREEN_POP_DATA: { type: 'sobject', params: { recordId: '0035555000001AA' } },
    });
    expect(records).toEqual([
      { recordId: '0035555000001AA', name: '山田 太郎', objectType: 'Contact' },
      { recordId: '00Q5555000001AA', name: '鈴木', objectType: 'Lead' },
    ]);
    expect(dropped).toBe(1);
    expect(deferredPop).toEqual({ type: 'sobject', params: { recordId: '0035555000001AA' } });
    expect(parseSearchRecords('garbage').records).toEqual([]);
  });

  it('reads navigation info, and treats an empty record Id as none', () => {
    expect(parseNavigation({ url: 'https://x', recordId: '', recordName: null })).toEqual({ url: 'https://x', recordId: null, recordName: null, objectType: null });
    expect(parseNavigation({ recordId: 'bad id' })).toBeNull();
  });

  it('keeps only string call center settings', () => {
    expect(parseSettings({ '/a/b': 'x', '/a/c': 3, '/a/d': null })).toEqual({ '/a/b': 'x' });
    expect(parseSettings(null)).toEqual({});
  });

  it('reports every payload it drops, one diagnostic each, and nothing for valid ones', () => {
    parseClickToDial({ number: '03-5555-0101' });
    parseNavigation({ url: 'https://x', recordId: '0035555000001AA' });
    parseSearchRecords({ '0035555000001AA': { Id: '0035555000001AA', RecordType: 'Contact' } });
    parseSearchRecords(null); // no match
    parseSettings({ '/a/b': 'x' });
    expect(heard).toEqual([]);

    parseClickToDial({ number: '' });
    parseClickToDial({ number: 1e300 });
    parseNavigation({ recordId: 'bad id' });
    parseSearchRecords({ a: { Id: 'nope' }, b: 5, SCREEN_POP_DATA: {} });
    parseSearchRecords('garbage');
    parseSettings({ '/a/b': 3 });
    parseSettings('x');
    expect(kinds()).toEqual(['clickToDial', 'clickToDial', 'navigation', 'searchRecord', 'searchRecord', 'searchRecord', 'settings', 'settings']);
    expect(heard.every((d) => d.message.length > 0 && d.message.length <= 300)).toBe(true);
  });

  it('knows an Open CTI answer envelope and reads its first error defensively', () => {
    expect(isOpenCtiResponse({ success: true, returnValue: 1 })).toBe(true);
    expect(isOpenCtiResponse({ success: false, errors: [] })).toBe(true);
    for (const bad of [null, 'ok', 5, [], { success: 'true' }, {}]) expect(isOpenCtiResponse(bad)).toBe(false);
    expect(firstError([{ code: 'SERVER_ERROR', description: 'x' }])).toEqual({ code: 'SERVER_ERROR', description: 'x' });
    expect(firstError('abc')).toEqual({ code: null, description: null });
    expect(firstError([null])).toEqual({ code: null, description: null });
    expect(firstError([{ code: 5, description: { a: 1 } }])).toEqual({ code: null, description: null });
  });
});
