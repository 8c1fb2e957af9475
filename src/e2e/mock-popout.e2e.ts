import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startMockStack, type MockStack } from '../dev/mock-stack';
import { PANEL_FRAME, expectCallState, launchBrowser, openMockPage, signIn, tasksFor, type MockPage } from './support';
import { attachMockPage, expectLogged, heard, listenInPanel, panelFrame, wireLog } from './mock-helpers';

let stack: MockStack;
let browser: Browser;
let m: MockPage;
let popup: Page;

beforeAll(async () => {
  stack = await startMockStack();
  browser = await launchBrowser();
  m = await openMockPage(browser, stack, 'lang=en');
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('Lightning pop-out: the softphone in its own window, served by the same host', () => {
  it('pops the utility item out into a window that frames the panel; the docked frame goes', async () => {
    [popup] = await Promise.all([m.context.waitForEvent('page'), m.page.getByRole('button', { name: 'Pop out' }).click()]);
    await popup.waitForLoadState();
    await expect.poll(() => m.page.locator(PANEL_FRAME).count()).toBe(0);
    await m.page.getByText('(popped out)').waitFor();
    // ready() follows the panel: it waits for the popped-out panel to initialise.
    await m.page.evaluate(() => window.mockCti!.ready());
    await expectLogged(m, 'in', 'pop-out: notifyInitializationComplete');
  });

  it('takes a call in the popped-out panel: the pop happens in the main window, the Task is written', async () => {
    const panel = popup.frameLocator(PANEL_FRAME);
    await signIn(panel);
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(panel, 'Ringing');
    await expect.poll(() => m.cti((cti) => cti.host.screenPops().map((p) => p.poppedRecordIds))).toEqual([['0035555000001AA']]);
    await m.page.getByRole('region', { name: 'Record page' }).waitFor();
    await panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(panel, 'Connected');
    await panel.getByRole('button', { name: 'Hang up' }).click();
    await expectCallState(panel, 'Ended');
    await expect.poll(() => tasksFor(m, callId), { timeout: 5000 }).toHaveLength(1);
    expect((await tasksFor(m, callId))[0]).toMatchObject({ WhoId: '0035555000001AA', CallType: 'Inbound' });
    const log = await wireLog(m);
    expect(log.some((e) => e.direction === 'in' && e.text.startsWith('pop-out: searchAndScreenPop'))).toBe(true);
    expect(log.some((e) => e.direction === 'out' && e.text.startsWith('pop-out: runApex'))).toBe(true);
    await panel.getByRole('button', { name: 'Close' }).click();
  });

  it('delivers navigation and click-to-dial from the main window to the popped-out panel', async () => {
    const frame = await panelFrame(popup);
    await listenInPanel(frame, 'onClickToDial');
    await listenInPanel(frame, 'onNavigationChange');
    await m.page.getByRole('button', { name: '03-5555-0101' }).first().click();
    await expect.poll(() => heard(frame, 'onClickToDial')).toEqual([
      expect.objectContaining({ number: '03-5555-0101', recordId: '0035555000001AA', objectType: 'Contact' }),
    ]);
    await m.cti((cti) => cti.host.navigate('00Q5555000001AA'));
    await expect.poll(() => heard(frame, 'onNavigationChange')).toEqual([expect.objectContaining({ recordId: '00Q5555000001AA', objectType: 'Lead' })]);
    await expectLogged(m, 'out', 'pop-out: onClickToDial (listener event)');
  });

  it('keeps serving the popped-out panel after the main page reloads', async () => {
    await m.page.reload();
    m = await attachMockPage(m.page);
    await m.page.getByText('(popped out)').waitFor();
    expect(await m.page.locator(PANEL_FRAME).count()).toBe(0);
    const panel = popup.frameLocator(PANEL_FRAME);
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '06-7777-0202' }));
    await expectCallState(panel, 'Ringing');
    await expect.poll(() => m.cti((cti) => cti.host.screenPops().map((p) => p.poppedRecordIds))).toEqual([['00Q5555000001AA']]);
    await panel.getByRole('button', { name: 'Decline' }).click();
    await expect.poll(() => tasksFor(m, callId)).toHaveLength(1);
    await panel.getByRole('button', { name: 'Close' }).click();
  });

  it('pops back in: the window closes and a docked panel starts again', async () => {
    await Promise.all([popup.waitForEvent('close'), popup.getByRole('button', { name: 'Pop in' }).click()]);
    await m.page.locator(PANEL_FRAME).waitFor();
    await m.page.evaluate(() => window.mockCti!.ready());
    await expectLogged(m, 'in', 'docked: notifyInitializationComplete');
    // The docked panel is a new instance: the agent signs in again there.
    await signIn(m.panel);
  });

  it('docks the panel again when the pop-out window is closed', async () => {
    [popup] = await Promise.all([m.context.waitForEvent('page'), m.page.getByRole('button', { name: 'Pop out' }).click()]);
    await m.page.getByText('(popped out)').waitFor();
    await popup.close();
    await m.page.locator(PANEL_FRAME).waitFor({ timeout: 5000 });
  });

  it('raised no errors in the page', () => {
    expect(m.errors).toEqual([]);
  });
});
