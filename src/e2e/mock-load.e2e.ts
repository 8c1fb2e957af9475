/**
 * `window.mockCti` is there when the page's `load` event fires, load after load,
 * and its methods wait for the host themselves: a script may call them right after `page.goto`.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { VIEWPORT } from '../dev/mock-page';
import { mockStage } from './support';

const stage = mockStage();

/** Notes, in the page's own load listener (registered before any script of the page), what mockCti was then. */
async function watchLoad(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.addEventListener('load', () => {
      const cti = window.mockCti;
      (window as unknown as { atLoad: unknown }).atLoad =
        cti && typeof cti.ready === 'function' && typeof cti.reset === 'function' && typeof cti.host.calls === 'function' && typeof cti.server.incomingCall === 'function'
          ? `${cti.mode} ${cti.user}`
          : `missing (${typeof cti})`;
    });
  });
}

const atLoad = (page: Page) => page.evaluate(() => (window as unknown as { atLoad?: string }).atLoad);

describe('window.mockCti at load', () => {
  it('is defined by the load event on every one of many loads, in both hosts', async () => {
    const context = stage.track(await stage.browser.newContext({ viewport: VIEWPORT }));
    const page = await context.newPage();
    await watchLoad(page);
    const seen: string[] = [];
    for (let i = 0; i < 24; i++) {
      const mode = i % 2 === 0 ? 'lightning' : 'classic';
      const user = `agent0${(i % 5) + 1}`;
      await page.goto(stage.stack.mockUrl(`mode=${mode}&user=${user}&lang=${i % 3 === 0 ? 'ja' : 'en'}`), { waitUntil: 'load' });
      seen.push((await atLoad(page)) ?? 'no load event');
    }
    expect(seen).toEqual(Array.from({ length: 24 }, (_, i) => `${i % 2 === 0 ? 'lightning' : 'classic'} agent0${(i % 5) + 1}`));
    await page.evaluate(() => window.mockCti!.ready());
  });

  it('waits for the host inside its methods: reset, ready and the server, right after load, even when the page is slow to learn its setup', async () => {
    const context = stage.track(await stage.browser.newContext({ viewport: VIEWPORT }));
    const page = await context.newPage();
    await watchLoad(page);
    // The org and the simulator's address come late: the load event comes first for sure.
    let delayed = 0;
    await page.route(/\/__mock\/api\/(config|org)$/, async (route) => {
      delayed += 1;
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    for (let i = 0; i < 3; i++) {
      await page.goto(stage.stack.mockUrl('lang=en'), { waitUntil: 'load' });
      expect(await atLoad(page)).toBe('lightning agent01');
      // The README's order: reset, then ready, then the rest.
      await page.evaluate(() => window.mockCti!.reset());
      await page.evaluate(() => window.mockCti!.ready());
      expect(await page.evaluate(() => window.mockCti!.server.calls())).toEqual([]);
      expect(await page.evaluate(() => window.mockCti!.host.tasks())).toEqual([]);
    }
    expect(delayed).toBeGreaterThanOrEqual(6); // config and org on each load (and the org again after each reset)
  });

  it('a record opened or a call center item set before the org has loaded applies once it has', async () => {
    const context = stage.track(await stage.browser.newContext({ viewport: VIEWPORT }));
    const page = await context.newPage();
    await page.route(/\/__mock\/api\/org$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await page.goto(stage.stack.mockUrl('lang=en'), { waitUntil: 'load' });
    const early = await page.evaluate(() => {
      const cti = window.mockCti!;
      let tasks: string;
      try {
        cti.host.tasks();
        tasks = 'answered';
      } catch (error) {
        tasks = (error as Error).message;
      }
      cti.host.navigate('0035555000001AA');
      cti.host.setCallCenterSettings({ '/reqGeneralInfo/reqSoftphoneWidth': '360' });
      let bad = '';
      try {
        cti.host.navigate('nope');
      } catch (error) {
        bad = (error as Error).name;
      }
      return { tasks, bad };
    });
    // Before the org is loaded tasks() says so rather than answering with nothing; a bad Id throws at once.
    expect(early).toEqual({ tasks: 'The fake org is still loading: await mockCti.ready() first.', bad: 'TypeError' });
    await page.evaluate(() => window.mockCti!.ready());
    await page.getByRole('region', { name: 'Record page' }).waitFor();
    await expect.poll(() => stage.stack.org.snapshot().callCenter['/reqGeneralInfo/reqSoftphoneWidth']).toBe('360');
  });
});
