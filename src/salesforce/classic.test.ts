import { describe, expect, it } from 'vitest';
import { ClassicHost, DIRECTORY_PAGE_SIZE } from './classic';
import type { ReportHostDiagnostic } from './diagnostics';
import type { ClassicResponse, SforceInteraction } from './opencti-api';

const ignoreDiagnostics: ReportHostDiagnostic = () => {};

/** A Classic whose directory holds `total` numbers and answers them page by page, as Salesforce does. */
function pagedDirectory(total: number, answer: (page: number, entries: unknown[], hasNext: boolean) => unknown = (_p, e, n) => JSON.stringify({ directoryNumbers: e, hasNext: n })) {
  const asked: { page: number | undefined; size: number | undefined }[] = [];
  const api = {
    cti: {
      getDirectoryNumbers: (_global: boolean, _center: string | null, cb: (r: ClassicResponse) => void, page?: number, size?: number) => {
        asked.push({ page, size });
        const from = (page ?? 0) * (size ?? DIRECTORY_PAGE_SIZE);
        const count = Math.max(0, Math.min(size ?? DIRECTORY_PAGE_SIZE, total - from));
        const entries = Array.from({ length: count }, (_, i) => ({ callCenterName: 'BIZTEL', name: `番号${from + i}`, phone: `03-0000-${String(from + i).padStart(4, '0')}`, description: '' }));
        cb({ result: answer(page ?? 0, entries, from + count < total) });
      },
    },
  } as unknown as SforceInteraction;
  return { host: new ClassicHost(api, ignoreDiagnostics), asked };
}

describe('Classic directory numbers (getDirectoryNumbers)', () => {
  it('reads every page while Salesforce says hasNext', async () => {
    const { host, asked } = pagedDirectory(DIRECTORY_PAGE_SIZE * 2 + 3);
    const numbers = await host.getDirectoryNumbers();
    expect(numbers).toHaveLength(DIRECTORY_PAGE_SIZE * 2 + 3);
    expect(numbers.at(-1)).toEqual({ name: `番号${DIRECTORY_PAGE_SIZE * 2 + 2}`, phone: `03-0000-${DIRECTORY_PAGE_SIZE * 2 + 2}` });
    expect(asked).toEqual([0, 1, 2].map((page) => ({ page, size: DIRECTORY_PAGE_SIZE })));
  });

  it('asks once when everything fits on the first page', async () => {
    const { host, asked } = pagedDirectory(2);
    expect(await host.getDirectoryNumbers()).toHaveLength(2);
    expect(asked).toHaveLength(1);
  });

  it('stops at an empty page that still claims more, and skips malformed entries', async () => {
    const { host, asked } = pagedDirectory(1, (page, entries) =>
      JSON.stringify({ directoryNumbers: page === 0 ? [...entries, { name: 1 }, null] : [], hasNext: true }),
    );
    expect(await host.getDirectoryNumbers()).toEqual([{ name: '番号0', phone: '03-0000-0000' }]);
    expect(asked).toHaveLength(2);
  });

  it('keeps no list from an answer that is not one', async () => {
    const { host } = pagedDirectory(3, () => 'not json');
    expect(await host.getDirectoryNumbers()).toEqual([]);
  });
});

describe('Classic click-to-dial (cti.onClickToDial)', () => {
  function clicks(payloads: unknown[]) {
    const api = {
      cti: {
        onClickToDial: (listener: (r: ClassicResponse) => void) => {
          for (const payload of payloads) listener({ result: JSON.stringify(payload) });
        },
      },
    } as unknown as SforceInteraction;
    const heard: unknown[] = [];
    const refused: string[] = [];
    new ClassicHost(api, ignoreDiagnostics).onClickToDial((request) => heard.push(request), (reason) => refused.push(reason));
    return { heard, refused };
  }

  it('takes a click without a record (Classic sends empty strings) as a number with no record', () => {
    const { heard, refused } = clicks([{ number: '03-5555-0101', objectId: '', objectName: '', object: '', displayName: '' }]);
    expect(refused).toEqual([]);
    expect(heard).toEqual([expect.objectContaining({ number: '03-5555-0101', recordId: null })]);
  });

  it('keeps the record of a click from one', () => {
    const { heard } = clicks([{ number: '03-5555-0101', objectId: '0035555000001AA', objectName: '山田 太郎', object: 'Contact', displayName: '山田 太郎' }]);
    expect(heard).toEqual([expect.objectContaining({ recordId: '0035555000001AA', recordName: '山田 太郎', objectType: 'Contact' })]);
  });
});

describe('Classic searchAndScreenPop', () => {
  it('passes the call id as queryParams, the query string Classic adds to the pop URL', async () => {
    const asked: unknown[][] = [];
    const api = {
      searchAndScreenPop: (searchParams: string, queryParams: string, callType: string, cb: (r: ClassicResponse) => void) => {
        asked.push([searchParams, queryParams, callType]);
        cb({ result: JSON.stringify({ '0035555000001AA': { Name: '山田 太郎', object: 'Contact' } }), error: null });
      },
    } as unknown as SforceInteraction;
    const result = await new ClassicHost(api, ignoreDiagnostics).searchAndScreenPop({ searchParams: '0355550101', callType: 'inbound', deferred: false, callId: 'BZ 1&x' });
    expect(asked).toEqual([['0355550101', 'biztelCallId=BZ%201%26x', 'inbound']]);
    expect(result.records).toEqual([{ recordId: '0035555000001AA', name: '山田 太郎', objectType: 'Contact' }]);
  });
});

describe('Classic runApex', () => {
  it('sends every value as base64url and no parameters as "none"', async () => {
    const sent: string[][] = [];
    const api = {
      runApex: (apexClass: string, methodName: string, methodParams: string, cb: (r: ClassicResponse) => void) => {
        sent.push([apexClass, methodName, methodParams]);
        cb({ result: '[]' });
      },
    } as unknown as SforceInteraction;
    const host = new ClassicHost(api, ignoreDiagnostics);
    expect(await host.runApex('C', 'searchPhone', { phone: '+81 3 & 4', objects: 'Contact' })).toBe('[]');
    await host.runApex('C', 'getUserInfo', {});
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    expect(sent).toEqual([
      ['C', 'searchPhone', `phone=${b64('+81 3 & 4')}&objects=${b64('Contact')}`],
      ['C', 'getUserInfo', 'none'],
    ]);
  });
});
