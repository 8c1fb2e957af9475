import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { FORCE_COM_BROWSER_FLAGS, startHttpsProxy, type HttpsProxy } from '../dev/https-proxy';
import { startMockStack, type MockStack } from '../dev/mock-stack';
import { PANEL_FRAME, expectCallState, launchBrowser, signIn, tasksFor, type MockPage } from './support';
import { openMockAt, wireLog } from './mock-helpers';

let stack: MockStack;
let proxy: HttpsProxy;
let browser: Browser;
let m: MockPage;
let hostOrigin: string;
let panelOrigin: string;

beforeAll(async () => {
  stack = await startMockStack();
  proxy = await startHttpsProxy({ targetPort: stack.port });
  hostOrigin = `https://acme.lightning.force.com:${proxy.port}`;
  panelOrigin = `https://acme--c.vf.force.com:${proxy.port}`;
  browser = await launchBrowser(FORCE_COM_BROWSER_FLAGS);
  m = await openMockAt(browser, `${hostOrigin}/mock/?lang=en&panelOrigin=${encodeURIComponent(panelOrigin)}`, { ignoreHTTPSErrors: true });
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await stack?.close();
});

describe('the mock page behind an HTTPS reverse proxy under Salesforce-like names', () => {
  it('frames the panel from the Visualforce-like origin and passes it the host origin', async () => {
    const src = new URL((await m.page.locator(PANEL_FRAME).getAttribute('src'))!);
    expect(src.origin).toBe(panelOrigin);
    expect(src.searchParams.get('sfdcIframeOrigin')).toBe(hostOrigin);
    expect(src.searchParams.get('mode')).toBe('Lightning');
    // Nothing on the page points back at the loopback names but the simulator.
    const urls = await m.page.evaluate(() => [...document.querySelectorAll('a[href], iframe[src], script[src], link[href]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''));
    expect(urls.filter((u) => /localhost|127\.0\.0\.1/.test(u))).toEqual([]);
  });

  it('pops and logs a whole inbound call through the proxy', async () => {
    await signIn(m.panel);
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    await expect.poll(() => m.cti((cti) => cti.host.screenPops())).toEqual([
      expect.objectContaining({ type: 'sobject', callType: 'inbound', poppedRecordIds: ['0035555000001AA'] }),
    ]);
    await m.page.getByRole('region', { name: 'Record page' }).waitFor();
    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(m.panel, 'Connected');
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    await expectCallState(m.panel, 'Ended');
    await expect.poll(() => tasksFor(m, callId), { timeout: 5000 }).toEqual([
      expect.objectContaining({ CallObject: callId, CallType: 'Inbound', WhoId: '0035555000001AA', TaskSubtype: 'Call' }),
    ]);
    // Every message of the panel passed the origin checks: none dropped.
    expect((await wireLog(m)).filter((e) => e.direction === 'dropped')).toEqual([]);
  });

  it('derives the panel origin from a force.com name by itself (Classic here)', async () => {
    const classic = await openMockAt(browser, `${hostOrigin}/mock/?lang=en&mode=classic`, { ignoreHTTPSErrors: true });
    try {
      const src = new URL((await classic.page.locator(PANEL_FRAME).getAttribute('src'))!);
      expect(src.origin).toBe(panelOrigin);
      expect(src.searchParams.get('sfdcIFrameOrigin')).toBe(hostOrigin);
      expect(await classic.cti((cti) => cti.host.calls().map((c) => c.methodName))).toContain('cti.notifyInitializationComplete');
      expect(classic.errors).toEqual([]);
    } finally {
      await classic.context.close();
    }
  });

  it('raised no errors in the page', () => {
    expect(m.errors).toEqual([]);
  });

  it('tells the admin that a server before 3.4.20 does not support the enhanced domains it runs under', async () => {
    expect(await m.panel.getByText('enhanced domains').count()).toBe(0); // 3.9.0 supports them
    stack.simulator.pbx.setVersion('3.4.19');
    try {
      const old = await openMockAt(browser, `${hostOrigin}/mock/?lang=en&panelOrigin=${encodeURIComponent(panelOrigin)}`, { ignoreHTTPSErrors: true });
      try {
        await old.panel.getByRole('note').filter({ hasText: 'This org uses Salesforce enhanced domains (acme--c.vf.force.com)' }).waitFor();
        // Non-blocking: the agent signs in and works.
        await signIn(old.panel);
      } finally {
        await old.context.close();
      }
    } finally {
      stack.simulator.pbx.setVersion('3.9.0');
    }
  });
});
