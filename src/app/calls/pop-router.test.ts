import { describe, expect, it, vi } from 'vitest';
import type { CtiHost, SearchRequest, SearchResult } from '../../salesforce/types';
import { TEST_TIMING, tabsForEachTest } from '../testing/tabs.test-support';
import { PopRouter } from './pop-router';
import { servePops } from './pop-serve';

const request: SearchRequest = { searchParams: '0355550101', callType: 'inbound', deferred: false, callId: 'BZ1' };
const YAMADA = { recordId: '0035555000001AA', name: '山田 太郎', objectType: 'Contact' };

/** A Salesforce tab that records what it was asked to do, answering searches with `found`. */
function host(found: SearchResult = { records: [], deferredPop: null }) {
  const asked: { method: string; arg: unknown }[] = [];
  const h = {
    searchAndScreenPop: (r: SearchRequest) => {
      asked.push({ method: 'search', arg: r });
      return Promise.resolve(found);
    },
    popRecord: (recordId: string) => {
      asked.push({ method: 'popRecord', arg: recordId });
      return Promise.resolve();
    },
    popDeferred: (result: SearchResult) => {
      asked.push({ method: 'popDeferred', arg: result.deferredPop });
      return Promise.resolve();
    },
  };
  return { host: h as unknown as CtiHost, asked };
}

const tabs = tabsForEachTest();

/** The leader's tab ("me") and another tab of the agent, with their presence. */
async function twoTabs(other: { visible: boolean; activeAt: number; answers?: boolean; found?: SearchResult }) {
  const [me, them] = await tabs.leaderAndFollower('me', 'other');
  const mine = host();
  const theirs = host(other.found);
  if (other.answers !== false) servePops(them, theirs.host);
  me.setPresence(false, 500);
  them.setPresence(other.visible, other.activeAt);
  await vi.advanceTimersByTimeAsync(TEST_TIMING.beatMs);
  return { me, them, mine, theirs, router: new PopRouter(mine.host, me) };
}

describe('where a pop happens', () => {
  it('pops in the leader’s own tab when it is the one in use', async () => {
    const { router, mine, theirs } = await twoTabs({ visible: false, activeAt: 100 });
    await router.search(request);
    expect(mine.asked).toEqual([{ method: 'search', arg: request }]);
    expect(theirs.asked).toEqual([]);
  });

  it('pops in the other tab when the agent is there, and takes the records it found', async () => {
    const { router, mine, theirs } = await twoTabs({ visible: true, activeAt: 900, found: { records: [YAMADA], deferredPop: null } });
    const found = router.search(request);
    await vi.advanceTimersByTimeAsync(0);
    expect(await found).toEqual({ records: [YAMADA], deferredPop: null });
    expect(theirs.asked).toEqual([{ method: 'search', arg: request }]);
    expect(mine.asked).toEqual([]);
  });

  it('never pops a second time when the other tab does not answer: it only links, and forgets that tab', async () => {
    const { router, mine, me } = await twoTabs({ visible: true, activeAt: 900, answers: false });
    const found = router.search(request);
    await vi.advanceTimersByTimeAsync(0);
    await found;
    expect(mine.asked).toEqual([{ method: 'search', arg: { ...request, deferred: true } }]);
    expect(me.bestPanel()).toBe('me');
  });

  it('pops a deferred search’s data in the tab in use, which checks it before navigating', async () => {
    const { router, theirs, me } = await twoTabs({ visible: true, activeAt: 900 });
    const deferredPop = { type: 'sobject', params: { recordId: '0035555000001AA' } };
    const popped = router.popDeferred({ records: [], deferredPop }, request);
    await vi.advanceTimersByTimeAsync(0);
    await popped;
    expect(theirs.asked).toEqual([{ method: 'popDeferred', arg: deferredPop }]);
    // A malformed pop is refused by the tab that would navigate.
    const bad = me.request('other', 'pop', { kind: 'deferred', request, deferredPop: { type: 'sobject', params: 'x' } }, 1000);
    const refused = expect(bad).rejects.toThrow('bad pop request');
    await vi.advanceTimersByTimeAsync(0);
    await refused;
  });

  it('serves pops to the leader only', async () => {
    const { them, theirs } = await twoTabs({ visible: true, activeAt: 900 });
    const third = tabs.panel('third');
    await vi.advanceTimersByTimeAsync(TEST_TIMING.beatMs);
    const asked = third.request('other', 'pop', { kind: 'record', recordId: YAMADA.recordId }, 1000);
    const refused = expect(asked).rejects.toThrow(/only the leader/);
    await vi.advanceTimersByTimeAsync(0);
    await refused;
    expect(theirs.asked).toEqual([]);
    expect(them.leaderId).toBe('me');
  });
});
