import { beforeEach, describe, expect, it } from 'vitest';
import {
  expectCallState,
  launchStorageContext,
  openTab,
  panelRole,
  screenPops,
  settle,
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
    await settle(500);
    expect(await tasksFor(a!, callId)).toHaveLength(1);
    expect((await allPops([a!, b!, c!])).reduce((x, y) => x + y, 0)).toBe(1);
  });

  it('pops in the tab the agent used last, and only there', async () => {
    const [a, b, c] = await tabs(3, storage);
    await signIn(a!.panel);
    await b!.cti((cti) => cti.host.navigate('0015555000001AA')); // the agent works in tab b
    await settle(300);
    await a!.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expect.poll(() => screenPops(b!)).toEqual([expect.objectContaining({ type: 'sobject', poppedRecordIds: ['0035555000001AA'] })]);
    await settle(300);
    expect(await allPops([a!, b!, c!])).toEqual([0, 1, 0]);
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
    await m!.panel.getByRole('textbox', { name: 'Notes' }).fill('before the reload');
    await settle(400);
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
