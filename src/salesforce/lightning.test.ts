import { beforeEach, describe, expect, it } from 'vitest';
import type { HostDiagnostic } from './diagnostics';
import { LightningHost } from './lightning';
import type { SforceOpenCti } from './opencti-api';
import { HostError } from './types';

/** A `sforce.opencti` whose every callback gets `answer`, and whose listeners tests can call. */
function fakeApi(answer: () => unknown) {
  const listeners: Record<string, (payload: unknown) => void> = {};
  const call = (args: { callback?: (r: unknown) => void }) => args.callback?.(answer());
  const api = new Proxy<Record<string, unknown>>({}, {
    get: (_t, name: string) =>
      name === 'onNavigationChange' || name === 'onClickToDial'
        ? (args: { listener: (payload: unknown) => void }) => (listeners[name] = args.listener)
        : call,
  }) as unknown as SforceOpenCti;
  return { api, listeners };
}

let heard: HostDiagnostic[] = [];
const report = (d: HostDiagnostic) => {
  heard.push(d);
};
beforeEach(() => {
  heard = [];
});

const search = { searchParams: '0355550101', callType: 'inbound' as const, deferred: false, callId: 'BZ1' };

describe('the Lightning host refuses what it cannot trust, and says so', () => {
  it.each([null, 'ok', 5, [], { success: 'yes' }])('an answer that is not an Open CTI response (%j): BAD_RESPONSE and a diagnostic', async (answer) => {
    const host = new LightningHost(fakeApi(() => answer).api, report);
    await expect(host.searchAndScreenPop(search)).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    expect(heard.map((d) => d.kind)).toEqual(['response']);
  });

  it('a failed answer with garbage errors is a GENERIC_ERROR, not a crash', async () => {
    const host = new LightningHost(fakeApi(() => ({ success: false, errors: 'boom' })).api, report);
    const error: unknown = await host.popRecord('0035555000001AA').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: 'GENERIC_ERROR' });
    expect(heard).toEqual([]);
  });

  it('keeps the good records of a search answer and reports each bad one', async () => {
    const returnValue = { '0035555000001AA': { Id: '0035555000001AA', Name: '山田 太郎', RecordType: 'Contact' }, x: { Id: '<b>' }, y: 'z' };
    const host = new LightningHost(fakeApi(() => ({ success: true, returnValue })).api, report);
    expect((await host.searchAndScreenPop(search)).records).toEqual([{ recordId: '0035555000001AA', name: '山田 太郎', objectType: 'Contact' }]);
    expect(heard.map((d) => d.kind)).toEqual(['searchRecord', 'searchRecord']);
  });

  it('drops a bad navigation push with a diagnostic, and passes a good one on', () => {
    const { api, listeners } = fakeApi(() => ({ success: true }));
    const seen: unknown[] = [];
    new LightningHost(api, report).onNavigationChange((info) => seen.push(info));
    listeners.onNavigationChange?.({ recordId: 42 });
    listeners.onNavigationChange?.({ url: 'https://x', recordId: '0035555000001AA' });
    expect(seen).toEqual([{ url: 'https://x', recordId: '0035555000001AA', recordName: null, objectType: null }]);
    expect(heard.map((d) => d.kind)).toEqual(['navigation']);
  });
});

describe('the Lightning host asks Salesforce in documented shapes only', () => {
  it('searchAndScreenPop: no params (an object for flows only), the call id as queryParams for a Visualforce pop', async () => {
    const asked: Record<string, unknown>[] = [];
    const api = {
      searchAndScreenPop: (args: Record<string, unknown> & { callback: (r: unknown) => void }) => {
        asked.push(args);
        args.callback({ success: true, returnValue: {} });
      },
    } as unknown as SforceOpenCti;
    await new LightningHost(api, report).searchAndScreenPop({ ...search, callId: 'BZ 1&x' });
    expect(asked).toHaveLength(1);
    const { callback, ...args } = asked[0] as Record<string, unknown>;
    expect(typeof callback).toBe('function');
    expect(args).toEqual({
      searchParams: '0355550101',
      callType: 'inbound',
      deferred: false,
      queryParams: 'biztelCallId=BZ%201%26x',
      defaultFieldValues: { Phone: '0355550101' },
    });
  });
});

describe('Lightning runApex', () => {
  it('sends every value as base64url and no parameters as "none"', async () => {
    const sent: unknown[] = [];
    const api = {
      runApex: (args: { callback: (r: unknown) => void }) => {
        sent.push({ ...args, callback: undefined });
        args.callback({ success: true, returnValue: { runApex: 'ok' }, errors: null });
      },
    } as unknown as SforceOpenCti;
    const host = new LightningHost(api, report);
    expect(await host.runApex('C', 'upsertCallLog', { log: '{"a":"b c+d"}' })).toBe('ok');
    await host.runApex('C', 'getUserInfo', {});
    expect(sent).toEqual([
      { apexClass: 'C', methodName: 'upsertCallLog', methodParams: `log=${Buffer.from('{"a":"b c+d"}').toString('base64url')}`, callback: undefined },
      { apexClass: 'C', methodName: 'getUserInfo', methodParams: 'none', callback: undefined },
    ]);
  });
});
