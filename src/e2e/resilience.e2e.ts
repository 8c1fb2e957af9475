import { beforeEach, describe, expect, it } from 'vitest';
import { expectCallState, launchStorageContext, openTab, settle, signIn, tasksFor, type MockPage, mockStage } from './support';

const stage = mockStage({ simulator: { timing: { recordingDelayMs: 100, outcomeDelayMs: 100 } } });
beforeEach(() => stage.reset());

async function page(query = 'lang=en'): Promise<MockPage> {
  return stage.page(query);
}

/** Restarts the panel inside the same host page (what a browser reload of Salesforce does to it). */
async function reloadPanel(m: MockPage): Promise<void> {
  await m.page.getByRole('button', { name: 'Reload softphone' }).click();
  await m.page.evaluate(() => window.mockCti!.ready());
}

const failure = (m: MockPage) => m.panel.getByRole('alert').first();

describe('start-up diagnostics (§7.2): the manual’s message, the cause and the fix', () => {
  it('① Open CTI could not run', async () => {
    const m = await page();
    await m.cti((cti) => cti.host.failNext('getCallCenterSettings'));
    await reloadPanel(m);
    await failure(m).getByText('Check the BIZTEL settings.').waitFor();
    await failure(m).getByText('① The Salesforce Open CTI API could not run.').waitFor();
    await failure(m).getByText(/call center user/).waitFor();
  });

  it('② the profile lacks the package’s Apex class', async () => {
    const m = await page();
    await m.cti((cti) => cti.host.failNext('runApex'));
    await reloadPanel(m);
    await failure(m).getByText(/② The user's profile has no access/).waitFor();
    await failure(m).getByText(/BIZTEL Open CTI User/).waitFor();
  });

  it.each([
    ['', 'is empty'],
    ['biztel.example.com', 'is not a URL'],
    ['http://s000000000000.u.biztel.jp:8000/', 'is not https'],
  ])('the server URL item %j %s', async (url, cause) => {
    const m = await page();
    await m.cti((cti, value) => cti.host.setCallCenterSettings({ '/biztelSettings/serverUrl': value }), url);
    await reloadPanel(m);
    await failure(m).getByText(cause, { exact: false }).waitFor();
  });

  it('③ the server cannot be reached: the manual’s message with the URL tried, retrying', async () => {
    const m = await page();
    await m.cti((cti) => cti.host.setCallCenterSettings({ '/biztelSettings/serverUrl': 'http://localhost:9/' }));
    await reloadPanel(m);
    await failure(m).getByText('Cannot connect to the Open CTI server. Check the Open CTI server URL setting and the browser security settings. (http://localhost:9/)').waitFor({ timeout: 15_000 });
    await failure(m).getByText('Retrying the connection…').waitFor();
  });

  it('③ in Japanese, word for word as the manual has it', async () => {
    const m = await page('lang=ja');
    await m.cti((cti) => cti.host.setCallCenterSettings({ '/biztelSettings/serverUrl': 'http://localhost:9/' }));
    await reloadPanel(m);
    await failure(m).getByText('BIZTEL設定をご確認ください。').waitFor({ timeout: 15_000 });
    await failure(m).getByText('OpenCTIサーバに接続できません。OpenCTIサーバのURL設定、ブラウザのセキュリティ設定などをご確認ください。(http://localhost:9/)').waitFor();
  });

  it('recovers by itself when the server comes back', async () => {
    const m = await page();
    await m.cti((cti) => cti.server.dropConnections(5_000));
    await reloadPanel(m);
    await failure(m).getByText(/Cannot connect to the Open CTI server/).waitFor({ timeout: 15_000 });
    await m.panel.getByRole('textbox', { name: 'Login ID' }).waitFor({ timeout: 20_000 });
  });
});

describe('Salesforce session expiry (§9)', () => {
  it('signs the agent out of BIZTEL, says why, keeps the log and writes it when Salesforce is back', async () => {
    const m = await page();
    await signIn(m.panel);
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(m.panel, 'Connected');
    await m.cti((cti) => cti.host.expireSession());
    await m.cti((cti, id) => cti.server.remoteHangup(id), callId);
    // The log write fails, the panel checks the session, and signs out so calls stop ringing here.
    await m.panel.getByText(/Your Salesforce session timed out, so you were signed out of BIZTEL/).waitFor({ timeout: 10_000 });
    await expect.poll(() => stage.stack.simulator.pbx.agents.get('agent01')?.session).toBeNull();
    await expect(m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }))).rejects.toThrow(/not signed in/);
    await m.panel.getByText('1 call logs are waiting to be saved to Salesforce.').waitFor();
    expect(await tasksFor(m, callId)).toEqual([]);

    // Signing in again is refused until Salesforce answers again.
    await m.panel.getByRole('textbox', { name: 'Login ID' }).fill('agent01');
    await m.panel.getByLabel('Password').fill('biztel');
    await m.panel.getByRole('button', { name: 'Sign in' }).click();
    await settle(500);
    expect(stage.stack.simulator.pbx.agents.get('agent01')?.session).toBeNull();

    await m.cti((cti) => cti.host.restoreSession());
    await expect.poll(() => tasksFor(m, callId), { timeout: 15_000 }).toHaveLength(1);
    await signIn(m.panel);
    await settle(300);
    expect(await tasksFor(m, callId)).toHaveLength(1);
  });
});

describe('the durable outbox', () => {
  it('writes a log left unconfirmed by a tab that closed, from the next tab, once', async () => {
    const context = stage.track(await launchStorageContext());
    const first = await openTab(context, stage.stack, 'lang=en');
    await signIn(first.panel);
    const { callId } = await first.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await first.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(first.panel, 'Connected');
    await first.cti((cti) => cti.host.failNext('runApex', 1));
    await first.panel.getByRole('button', { name: 'Hang up' }).click();
    await first.panel.getByText('1 call logs are waiting to be saved to Salesforce.').waitFor();
    await first.page.close(); // before the retry: only the outbox knows the Task now
    expect(stage.stack.org.snapshot().tasks.filter((t) => t.CallObject === callId)).toEqual([]);

    const next = await openTab(context, stage.stack, 'lang=en');
    await expect.poll(() => tasksFor(next, callId), { timeout: 10_000 }).toEqual([expect.objectContaining({ WhoId: '0035555000001AA', CallType: 'Inbound' })]);
    await settle(1500);
    expect(await tasksFor(next, callId)).toHaveLength(1);
  });
});
