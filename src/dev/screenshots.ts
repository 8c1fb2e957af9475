/**
 * `npm run screenshots`: the panel in both languages and both hosts, as README shows it
 * (`.docs/screenshots/`). Runs the built mock stack in Debian's Chromium, like the browser tests.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type FrameLocator, type Page } from 'playwright-core';
import '../mock/mock-cti';
import { CHROMIUM_FLAGS, ensureChromium } from './chromium';
import { PROJECT_ROOT, startMockStack } from './mock-stack';

const OUT = join(PROJECT_ROOT, '.docs', 'screenshots');
const FRAME = 'iframe[title="BIZTEL Open CTI softphone"]';
const NAMES = {
  ja: { id: 'ログインID', pw: 'パスワード', signIn: 'サインイン', status: 'ステータス', answer: '応答', state: '通話状態' },
  en: { id: 'Login ID', pw: 'Password', signIn: 'Sign in', status: 'Status', answer: 'Answer', state: 'Call state' },
} as const;

async function shoot(page: Page, name: string): Promise<void> {
  await page.locator(FRAME).screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`  ${name}.png`);
}

async function scene(page: Page, panel: FrameLocator, lang: 'ja' | 'en', mode: 'lightning' | 'classic', agent: string): Promise<void> {
  const n = NAMES[lang];
  await panel.getByRole('textbox', { name: n.id }).waitFor();
  await shoot(page, `${mode}-${lang}-sign-in`);
  await panel.getByRole('textbox', { name: n.id }).fill(agent);
  await panel.getByLabel(n.pw).fill('biztel');
  await panel.getByRole('button', { name: n.signIn }).click();
  await panel.getByRole('combobox', { name: n.status }).waitFor();
  await shoot(page, `${mode}-${lang}-ready`);
  // Two contacts share this number: the agent picks the record the call belongs to.
  const { callId } = await page.evaluate((a) => window.mockCti!.server.incomingCall({ from: '045-333-4444', agent: a }), agent);
  await panel.getByRole('button', { name: n.answer, exact: true }).waitFor();
  await shoot(page, `${mode}-${lang}-ringing`);
  await panel.getByRole('button', { name: n.answer, exact: true }).click();
  await panel.getByRole('status', { name: n.state }).filter({ hasText: lang === 'ja' ? '通話中' : 'Connected' }).waitFor();
  await new Promise((r) => setTimeout(r, 1100));
  await shoot(page, `${mode}-${lang}-connected`);
  await page.evaluate((id) => window.mockCti!.server.remoteHangup(id), callId);
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const stack = await startMockStack();
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_FLAGS, headless: true });
  try {
    let agent = 1;
    for (const mode of ['lightning', 'classic'] as const) {
      for (const lang of ['ja', 'en'] as const) {
        const user = `agent0${agent++}`;
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
        const page = await context.newPage();
        await page.goto(stack.mockUrl(`mode=${mode}&lang=${lang}&user=${user}`));
        await page.waitForFunction(() => window.mockCti !== undefined);
        await page.evaluate(() => window.mockCti!.ready());
        await scene(page, page.frameLocator(FRAME), lang, mode, user);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await stack.close();
  }
  console.log(`screenshots in ${OUT}`);
}

await main();
