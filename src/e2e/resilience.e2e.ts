import { beforeEach, describe, expect, it } from 'vitest';
import { answeredCall, loggedNextCall, logWrites } from './agents';
import { hostCalls, launchStorageContext, openTab, reloadSoftphone, signIn, tasksFor, type MockPage, mockStage } from './support';

const stage = mockStage({ simulator: { timing: { recordingDelayMs: 100, outcomeDelayMs: 100 } } });
beforeEach(() => stage.reset());

async function page(query = 'lang=en'): Promise<MockPage> {
  return stage.page(query);
}

/** Restarts the panel inside the same host page (what a browser reload of Salesforce does to it). */
const reloadPanel = reloadSoftphone;

const failure = (m: MockPage) => m.panel.getByRole('alert').first();

/**
 * The page's first panel is done with Salesforce: its sign-in screen is up, which it shows only once
 * Salesforce has said who the user is (the start-up's only Apex call; the directory names are read
 * after sign-in). A failure armed after this can only be used up by the panel that the test starts
 * next, never by this one finishing its start-up late.
 */
async function startedUp(m: MockPage): Promise<void> {
  await m.panel.getByRole('textbox', { name: 'Login ID' }).waitFor();
  expect((await hostCalls(m, 'runApex')).map((c) => (c.args as { methodName?: string }).methodName)).toEqual(['getUserInfo']);
}

/** How often the panel asked Salesforce who the user is (the start-up's first Apex call) from `since` on. */
const userInfoAsksSince = async (m: MockPage, since: number) =>
  (await hostCalls(m, 'runApex')).filter((c) => c.at >= since && (c.args as { methodName?: string }).methodName === 'getUserInfo').length;

describe('start-up diagnostics: the manual’s message, the cause and the fix', () => {
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
    await startedUp(m);
    // Salesforce refuses the class (not SERVER_ERROR, which is what an expired session answers).
    await m.cti((cti) => cti.host.failNext('runApex', 1, { code: 'GENERIC_ERROR' }));
    await reloadPanel(m);
    await failure(m).getByText(/② The user's profile has no access/).waitFor();
    await failure(m).getByText(/BIZTEL Open CTI User/).waitFor();
    expect(await failure(m).textContent()).not.toMatch(/session/i);
  });

  it('an expired Salesforce session at start-up is not ②: the session-expired message, and it starts by itself once Salesforce is back', async () => {
    const m = await page();
    await m.cti((cti) => cti.host.expireSession());
    const reloadAt = await m.cti(() => Date.now());
    await reloadPanel(m);
    await failure(m).getByText('Your Salesforce session has timed out.').waitFor();
    await failure(m).getByText(/Log in to Salesforce again/).waitFor();
    await failure(m).getByText('Checking Salesforce again every few seconds…').waitFor();
    expect(await failure(m).textContent()).not.toMatch(/②|Check the BIZTEL settings/);
    // It keeps asking, and carries on once the agent has logged in to Salesforce again.
    await expect.poll(() => userInfoAsksSince(m, reloadAt), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await m.cti((cti) => cti.host.restoreSession());
    await m.panel.getByRole('textbox', { name: 'Login ID' }).waitFor({ timeout: 10_000 });
    await signIn(m.panel);
  });

  it('a passing SERVER_ERROR at start-up is tried again, not reported as ②', async () => {
    const m = await page();
    await startedUp(m);
    await m.cti((cti) => cti.host.failNext('runApex'));
    const reloadAt = await m.cti(() => Date.now());
    await reloadPanel(m);
    await m.panel.getByRole('textbox', { name: 'Login ID' }).waitFor({ timeout: 10_000 });
    // The failure was used up by the start-up, which asked again and went on.
    expect(await m.cti((cti) => cti.host.pendingFailures())).toEqual([]);
    expect(await userInfoAsksSince(m, reloadAt)).toBe(2);
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
    // The HTTP probe says nothing answers at all (so: the URL, the server or the network).
    await failure(m).getByText(/^Nothing answers at that address over HTTP either/).waitFor();
  });

  it('③ with the server answering HTTP but the realtime connection blocked: it says the URL is right and what blocks it', async () => {
    const m = await page();
    // A proxy that lets plain HTTP through but neither the WebSocket nor socket.io's long-polling.
    await m.context.routeWebSocket(/\/socket\.io\//, (ws) => ws.close());
    await m.context.route(/\/socket\.io\//, (route) => route.abort());
    await reloadPanel(m);
    await failure(m).getByText(/Cannot connect to the Open CTI server/).waitFor({ timeout: 15_000 });
    await failure(m).getByText(/^The server does answer over HTTP \(BIZTEL 3\.9\.0 at \/api\/v1\/info\), so the URL is right/).waitFor();
  });

  it('③ with the URL pointing at another web server: it says that is probably not the BIZTEL admin URL', async () => {
    const m = await page();
    // The panel's own origin: a web server that answers it (no CORS in the way), but is not BIZTEL.
    const panelOrigin = stage.stack.origin.replace('localhost', '127.0.0.1');
    await m.cti((cti, url) => cti.host.setCallCenterSettings({ '/biztelSettings/serverUrl': url }), `${panelOrigin}/not-biztel/`);
    await reloadPanel(m);
    await failure(m).getByText(/Cannot connect to the Open CTI server/).waitFor({ timeout: 15_000 });
    // The dev server answers 404 for a path it does not serve.
    await failure(m).getByText('The address answered HTTP 404 to /api/v1/info: it is probably not the BIZTEL admin URL (check the host, the port and the path).').waitFor();
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

describe('Salesforce session expiry', () => {
  it('signs the agent out of BIZTEL, says why, keeps the log and writes it when Salesforce is back', async () => {
    const m = await page();
    await signIn(m.panel);
    const callId = await answeredCall(m);
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
    // The panel asked Salesforce first and refused; the notice already says why, once.
    await expect.poll(() => m.panel.getByLabel('Password').inputValue(), { timeout: 10_000 }).toBe('');
    expect(await m.panel.getByRole('alert').filter({ hasText: /Your Salesforce session timed out, so you were signed out of BIZTEL/ }).count()).toBe(1);
    expect(stage.stack.simulator.pbx.agents.get('agent01')?.session).toBeNull();

    const restoredAt = await m.cti(() => Date.now());
    await m.cti((cti) => cti.host.restoreSession());
    await expect.poll(() => tasksFor(m, callId), { timeout: 15_000 }).toHaveLength(1);
    await signIn(m.panel);
    // Signing in again does not write it again: not by the time the next call is logged.
    await loggedNextCall(m);
    expect(await logWrites(m, restoredAt, callId)).toHaveLength(1);
  });
});

describe('the durable outbox', () => {
  it('writes a log left unconfirmed by a tab that closed, from the next tab, once', async () => {
    const context = stage.track(await launchStorageContext());
    const first = await openTab(context, stage.stack, 'lang=en');
    await signIn(first.panel);
    const callId = await answeredCall(first);
    // Every write from this tab fails, the one with the recording link too (stored in the outbox
    // before it was sent): only the outbox knows the Task when the tab closes.
    await first.cti((cti) => cti.host.failNext('runApex:upsertCallLog', 20));
    const hungUpAt = await first.cti(() => Date.now());
    await first.panel.getByRole('button', { name: 'Hang up' }).click();
    await first.panel.getByText('1 call logs are waiting to be saved to Salesforce.').waitFor();
    await expect.poll(async () => (await logWrites(first, hungUpAt, callId)).some((task) => 'BIZTEL_Recording_URL__c' in task)).toBe(true);
    await first.page.close();
    expect(stage.stack.org.snapshot().tasks.filter((t) => t.CallObject === callId)).toEqual([]);

    const next = await openTab(context, stage.stack, 'lang=en');
    await expect.poll(() => tasksFor(next, callId), { timeout: 10_000 }).toEqual([expect.objectContaining({ WhoId: '0035555000001AA', CallType: 'Inbound' })]);
    const fromOutbox = JSON.stringify((await logWrites(next, 0, callId))[0]);
    expect(fromOutbox).toContain('BIZTEL_Recording_URL__c');
    // Once: that version is not sent again by the time the agent has signed in and the next call is
    // logged. (Signing in, the panel also logs the calls the server lists as ended lately, this one
    // among them, from what the server knows: another version, without the record the first tab found.)
    await signIn(next.panel);
    await loggedNextCall(next);
    expect((await logWrites(next, 0, callId)).filter((task) => JSON.stringify(task) === fromOutbox)).toHaveLength(1);
  });
});
