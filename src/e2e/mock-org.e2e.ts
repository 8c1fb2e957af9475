import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame } from 'playwright-core';
import { startMockStack, type MockStack } from '../dev/mock-stack';
import { PANEL_FRAME, expectCallState, launchBrowser, openMockPage, reloadSoftphone, signIn, tasksFor, type MockPage } from './support';
import { callOpenCti, expectLogged, heard, listenInPanel, openTab, panelFrame } from './mock-helpers';

let stack: MockStack;
let browser: Browser;
let m: MockPage;
let frame: Frame;

beforeAll(async () => {
  stack = await startMockStack();
  browser = await launchBrowser();
  m = await openMockPage(browser, stack, 'lang=en');
  frame = await panelFrame(m.page);
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const lastPop = () => m.cti((cti) => cti.host.screenPops().at(-1));

/** An inbound call from `from`, declined once it rang; returns what popped. */
async function ringAndDecline(from: string) {
  const before = (await m.cti((cti) => cti.host.screenPops())).length;
  await m.cti((cti, number) => cti.server.incomingCall({ from: number }), from);
  await expectCallState(m.panel, 'Ringing');
  await expect.poll(async () => (await m.cti((cti) => cti.host.screenPops())).length).toBe(before + 1);
  await m.panel.getByRole('button', { name: 'Decline' }).click();
  await expectCallState(m.panel, 'Ended');
  await m.panel.getByRole('button', { name: 'Close' }).click();
  return lastPop();
}

describe('the fake org: records, search, navigation, click-to-dial', () => {
  it('searches phone numbers whatever their format, as Salesforce does', async () => {
    const search = async (text: string) => {
      await m.page.getByRole('searchbox', { name: 'Search Salesforce' }).fill(text);
      await m.page.getByRole('button', { name: 'Search', exact: true }).click();
      await m.page.getByRole('heading', { name: `Search results for “${text}”` }).waitFor();
      return m.page.getByRole('table', { name: 'Search results' }).getByRole('row').count();
    };
    expect(await search('5555-0101')).toBe(2); // header + 山田 太郎
    expect(await search('+81 45-333-4444')).toBe(3); // header + two contacts
    expect(await search('０４５２２２１１１１')).toBe(2); // the custom object's phone field
    expect(await m.cti((cti) => cti.host.screenPops())).toEqual([]); // the agent's own search is no pop
  });

  it('drops click-to-dial while the panel has not enabled it', async () => {
    await m.cti((cti) => cti.host.clickToDial({ number: '03-5555-0100' }));
    await expectLogged(m, 'dropped', 'click-to-dial 03-5555-0100 dropped');
    expect(await m.page.getByRole('button', { name: '03-5555-0100' }).count()).toBe(0);
  });

  it('fires onNavigationChange when the agent opens a record, and answers getAppViewInfo', async () => {
    await signIn(m.panel);
    await listenInPanel(frame, 'onNavigationChange');
    await m.page.getByRole('button', { name: '← Home' }).click();
    await m.page.getByRole('table', { name: 'All records' }).getByRole('button', { name: '株式会社テスト' }).click();
    await m.page.getByRole('region', { name: 'Record page' }).waitFor();
    await expect.poll(() => heard(frame, 'onNavigationChange')).toContainEqual(
      expect.objectContaining({ recordId: '0015555000001AA', recordName: '株式会社テスト', objectType: 'Account', accountId: '0015555000001AA' }),
    );
    expect((await callOpenCti(frame, 'getAppViewInfo')).returnValue).toMatchObject({ recordId: '0015555000001AA', objectType: 'Account' });
  });

  it('makes phone fields click-to-dial links once the panel enables it', async () => {
    await listenInPanel(frame, 'onClickToDial');
    await m.page.getByRole('button', { name: '03-5555-0100' }).click();
    await expect.poll(() => heard(frame, 'onClickToDial')).toEqual([
      { number: '03-5555-0100', recordId: '0015555000001AA', recordName: '株式会社テスト', objectType: 'Account' },
    ]);
  });
});

describe('Salesforce setup: the softphone layout, per call type', () => {
  it('pops the new-record form on no match, with the number filled in', async () => {
    await openTab(m, 'Salesforce setup');
    await m.page.getByRole('combobox', { name: 'No match: screen pop' }).selectOption({ label: 'Pop to new record' });
    await m.page.getByRole('textbox', { name: 'No match: New record object' }).fill('Lead');
    await m.page.getByRole('button', { name: 'Save layout' }).click();
    await m.page.getByRole('status').getByText('Inbound layout saved.').waitFor();
    expect(await ringAndDecline('03-9999-0000')).toMatchObject({ type: 'newRecord', callType: 'inbound', searchParams: '0399990000' });
    await m.page.getByRole('heading', { name: 'New Lead' }).waitFor();
    expect(await m.page.getByRole('region', { name: 'New record' }).getByRole('textbox', { name: 'Phone' }).inputValue()).toBe('0399990000');
  });

  it('searches the objects ticked (a custom object too), but never custom objects alone', async () => {
    await m.page.getByRole('checkbox', { name: 'Customer Site (custom object)' }).check();
    await m.page.getByRole('button', { name: 'Save layout' }).click();
    expect(await ringAndDecline('045-222-1111')).toMatchObject({ type: 'sobject', poppedRecordIds: ['a015555000001AA'] });
    for (const name of ['Contact', 'Lead', 'Account']) await m.page.getByRole('checkbox', { name, exact: true }).uncheck();
    await m.page.getByRole('button', { name: 'Save layout' }).click();
    await m.page.getByRole('alert').getByText(/cannot search custom objects alone/).waitFor();
    expect(Object.keys(stack.org.snapshot().layout.Inbound.objects)).toContain('Contact');
  });

  it('pops a flow on several matches and a Visualforce page on one', async () => {
    await m.page.getByRole('button', { name: 'Restore default layout' }).click();
    await m.page.getByRole('combobox', { name: 'Multiple matches: screen pop' }).selectOption({ label: 'Pop to flow' });
    await m.page.getByRole('textbox', { name: 'Multiple matches: Flow API name' }).fill('Pick_Caller');
    await m.page.getByRole('combobox', { name: 'Single match: screen pop' }).selectOption({ label: 'Pop to Visualforce page' });
    await m.page.getByRole('textbox', { name: 'Single match: Visualforce page' }).fill('CallerPage');
    await m.page.getByRole('button', { name: 'Save layout' }).click();
    expect(await ringAndDecline('045-333-4444')).toMatchObject({ type: 'flow' });
    await m.page.getByRole('heading', { name: 'Flow: Pick_Caller' }).waitFor();
    expect(await ringAndDecline('06-7777-0202')).toMatchObject({ type: 'url' });
    await m.page.getByRole('heading', { name: /Page \/apex\/CallerPage/ }).waitFor();
  });

  it('edits the other call types, and refuses a malformed layout from a script', async () => {
    await m.page.getByRole('combobox', { name: 'Call type' }).selectOption('Internal');
    await m.page.getByRole('combobox', { name: 'Single match: screen pop' }).selectOption({ label: 'Pop to record page' });
    await m.page.getByRole('button', { name: 'Save layout' }).click();
    await expect.poll(() => stack.org.snapshot().layout.Internal.screenPopSettings.SingleMatch).toEqual({ screenPopType: 'PopToEntity', screenPopData: '' });
    await expect(m.cti((cti) => cti.host.setSoftphoneLayout({ Inbound: { objects: 'Contact' } }))).rejects.toThrow(/Not a softphone layout/);
  });
});

describe('Salesforce setup: call center and directory numbers', () => {
  it('saves the call center; the softphone takes it when reloaded', async () => {
    await m.page.getByRole('spinbutton', { name: 'Softphone width (px)' }).fill('360');
    await m.page.getByRole('spinbutton', { name: 'Softphone height (px)' }).fill('520');
    await m.page.getByRole('combobox', { name: 'BIZTEL Popup mode' }).selectOption('2');
    await m.page.getByRole('textbox', { name: 'BIZTEL Open CTI Server URL' }).fill('http://biztel.example:8000/');
    await m.page.getByRole('button', { name: 'Save call center' }).click();
    await m.page.getByRole('status').getByText(/Call center saved/).waitFor();
    await expect.poll(() => stack.org.snapshot().callCenter['/biztelSettings/popupMode']).toBe('2');
    expect(await m.page.locator(PANEL_FRAME).evaluate((f: HTMLIFrameElement) => [f.style.width, f.style.height])).toEqual(['360px', '520px']);
    await reloadSoftphone(m);
    await m.panel.getByRole('alert').getByText(/http:\/\/biztel\.example:8000\//).first().waitFor();
    await m.page.getByRole('textbox', { name: 'BIZTEL Open CTI Server URL' }).fill(stack.simulator.url);
    await m.page.getByRole('button', { name: 'Save call center' }).click();
    await reloadSoftphone(m);
    await signIn(m.panel);
    frame = await panelFrame(m.page);
  });

  it('edits directory numbers, which the package’s Apex hands the Lightning panel', async () => {
    await m.page.getByRole('button', { name: 'Add number' }).click();
    await m.page.getByRole('button', { name: 'Save directory numbers' }).click();
    await m.page.getByRole('alert').getByText(/name must be 1–80 characters/).waitFor();
    await m.page.getByRole('textbox', { name: 'Name 1' }).fill('代表番号');
    await m.page.getByRole('textbox', { name: 'Phone 1' }).fill('03-1234-5678');
    await m.page.getByRole('button', { name: 'Save directory numbers' }).click();
    await expect.poll(() => stack.org.snapshot().directoryNumbers).toEqual([{ name: '代表番号', phone: '03-1234-5678' }]);
    const apex = await callOpenCti(frame, 'runApex', { apexClass: 'BIZTELOpenCTIController', methodName: 'getDirectoryNumbers', methodParams: '' });
    expect(JSON.parse((apex.returnValue as { runApex: string }).runApex)).toEqual([{ name: '代表番号', phone: '03-1234-5678' }]);
    await m.page.getByRole('button', { name: 'Remove 1' }).click();
    await m.page.getByRole('button', { name: 'Save directory numbers' }).click();
    await expect.poll(() => stack.org.snapshot().directoryNumbers).toEqual([]);
  });
});

describe('the activity timeline', () => {
  it('shows each Task with its fields and the recording link, on the record and in the Activity tab', async () => {
    await m.cti((cti) => cti.reset());
    await signIn(m.panel);
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(m.panel, 'Connected');
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(async () => (await tasksFor(m, callId))[0]?.BIZTEL_Recording_URL__c, { timeout: 5000 }).toBe(`${stack.simulator.url}monitor_link/${callId}`);
    const [task] = await tasksFor(m, callId);
    const onRecord = m.page.getByRole('list', { name: 'Activity of 山田 太郎' });
    await onRecord.getByRole('link', { name: 'Recording' }).waitFor();
    expect(await onRecord.getByRole('link', { name: 'Recording' }).getAttribute('href')).toBe(task!.BIZTEL_Recording_URL__c);
    await openTab(m, 'Activity');
    const article = m.page.getByRole('list', { name: 'All Tasks' }).getByRole('article').first();
    await article.getByText(callId, { exact: true }).first().waitFor();
    expect(await article.getByRole('link', { name: 'Recording' }).getAttribute('href')).toBe(task!.BIZTEL_Recording_URL__c);
    await article.getByText('山田 太郎 (0035555000001AA)').waitFor();
    // The link opens BIZTEL's recording page (not an audio file): "being prepared" at first, then a
    // player and a download link, the page reloading itself until then.
    const [recording] = await Promise.all([m.page.context().waitForEvent('page'), article.getByRole('link', { name: 'Recording' }).click()]);
    expect(recording.url()).toBe(task!.BIZTEL_Recording_URL__c);
    await recording.locator(`audio[src="${callId}/recording.wav"]`).waitFor({ state: 'attached', timeout: 15_000 });
    await recording.getByRole('link', { name: 'ダウンロード / Download' }).waitFor();
    await recording.close();
  });

  it('reset() puts the org and the simulator back to the seed data', async () => {
    await m.cti((cti) => cti.host.setDirectoryNumbers([{ name: 'x', phone: '1' }]));
    const before = await m.cti((cti) => cti.host.calls().length);
    expect(before).toBeGreaterThan(0);
    const resetAt = await m.page.evaluate(() => Date.now());
    await m.cti((cti) => cti.reset());
    const org = stack.org.snapshot();
    expect(org.tasks).toEqual([]);
    expect(org.directoryNumbers).toEqual([]);
    expect(org.layout.Inbound.screenPopSettings.SingleMatch).toEqual({ screenPopType: 'PopToEntity' });
    expect(await m.cti((cti) => cti.server.calls())).toEqual([]);
    // Cleared; the panel may already have reacted to the reset (the simulator signed it out).
    expect(await m.cti((cti) => cti.host.screenPops())).toEqual([]);
    expect((await m.cti((cti) => cti.host.calls())).filter((c) => c.at < resetAt)).toEqual([]);
    expect((await m.cti((cti) => cti.host.wireLog())).filter((e) => e.at < resetAt)).toEqual([]);
  });

  it('raised no errors in the page', () => {
    expect(m.errors).toEqual([]);
  });
});
