/**
 * Security in the browser: the production panel runs under a strict Content-Security-Policy (no
 * eval, no inline script or style), and text from the BIZTEL server and Salesforce is shown as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startMockStack, type MockStack } from '../dev/mock-stack';
import { expectCallState, launchBrowser, openMockPage, signIn, tasksFor, type MockPage } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a strict Content-Security-Policy', () => {
  let stack: MockStack;
  let m: MockPage;
  beforeAll(async () => {
    // The port is known only once the stack listens: the policy names the simulator by a wildcard port.
    stack = await startMockStack({
      panelHeaders: {
        'content-security-policy': [
          "default-src 'none'",
          "script-src 'self'",
          "style-src 'self'",
          "connect-src 'self' http://localhost:* ws://localhost:*",
          "img-src 'self' data:",
          "frame-ancestors http://localhost:*",
          "base-uri 'none'",
          "form-action 'none'",
          "object-src 'none'",
        ].join('; '),
      },
    });
    m = await openMockPage(browser, stack, 'lang=en');
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('runs the whole flow without a single violation', async () => {
    const policy = (await fetch(`http://127.0.0.1:${stack.port}/`)).headers.get('content-security-policy');
    expect(policy).toContain("script-src 'self'");
    await signIn(m.panel);
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(m.panel, 'Connected');
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => tasksFor(m, callId), { timeout: 8000 }).toHaveLength(1);
    expect(m.errors.filter((e) => /Content Security Policy|Refused to/.test(e))).toEqual([]);
    expect(m.errors).toEqual([]);
  });
});

describe('hostile text from the server and from Salesforce', () => {
  const HOSTILE = '"><img src=x onerror=window.__xss=1>';
  let stack: MockStack;
  beforeAll(async () => {
    stack = await startMockStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('shows caller numbers, agent names, record names and directory names as text', async () => {
    const agent = stack.simulator.pbx.agents.get('agent02')!;
    agent.name = '<script>window.__xss=2</script>';
    const org = stack.org.snapshot();
    org.records.push({ Id: '0035555000009AA', objectType: 'Contact', Name: '<img src=y onerror=window.__xss=3>', LastModifiedDate: new Date().toISOString(), fields: { Phone: '03-7777-0000' } });
    org.records.push({ Id: '0035555000010AA', objectType: 'Contact', Name: '<b onmouseover=window.__xss=4>x</b>', LastModifiedDate: new Date().toISOString(), fields: { Phone: '03-7777-0000' } });
    stack.org.setDirectoryNumbers([{ name: '<svg onload=window.__xss=5>', phone: '03-1234-5678' }]);

    const m = await openMockPage(browser, stack, 'lang=en');
    const b = await openMockPage(browser, stack, 'lang=en&user=agent02');
    await signIn(m.panel);
    await signIn(b.panel, 'agent02');
    await m.cti((cti, from) => cti.server.incomingCall({ from }), HOSTILE);
    await expectCallState(m.panel, 'Ringing');
    await m.panel.getByText(HOSTILE).first().waitFor(); // shown, and in the screen-reader announcement
    await m.panel.getByText('<svg onload=window.__xss=5>', { exact: false }).waitFor();
    await m.panel.getByRole('button', { name: 'Decline' }).click();
    await m.panel.getByRole('button', { name: 'Close' }).click();

    await m.cti((cti) => cti.server.incomingCall({ from: '03-7777-0000' }));
    await m.panel.getByRole('radio', { name: /<img src=y onerror=window.__xss=3>/ }).waitFor();
    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await m.panel.getByRole('button', { name: 'Transfer' }).click();
    await m.panel.getByRole('textbox', { name: 'Transfer to' }).fill('agent02');
    await m.panel.getByRole('button', { name: 'Consult' }).click();
    await b.panel.getByText('<script>window.__xss=2</script>').first().waitFor();
    await m.panel.getByText('<script>window.__xss=2</script>', { exact: false }).first().waitFor();

    for (const page of [m, b]) {
      const frame = page.page.frames().find((f) => f !== page.page.mainFrame())!;
      expect(await frame.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    }
  });
});
