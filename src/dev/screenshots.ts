/**
 * `npm run screenshots`: the panel in both languages and both hosts, narrow (200 px) in Japanese, and
 * the mock page in Japanese, as README shows them (`.docs/screenshots/`). Runs the built mock stack in
 * Debian's Chromium, like the browser tests, with the Japanese font the layout test uses
 * (japanese-font.ts). `npm run screenshots -- mock` (or `panel`) makes only those.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ja } from '../mock/host/i18n/ja';
import { addJapaneseFont } from './japanese-font';
import { PANEL_FRAME, PANEL_NAMES, VIEWPORT, attachMockPage, launchBrowser, signIn, type MockPage, type PanelLang } from './mock-page';
import { startMockStack } from './mock-stack';
import { PROJECT_ROOT } from './paths';

const OUT = join(PROJECT_ROOT, '.docs', 'screenshots');

async function shoot(page: Page, name: string): Promise<void> {
  await page.locator(PANEL_FRAME).screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`  ${name}.png`);
}

async function scene({ page, panel, cti }: MockPage, lang: PanelLang, mode: 'lightning' | 'classic', agent: string): Promise<void> {
  const n = PANEL_NAMES[lang];
  await panel.getByRole('textbox', { name: n.loginId }).waitFor();
  await shoot(page, `${mode}-${lang}-sign-in`);
  await signIn(panel, agent, lang);
  await shoot(page, `${mode}-${lang}-ready`);
  // Two contacts share this number: the agent picks the record the call belongs to.
  const { callId } = await cti((c, a) => c.server.incomingCall({ from: '045-333-4444', agent: a }), agent);
  await panel.getByRole('button', { name: n.answer, exact: true }).waitFor();
  await shoot(page, `${mode}-${lang}-ringing`);
  await panel.getByRole('button', { name: n.answer, exact: true }).click();
  await panel.getByRole('status', { name: n.callState }).filter({ hasText: lang === 'ja' ? '通話中' : 'Connected' }).waitFor();
  await panel.locator('.call__timer').filter({ hasText: /00:0[1-9]/ }).waitFor(); // a second of talk shows
  await shoot(page, `${mode}-${lang}-connected`);
  await cti((c, id) => c.server.remoteHangup(id), callId);
}

/** The mock page in Japanese: a ringing call that popped its Contact, a scenario that passed, the live BIZTEL log. */
async function mockScenes({ page, panel, cti }: MockPage): Promise<void> {
  const qa = page.getByRole('complementary', { name: ja.regions.qa });
  await signIn(panel, 'agent01', 'ja');
  await page.getByRole('tab', { name: ja.tabs.scenarios, exact: true }).click();
  const report = await cti((c) =>
    c.scenarios.run({
      title: { ja: '着信して相手が切断', en: 'Ring, the caller hangs up' },
      steps: [
        { step: 'incomingCall', from: '090-1234-5678', as: 'c' },
        { step: 'expectCallState', call: 'c', state: 'ringing' },
        { step: 'wait', ms: 500 },
        { step: 'remoteHangup', call: 'c' },
        { step: 'expectCallState', call: 'c', state: 'ended' },
      ],
    }),
  );
  if (report.status !== 'passed') throw new Error(`the scenario did not pass: ${report.error ?? report.status}`);
  await panel.getByRole('button', { name: '閉じる' }).click();
  await qa.screenshot({ path: join(OUT, 'mock-ja-scenarios.png') });
  console.log('  mock-ja-scenarios.png');

  const { callId } = await cti((c) => c.server.incomingCall({ from: '03-5555-0101' }));
  await panel.getByRole('button', { name: PANEL_NAMES.ja.answer, exact: true }).waitFor();
  await page.getByRole('region', { name: ja.page.recordPage }).waitFor();
  await page.getByRole('tab', { name: ja.tabs.simulator, exact: true }).click();
  await page.getByRole('table', { name: ja.sim.calls.heading }).getByText(ja.sim.calls.states.ringing).waitFor();
  await page.screenshot({ path: join(OUT, 'mock-ja-simulator.png') });
  console.log('  mock-ja-simulator.png');

  await page.getByRole('tab', { name: ja.tabs.biztelLog, exact: true }).click();
  await page.getByRole('list', { name: ja.biztel.list }).getByText('ack:signIn').first().waitFor();
  await qa.screenshot({ path: join(OUT, 'mock-ja-biztel-log.png') });
  console.log('  mock-ja-biztel-log.png');
  // The next scenes sign agent01 in again: the ringing call must not still be theirs.
  await cti((c, id) => c.server.remoteHangup(id), callId);
}

/** The panel at 200 px (a narrow utility bar, the Classic pane): ready, on a call, transferring. */
async function narrowScene({ page, panel, cti }: MockPage, agent: string): Promise<void> {
  const n = PANEL_NAMES.ja;
  await cti((c) => c.host.setCallCenterSettings({ '/reqGeneralInfo/reqSoftphoneWidth': '200' }));
  await panel.getByRole('textbox', { name: n.loginId }).waitFor();
  await signIn(panel, agent, 'ja');
  await shoot(page, 'narrow-ja-ready');
  const { callId } = await cti((c, a) => c.server.incomingCall({ from: '045-333-4444', agent: a }), agent);
  await panel.getByRole('button', { name: n.answer, exact: true }).click();
  await panel.getByRole('status', { name: n.callState }).filter({ hasText: '通話中' }).waitFor();
  await panel.locator('.call__timer').filter({ hasText: /00:0[1-9]/ }).waitFor(); // a second of talk shows
  await shoot(page, 'narrow-ja-connected');
  await panel.getByRole('button', { name: '転送', exact: true }).click();
  await panel.getByRole('button', { name: 'ブラインド転送', exact: true }).click();
  await panel.getByRole('alert').waitFor();
  await shoot(page, 'narrow-ja-transfer');
  await cti((c, id) => c.server.remoteHangup(id), callId);
}

async function main(): Promise<void> {
  const only = process.argv[2];
  await mkdir(OUT, { recursive: true });
  const stack = await startMockStack();
  const browser = await launchBrowser();
  try {
    if (only !== 'panel') {
      const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
      await addJapaneseFont(context);
      await mockScenes(await attachMockPage(await context.newPage(), stack.mockUrl('lang=ja&user=agent01')));
      await context.close();
    }
    let agent = 1;
    for (const mode of only === 'mock' ? [] : (['lightning', 'classic'] as const)) {
      for (const lang of ['ja', 'en'] as const) {
        const user = `agent0${agent++}`;
        const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
        await addJapaneseFont(context);
        await scene(await attachMockPage(await context.newPage(), stack.mockUrl(`mode=${mode}&lang=${lang}&user=${user}`)), lang, mode, user);
        await context.close();
      }
    }
    if (only !== 'mock') {
      const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
      await addJapaneseFont(context);
      await narrowScene(await attachMockPage(await context.newPage(), stack.mockUrl(`mode=lightning&lang=ja&user=agent0${agent}`)), `agent0${agent}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await stack.close();
  }
  console.log(`screenshots in ${OUT}`);
}

await main();
