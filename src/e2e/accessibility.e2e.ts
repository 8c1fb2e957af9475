/**
 * Accessibility in every state of the panel: axe-core finds no serious or critical violation, in
 * Japanese and English, in Lightning and Classic; and the panel fits 200–400 px without scrolling
 * sideways. axe runs inside the panel's own frame (another origin than the host page).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeEach, describe, expect, it } from 'vitest';
import { panelFrame } from './mock-helpers';
import { expectCallState, reloadSoftphone, signIn, type MockPage, mockStage } from './support';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const stage = mockStage({ simulator: { timing: { outcomeDelayMs: 100, recordingDelayMs: 100 } } });
beforeEach(() => stage.reset());

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe's serious and critical violations in the panel frame, as readable lines. */
async function violations(m: MockPage): Promise<Finding[]> {
  const frame = await panelFrame(m.page);
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(AXE);
  return frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

async function expectAccessible(m: MockPage, state: string): Promise<void> {
  const found = await violations(m);
  expect(found, `${state}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
}

/** Sets the docked panel's frame width, as the call center's softphone width or the agent would. */
async function expectFits(m: MockPage, widthPx: number, state: string): Promise<void> {
  await m.page.locator('iframe[title="BIZTEL Open CTI softphone"]').evaluate((frame, w) => {
    (frame as HTMLIFrameElement).style.width = `${w}px`;
  }, widthPx);
  const frame = await panelFrame(m.page);
  await expect
    .poll(() => frame.evaluate(() => document.documentElement.clientWidth))
    .toBe(widthPx);
  const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${state} at ${widthPx}px scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

const NAMES = {
  en: { answer: 'Answer', hold: 'Hold', resume: 'Resume', park: 'Park', transfer: 'Transfer', keypad: 'Keypad', consult: 'Consult', target: 'Transfer to', hangup: 'Hang up', history: 'History', shortcuts: 'Keyboard shortcuts', ringing: 'Ringing', connected: 'Connected', held: 'On hold', parked: 'Parked', consulting: 'Consulting', ended: 'Ended', related: 'Related record', notANumber: '"call me" is not a phone number', phoneNotRunning: 'The BIZTEL softphone (or desk phone) is not running' },
  ja: { answer: '応答', hold: '保留', resume: '保留解除', park: 'パーク保留', transfer: '転送', keypad: 'キーパッド', consult: '打診転送', target: '転送先', hangup: '切断', history: '発着信履歴', shortcuts: 'キーボードショートカット', ringing: '着信中', connected: '通話中', held: '保留中', parked: 'パーク保留中', consulting: '打診中', ended: '終了', related: '関連レコード', notANumber: '「call me」は電話番号ではない', phoneNotRunning: 'BIZTEL ソフトフォン(または電話機)が起動していない' },
} as const;

describe.each([
  ['lightning', 'en'],
  ['lightning', 'ja'],
  ['classic', 'ja'],
  ['classic', 'en'],
] as const)('the panel in %s, %s', (mode, lang) => {
  it('has no serious or critical axe violation in any call state, and fits 200–400 px', async () => {
    const n = NAMES[lang];
    const m = await stage.page(`mode=${mode}&lang=${lang}`);
    await expectAccessible(m, 'sign-in');
    await expectFits(m, 200, 'sign-in');
    await signIn(m.panel, 'agent01', lang);
    await m.panel.getByRole('button', { name: n.keypad, exact: true }).click();
    await m.panel.getByRole('button', { name: n.history, exact: true }).click();
    await m.panel.getByRole('button', { name: n.shortcuts, exact: true }).click();
    await expectAccessible(m, 'signed in, idle, keypad, history and shortcuts open');
    await expectFits(m, 200, 'idle');

    // Two contacts share this number: the related-record choice shows.
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '045-333-4444' }));
    await expectCallState(m.panel, n.ringing, lang);
    await m.panel.getByRole('radiogroup', { name: n.related }).waitFor();
    await expectAccessible(m, 'ringing');
    await m.panel.getByRole('button', { name: n.answer, exact: true }).click();
    await expectCallState(m.panel, n.connected, lang);
    await m.panel.getByRole('button', { name: n.keypad, exact: true }).click();
    await expectAccessible(m, 'connected with keypad');
    await expectFits(m, 200, 'connected');
    await expectFits(m, 400, 'connected');

    await m.panel.getByRole('button', { name: n.hold, exact: true }).click();
    await expectCallState(m.panel, n.held, lang);
    await expectAccessible(m, 'on hold');
    await m.panel.getByRole('button', { name: n.resume, exact: true }).click();
    await expectCallState(m.panel, n.connected, lang);
    await m.panel.getByRole('button', { name: n.park, exact: true }).click();
    await expectCallState(m.panel, n.parked, lang);
    await expectAccessible(m, 'parked');
    await m.panel.getByRole('button', { name: lang === 'en' ? 'Unpark' : 'パーク解除', exact: true }).click();
    await expectCallState(m.panel, n.connected, lang);

    await m.cti((cti) => cti.server.setOutcome('0311112222', 'answer'));
    await m.panel.getByRole('button', { name: n.transfer, exact: true }).click();
    await m.panel.getByRole('textbox', { name: n.target }).fill('03-1111-2222');
    await expectAccessible(m, 'transfer view');
    await m.panel.getByRole('button', { name: n.consult, exact: true }).click();
    await expectCallState(m.panel, n.consulting, lang);
    await expectAccessible(m, 'consulting');
    await expectFits(m, 200, 'consulting');

    await m.cti((cti, id) => cti.server.remoteHangup(id), callId);
    await expectCallState(m.panel, n.ended, lang);
    await expectAccessible(m, 'ended');

    // An error and the ★ functions unavailable. (Dialling is off without the phone: the error first.)
    await m.panel.getByRole('textbox', { name: lang === 'en' ? 'Phone number' : '電話番号' }).fill('call me');
    await m.panel.getByRole('textbox', { name: lang === 'en' ? 'Phone number' : '電話番号' }).press('Enter');
    await m.panel.getByRole('alert').filter({ hasText: n.notANumber }).waitFor();
    await m.cti((cti) => cti.server.setDesktopSoftphone('agent01', false));
    // The server's presence push comes asynchronously: scan once the panel shows it, the alert still up.
    await m.panel.getByRole('note').filter({ hasText: n.phoneNotRunning }).waitFor();
    expect(await m.panel.getByRole('alert').filter({ hasText: n.notANumber }).count()).toBe(1);
    await expectAccessible(m, 'phone not registered, with an alert');
  });
});

describe('start-up screens', () => {
  it('has no serious or critical axe violation on the start-up failure screen', async () => {
    const m = await stage.page('lang=ja');
    await m.cti((cti) => cti.host.setCallCenterSettings({ '/biztelSettings/serverUrl': 'http://localhost:9/' }));
    await reloadSoftphone(m);
    await m.panel.getByText('BIZTEL設定をご確認ください。').waitFor({ timeout: 15_000 });
    await expectAccessible(m, 'start-up failure');
    await expectFits(m, 200, 'start-up failure');
  });

  it('has none on the page opened outside Salesforce', async () => {
    const context = stage.track(await stage.browser.newContext());
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${stage.stack.port}/`);
    await page.getByRole('link').waitFor();
    await page.evaluate(AXE);
    const found = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
      return (await axe.run(document)).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(found).toEqual([]);
  });
});
