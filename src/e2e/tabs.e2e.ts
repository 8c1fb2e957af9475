import { beforeEach, describe, expect, it } from 'vitest';
import { groupKey } from '../app/tabs';
import { loggedNextCall, logWrites, ownerId } from './agents';
import { panelFrame } from './mock-helpers';
import {
  expectCallState,
  launchStorageContext,
  openTab,
  panelLabels,
  panelRole,
  popRequests,
  screenPops,
  signIn,
  tasksFor,
  type MockPage,
  mockStage,
} from './support';

const stage = mockStage({ simulator: { timing: { recordingDelayMs: 200, outcomeDelayMs: 100 } } });
beforeEach(() => stage.reset());

/** Tabs of one agent in one browser: storage blocked (Debian default), or allowed (Chrome default). */
async function tabs(count: number, storage: 'blocked' | 'allowed'): Promise<MockPage[]> {
  const context = stage.track(storage === 'allowed' ? await launchStorageContext() : await stage.browser.newContext({ viewport: { width: 1280, height: 900 } }));
  const pages: MockPage[] = [];
  for (let i = 0; i < count; i++) pages.push(await openTab(context, stage.stack, 'lang=en'));
  return pages;
}

async function roles(pages: MockPage[]): Promise<string[]> {
  return Promise.all(pages.map((m) => panelRole(m).then((r) => r ?? '?')));
}

const allPops = async (pages: MockPage[]) => (await Promise.all(pages.map((m) => screenPops(m)))).map((p) => p.length);
const allPopRequests = async (pages: MockPage[]) => (await Promise.all(pages.map((m) => popRequests(m)))).map((p) => p.length);

async function leaderOf(pages: MockPage[]): Promise<MockPage> {
  const leader = pages[(await roles(pages)).indexOf('leader')];
  if (!leader) throw new Error('no panel leads');
  return leader;
}

/**
 * Each tab's panel has set its utility-bar label to `label`: whatever it sent Salesforce before (a
 * pop, a log) has reached its host by then, since the host takes a panel's calls in order.
 */
async function everyTabLabelled(pages: MockPage[], label: string): Promise<void> {
  for (const m of pages) await expect.poll(() => panelLabels(m), { timeout: 10_000 }).toContain(label);
}

/**
 * Listens on the agent's tab channel in `m`'s panel frame, beside the panel's own listener, for a panel
 * saying that the agent used it at `since` or later; the returned function waits until one has.
 */
async function listenForUse(m: MockPage, since: number): Promise<() => Promise<void>> {
  const frame = await panelFrame(m.page);
  const build = await frame.evaluate(() => document.documentElement.dataset.panelBuild ?? '');
  const channel = groupKey(build, ownerId('agent01'), stage.stack.simulator.url);
  await frame.evaluate(
    ([name, from]) => {
      const w = window as unknown as { heardUse?: Promise<void> };
      w.heardUse = new Promise((resolve) => {
        const listener = new BroadcastChannel(name);
        listener.onmessage = (event: MessageEvent<{ type?: unknown; activeAt?: unknown }>) => {
          if (event.data.type === 'beat' && typeof event.data.activeAt === 'number' && event.data.activeAt >= from) {
            listener.close();
            resolve();
          }
        };
      });
    },
    [channel, since] as const,
  );
  return () => frame.evaluate(() => (window as unknown as { heardUse?: Promise<void> }).heardUse);
}

describe.each(['blocked', 'allowed'] as const)('one agent, several Salesforce tabs (third-party storage %s)', (storage) => {
  it('has one leader; the others follow it, show the same call and send their commands through it', async () => {
    const [a, b, c] = await tabs(3, storage);
    await expect.poll(async () => (await roles([a!, b!, c!])).sort()).toEqual(['follower', 'follower', 'leader']);
    await signIn(b!.panel); // signing in from a follower
    for (const m of [a!, c!]) await m.panel.getByRole('combobox', { name: 'Status' }).waitFor();
    const { callId } = await a!.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    for (const m of [a!, b!, c!]) await expectCallState(m.panel, 'Ringing');
    await c!.panel.getByRole('button', { name: 'Answer' }).click();
    for (const m of [a!, b!, c!]) await expectCallState(m.panel, 'Connected');
    await b!.panel.getByRole('textbox', { name: 'Notes' }).fill('typed in another tab');
    await a!.panel.getByRole('button', { name: 'Hang up' }).click();
    for (const m of [a!, b!, c!]) await expectCallState(m.panel, 'Ended');
    await expect.poll(() => tasksFor(a!, callId).then((t) => t.map((x) => x.Description)), { timeout: 8000 }).toEqual(['typed in another tab\nRecording: ' + `http://localhost:${stage.stack.simulator.port}/monitor_link/${callId}`]);
    // Written by the leader alone, no version twice: not by the time the leader has logged the next
    // (anonymous: no pop) call and every tab has shown it ring.
    const pages = [a!, b!, c!];
    const leader = await leaderOf(pages);
    await loggedNextCall(leader);
    await everyTabLabelled(pages, 'Ringing Anonymous');
    for (const m of pages) if (m !== leader) expect(await logWrites(m, 0, callId)).toEqual([]);
    const writes = (await logWrites(leader, 0, callId)).map((task) => JSON.stringify(task));
    expect(new Set(writes).size).toBe(writes.length);
    expect(await tasksFor(a!, callId)).toHaveLength(1);
    expect((await allPopRequests(pages)).reduce((x, y) => x + y, 0)).toBe(1);
    expect((await allPops(pages)).reduce((x, y) => x + y, 0)).toBe(1);
  });

  it('pops in the tab the agent used last, and only there', async () => {
    const [a, b, c] = await tabs(3, storage);
    const pages = [a!, b!, c!];
    await signIn(a!.panel);
    // The agent works in tab b: its panel tells the group at once; the call rings once the leader has heard.
    const leader = await leaderOf(pages);
    const heard = await listenForUse(leader, await b!.cti(() => Date.now()));
    await b!.cti((cti) => cti.host.navigate('0015555000001AA'));
    await heard();
    await a!.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expect.poll(() => screenPops(b!)).toEqual([expect.objectContaining({ type: 'sobject', poppedRecordIds: ['0035555000001AA'] })]);
    // The leader is done with the ring once the record shows; then each tab labels the answered call.
    await leader.panel.getByText('山田 太郎').waitFor();
    await b!.panel.getByRole('button', { name: 'Answer' }).click();
    await everyTabLabelled(pages, 'Connected 山田 太郎'); // the one record the search found names the caller
    expect(await allPopRequests(pages)).toEqual([0, 1, 0]);
    expect(await allPops(pages)).toEqual([0, 1, 0]);
  });

  it('keeps the call when the leader tab closes: another tab takes over and logs it once', async () => {
    const pages = await tabs(2, storage);
    await signIn(pages[0]!.panel);
    await expect.poll(async () => (await roles(pages)).sort()).toEqual(['follower', 'leader']);
    const { callId } = await pages[0]!.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await pages[0]!.panel.getByRole('button', { name: 'Answer' }).click();
    for (const m of pages) await expectCallState(m.panel, 'Connected');
    const leaderIndex = (await roles(pages)).indexOf('leader');
    const leader = pages[leaderIndex]!;
    const survivor = pages[1 - leaderIndex]!;
    await leader.page.close();
    await expect.poll(() => panelRole(survivor), { timeout: 10_000 }).toBe('leader');
    await expectCallState(survivor.panel, 'Connected');
    await survivor.panel.getByRole('button', { name: 'Hang up' }).click();
    await expectCallState(survivor.panel, 'Ended');
    await expect.poll(() => tasksFor(survivor, callId), { timeout: 8000 }).toHaveLength(1);
    expect(await screenPops(survivor)).toHaveLength(leaderIndex === 0 ? 0 : 1);
  });
});

describe('reload mid-call', () => {
  it('resumes the session after a reload without a new sign-in or a second pop (storage allowed)', async () => {
    const [m] = await tabs(1, 'allowed');
    await signIn(m!.panel);
    const { callId } = await m!.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await m!.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(m!.panel, 'Connected');
    // No pause: the panel writes what it keeps for a reload as its page goes away.
    await m!.panel.getByRole('textbox', { name: 'Notes' }).fill('before the reload');
    await m!.page.getByRole('button', { name: 'Reload softphone' }).click();
    await expectCallState(m!.panel, 'Connected');
    expect(await m!.panel.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe('before the reload');
    await m!.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => tasksFor(m!, callId).then((t) => t.map((x) => String(x.Description).split('\n')[0])), { timeout: 8000 }).toEqual(['before the reload']);
    expect(await screenPops(m!)).toHaveLength(1);
  });

  it('with storage blocked, asks to sign in again and then shows and logs the same call', async () => {
    const [m] = await tabs(1, 'blocked');
    await signIn(m!.panel);
    const { callId } = await m!.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await m!.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(m!.panel, 'Connected');
    await m!.page.getByRole('button', { name: 'Reload softphone' }).click();
    await signIn(m!.panel);
    await expectCallState(m!.panel, 'Connected');
    await m!.cti((cti, id) => cti.server.remoteHangup(id), callId);
    await expect.poll(() => tasksFor(m!, callId), { timeout: 8000 }).toHaveLength(1);
  });
});

describe('the admin changes the BIZTEL server URL while tabs are open', () => {
  it('a tab opened afterwards leads its own group on the new server instead of waiting for the old leader (storage allowed)', async () => {
    const [old] = await tabs(1, 'allowed');
    await expect.poll(() => panelRole(old!)).toBe('leader');
    // The same simulator under another name: another server URL for the panel.
    const newUrl = `http://127.0.0.1:${stage.stack.simulator.port}/`;
    await old!.cti((cti, url) => cti.host.setCallCenterSettings({ '/biztelSettings/serverUrl': url }), newUrl);
    const fresh = await openTab(old!.context, stage.stack, 'lang=en');
    // Keyed by user alone, the lock would still be the old leader's and this tab a follower of nobody.
    await expect.poll(() => panelRole(fresh), { timeout: 10_000 }).toBe('leader');
    await signIn(fresh.panel);
    await fresh.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(fresh.panel, 'Ringing');
  });
});
