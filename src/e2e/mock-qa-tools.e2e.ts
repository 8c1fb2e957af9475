/**
 * The mock page's QA tools: Reset, the three logs as JSON downloads, the live BIZTEL log, the
 * simulator view pushed without polling, and the page in Japanese.
 */
import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { en } from '../mock/host/i18n/en';
import { ja } from '../mock/host/i18n/ja';
import { answeredCall } from './agents';
import { expectCallState, signIn, type MockPage, mockStage } from './support';
import { openTab } from './mock-helpers';

const stage = mockStage();
beforeEach(() => stage.reset());

/** Clicks `button` and reads the JSON file the browser downloads. */
async function downloaded(m: MockPage, button: Locator): Promise<{ name: string; json: Record<string, unknown> }> {
  const [download] = await Promise.all([m.page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), json: JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown> };
}

describe('Reset', () => {
  it('puts the org, the simulator and every log back, as mockCti.reset() does', async () => {
    const m = await stage.page('lang=en');
    await signIn(m.panel);
    const callId = await answeredCall(m);
    await m.cti((cti) => cti.host.failNext('saveLog', 3));
    await m.cti((cti) => cti.host.navigate('0035555000001AA'));
    await m.page.getByRole('region', { name: 'Record page' }).waitFor();
    const lastLine = (await m.cti((cti) => cti.host.wireLog())).at(-1)!.id;
    const lastEvent = (await m.cti((cti) => cti.server.socketEvents())).at(-1)!.id;
    const resetAt = await m.page.evaluate(() => Date.now());

    await m.page.getByRole('button', { name: 'Reset', exact: true }).click();
    await m.page.getByRole('status', { name: 'Reset' }).getByText('Reset: seed data, simulator and logs are back to the start.').waitFor();

    expect(await m.cti((cti) => cti.server.calls())).toEqual([]);
    expect(await m.cti((cti) => cti.host.pendingFailures())).toEqual([]);
    // The log holds only what came after Reset (the panel reacts to the dropped session at once).
    expect((await m.cti((cti) => cti.host.calls())).filter((c) => c.at < resetAt)).toEqual([]);
    expect((await m.cti((cti) => cti.host.wireLog())).every((e) => e.id > lastLine)).toBe(true);
    expect((await m.cti((cti) => cti.server.socketEvents())).every((e) => e.id > lastEvent)).toBe(true);
    await m.page.getByRole('region', { name: 'Home' }).waitFor();
    // The simulator dropped the session with its reset: the panel is signed out and the call is gone.
    await m.panel.getByRole('textbox', { name: 'Login ID' }).waitFor();
    await openTab(m, 'Simulator');
    expect(await m.page.getByRole('table', { name: 'Calls' }).count()).toBe(0);
    expect(callId).toMatch(/^\d{20}$/);
  });
});

describe('the logs as JSON downloads', () => {
  it('downloads the Open CTI log, the BIZTEL socket events and the simulator log', async () => {
    const m = await stage.page('lang=en');
    await signIn(m.panel);
    const callId = await answeredCall(m);
    const toolbar = m.page.getByRole('toolbar', { name: 'Logs' });

    const openCti = await downloaded(m, toolbar.getByRole('button', { name: 'Download Open CTI log (JSON)' }));
    expect(openCti.name).toMatch(/^mock-cti-open-cti-log-agent01-.+\.json$/);
    expect(openCti.json).toMatchObject({ mode: 'lightning', user: 'agent01', lang: 'en', dropped: 0 });
    const lines = openCti.json.entries as { direction: string; text: string }[];
    expect(lines.some((l) => l.direction === 'in' && l.text.includes('searchAndScreenPop'))).toBe(true);

    const biztel = await downloaded(m, toolbar.getByRole('button', { name: 'Download BIZTEL log (JSON)' }));
    expect(biztel.name).toMatch(/^mock-cti-biztel-log-agent01-.+\.json$/);
    const events = biztel.json.events as { direction: string; agent: string | null; event: string; payload?: unknown }[];
    expect(events.find((e) => e.event === 'signIn')).toMatchObject({ direction: 'in', agent: 'agent01', payload: { loginId: 'agent01', password: '[redacted]' } });
    expect(events.find((e) => e.event === 'answer')).toMatchObject({ direction: 'in', agent: 'agent01', payload: { callId } });
    expect(JSON.stringify(events)).not.toContain('"biztel"'); // the password never leaves the simulator

    const simulator = await downloaded(m, toolbar.getByRole('button', { name: 'Download simulator log (JSON)' }));
    expect(simulator.name).toMatch(/^mock-cti-simulator-log-agent01-.+\.json$/);
    expect(simulator.json).toMatchObject({
      user: 'agent01',
      state: { version: '3.9.0' },
      calls: [{ callId, state: 'connected', legs: [{ agent: 'agent01', state: 'connected' }] }],
    });
    expect((simulator.json.socketEvents as unknown[]).length).toBeGreaterThan(0);
  });
});

describe('the live BIZTEL log', () => {
  it('shows every socket event between the simulator and the panels as it happens, filtered by agent and text', async () => {
    const m = await stage.page('lang=en');
    const other = await stage.page('lang=en&user=agent02');
    await openTab(m, 'BIZTEL log');
    const list = m.page.getByRole('list', { name: 'BIZTEL socket events' });
    await m.page.getByRole('status', { name: 'BIZTEL log status' }).getByText('Live').waitFor();

    await signIn(m.panel);
    await signIn(other.panel, 'agent02');
    await list.getByRole('listitem').filter({ hasText: 'ack:signIn' }).first().waitFor();
    await expect.poll(() => list.getByRole('listitem').filter({ hasText: '"password":"[redacted]"' }).count()).toBe(2);

    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    const ring = list.getByRole('listitem').filter({ hasText: callId }).filter({ hasText: 'agentEvent' }).first();
    await ring.waitFor();
    expect(await ring.textContent()).toContain('server → panel agent01 agentEvent');

    await m.page.getByRole('combobox', { name: 'Agent' }).selectOption('agent02');
    await expect.poll(() => list.getByRole('listitem').filter({ hasText: callId }).count()).toBe(0);
    expect(await list.getByRole('listitem').filter({ hasText: 'agent02' }).count()).toBeGreaterThan(0);
    await m.page.getByRole('combobox', { name: 'Agent' }).selectOption('all');
    await m.page.getByRole('combobox', { name: 'Direction' }).selectOption('in');
    await m.page.getByRole('searchbox', { name: 'Filter' }).fill('decline');
    await m.panel.getByRole('button', { name: 'Decline', exact: true }).click();
    await list.getByRole('listitem').filter({ hasText: callId }).waitFor();
    expect(await list.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining(`panel → server agent01 decline {"callId":"${callId}"}`)]);
  });
});

describe('the simulator view', () => {
  it('follows the simulator as it pushes changes: no polling', async () => {
    const m = await stage.page('lang=en');
    const watchedFrom = Date.now();
    const polls: string[] = [];
    m.page.on('request', (request) => {
      if (/\/control\/(state|calls)$/.test(new URL(request.url()).pathname)) polls.push(request.url());
    });
    await signIn(m.panel);
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    const row = m.page.getByRole('table', { name: 'Calls' }).locator(`tr[data-call-id="${callId}"]`);
    await expect.poll(() => row.getAttribute('data-state')).toBe('ringing');
    await m.panel.getByRole('button', { name: 'Answer', exact: true }).click();
    await expectCallState(m.panel, 'Connected');
    await expect.poll(() => row.getAttribute('data-state')).toBe('connected');
    await m.page.getByRole('table', { name: 'Agents' }).locator('tr[data-agent="agent01"]').getByText('talking').waitFor();
    // Watched for at least a second and a half (signing in, ringing and answering usually take that
    // long already): a poll every second would have shown.
    await m.page.waitForTimeout(Math.max(0, 1500 - (Date.now() - watchedFrom)));
    expect(polls).toEqual([]);
  });
});

describe('the page in Japanese', () => {
  it('names its own controls in the user language: Japanese by default, English with lang=en', async () => {
    const m = await stage.page();
    expect(await m.page.locator('html').getAttribute('lang')).toBe('ja');
    for (const name of Object.values(ja.tabs)) await m.page.getByRole('tab', { name, exact: true }).waitFor();
    for (const name of [ja.header.reloadSoftphone, ja.header.reset, ja.softphone.popOut, ja.sim.incoming.place, ja.sim.outcome.set, ja.downloads.openCti]) {
      await m.page.getByRole('button', { name, exact: true }).waitFor();
    }
    await m.page.getByRole('heading', { name: ja.page.records }).waitFor();
    await m.page.getByRole('table', { name: ja.page.allRecords }).getByText('取引先責任者').first().waitFor();
    // No English name of the page's own controls is left.
    for (const name of [en.header.reloadSoftphone, en.sim.incoming.place, en.tabs.failures, en.softphone.popOut]) {
      expect(await m.page.getByRole('button', { name, exact: true }).or(m.page.getByRole('tab', { name, exact: true })).count()).toBe(0);
    }
    await m.page.getByRole('tab', { name: ja.tabs.failures, exact: true }).click();
    await m.page.getByRole('combobox', { name: ja.failures.method, exact: true }).selectOption('saveLog');
    await m.page.getByRole('button', { name: ja.failures.failNext, exact: true }).click();
    await m.page.getByRole('list', { name: ja.failures.pending }).getByText('saveLog SERVER_ERROR').waitFor();

    const english = await stage.page('lang=en');
    for (const name of Object.values(en.tabs)) await english.page.getByRole('tab', { name, exact: true }).waitFor();
    await english.page.getByRole('button', { name: en.header.reset, exact: true }).waitFor();
  });
});

describe('the page draws what it shows', () => {
  it('Activity: each field name stays in its column, clear of its value', async () => {
    const m = await stage.page('lang=en');
    await signIn(m.panel);
    const callId = await answeredCall(m);
    await m.cti((cti, id) => cti.server.remoteHangup(id), callId);
    await m.page.waitForFunction((id) => window.mockCti!.host.tasks().some((t) => t.CallObject === id && t.BIZTEL_Recording_URL__c), callId);
    await openTab(m, 'Activity');
    const rows = m.page.getByRole('list', { name: 'All Tasks' }).locator('dl > div');
    await expect.poll(() => rows.filter({ hasText: 'BIZTEL_Recording_URL__c' }).count()).toBe(1);
    const overlaps = await rows.evaluateAll((divs) =>
      divs.flatMap((div) => {
        const [dt, dd] = [div.querySelector('dt'), div.querySelector('dd')];
        if (!dt || !dd) return ['a row without its name or value'];
        const a = dt.getBoundingClientRect();
        const b = dd.getBoundingClientRect();
        // Side by side, or the value below the name: never on top of each other.
        const apart = a.right <= b.left + 0.5 || a.bottom <= b.top + 0.5;
        return apart && dt.scrollWidth <= dt.clientWidth + 1 ? [] : [dt.textContent ?? ''];
      }),
    );
    expect(overlaps).toEqual([]);
  });

  it('Pop out is an icon drawn as SVG, not a font glyph', async () => {
    const m = await stage.page('lang=en');
    const button = m.page.getByRole('button', { name: 'Pop out', exact: true });
    expect(await button.locator('svg path').count()).toBeGreaterThan(0);
    expect((await button.textContent())?.trim()).toBe('');
    expect(await button.getAttribute('title')).toBe('Pop out');
  });
});
