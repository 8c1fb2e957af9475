import { VIEWPORT, attachMockPage, launchBrowser, signIn } from './mock-page';
import { startMockStack } from './mock-stack';
const stack = await startMockStack();
const browser = await launchBrowser();
const lang = process.argv[2] ?? 'ja';
const tab = process.argv[3];
try {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const m = await attachMockPage(await context.newPage(), stack.mockUrl(`lang=${lang}`));
  await signIn(m.panel, 'agent01', lang as 'ja');
  await m.cti((c) => c.server.incomingCall({ from: '03-5555-0101' }));
  if (tab) await m.page.getByRole('tab', { name: tab }).click();
  await new Promise((r) => setTimeout(r, 800));
  await m.page.screenshot({ path: `/tmp/wt15-${lang}-${tab ?? 'sim'}.png`, fullPage: false });
  console.log('errors', m.errors);
} finally {
  await browser.close();
  await stack.close();
}
