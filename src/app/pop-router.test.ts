import { describe, expect, it } from 'vitest';
import type { CtiHost, SearchRequest } from '../salesforce/types';
import { PopRouter, bestPanel, servePops, type PanelPresence } from './pop-router';
import type { TabRpc } from './tabs/rpc';

const request: SearchRequest = { searchParams: '0355550101', callType: 'inbound', deferred: false, callId: 'BZ1' };

function host(log: SearchRequest[]): CtiHost {
  return {
    searchAndScreenPop: (r: SearchRequest) => {
      log.push(r);
      return Promise.resolve({ records: [], deferredPop: null });
    },
    popRecord: () => Promise.resolve(),
  } as unknown as CtiHost;
}

const rpc = (answer: () => Promise<unknown>) => ({ request: answer }) as unknown as TabRpc;

describe('where a pop happens', () => {
  it('prefers a visible tab, then the one used last; forgets silent ones', () => {
    const now = 100_000;
    const panels = new Map<string, PanelPresence>([
      ['a', { visible: false, activeAt: 99_000, seenAt: now }],
      ['b', { visible: true, activeAt: 50_000, seenAt: now }],
      ['c', { visible: true, activeAt: 90_000, seenAt: now }],
      ['d', { visible: true, activeAt: 99_999, seenAt: now - 60_000 }],
    ]);
    expect(bestPanel(panels, now)).toBe('c');
    panels.delete('c');
    panels.delete('b');
    expect(bestPanel(panels, now)).toBe('a');
    expect(bestPanel(new Map(), now)).toBeNull();
  });

  it('pops in the leader’s own tab when it is the one in use', async () => {
    const log: SearchRequest[] = [];
    const router = new PopRouter('me', host(log), rpc(() => Promise.reject(new Error('not used'))), () => 1000);
    router.update('me', { visible: true, activeAt: 900 });
    router.update('other', { visible: false, activeAt: 999 });
    await router.search(request);
    expect(log).toEqual([request]);
  });

  it('never pops a second time when the other tab does not answer: it only links', async () => {
    const log: SearchRequest[] = [];
    const router = new PopRouter('me', host(log), rpc(() => Promise.reject(new Error('timeout'))), () => 1000);
    router.update('me', { visible: false, activeAt: 0 });
    router.update('other', { visible: true, activeAt: 999 });
    await router.search(request);
    expect(log).toEqual([{ ...request, deferred: true }]);
    expect(router.panels.has('other')).toBe(false);
  });

  it('takes the records the other tab found', async () => {
    const log: SearchRequest[] = [];
    const found = { records: [{ recordId: '0035555000001AA', name: '山田 太郎', objectType: 'Contact' }], deferredPop: null };
    const router = new PopRouter('me', host(log), rpc(() => Promise.resolve(found)), () => 1000);
    router.update('other', { visible: true, activeAt: 999 });
    expect(await router.search(request)).toEqual(found);
    expect(log).toEqual([]);
  });

  it('pops a deferred search’s data in the tab in use, which checks it before navigating', async () => {
    const sent: unknown[] = [];
    const router = new PopRouter('me', host([]), { request: (_to: string, _m: string, args: unknown) => (sent.push(args), Promise.resolve(null)) } as unknown as TabRpc, () => 1000);
    router.update('other', { visible: true, activeAt: 999 });
    const deferredPop = { type: 'sobject', params: { recordId: '0035555000001AA' } };
    await router.popDeferred({ records: [], deferredPop }, request);
    expect(sent).toEqual([{ kind: 'deferred', request, deferredPop }]);

    // The receiving tab's side.
    const popped: unknown[] = [];
    let handler: ((args: unknown) => Promise<unknown>) | undefined;
    servePops({ handle: (_name: string, h: (args: unknown) => Promise<unknown>) => (handler = h) } as unknown as TabRpc, {
      popDeferred: (result: unknown) => (popped.push(result), Promise.resolve()),
    } as unknown as CtiHost);
    await handler!(sent[0]);
    expect(popped).toEqual([{ records: [], deferredPop }]);
    await expect(handler!({ kind: 'deferred', request, deferredPop: { type: 'sobject', params: 'x' } })).rejects.toThrow('bad pop request');
  });
});
