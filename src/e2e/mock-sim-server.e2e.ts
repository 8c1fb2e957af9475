import { beforeAll, describe, expect, it } from 'vitest';
import { expectCallState, signIn, type MockPage, mockStage } from './support';
import { expectLogged, expectSimDone } from './mock-helpers';

const stage = mockStage();
let m: MockPage;

beforeAll(async () => {
  m = await stage.page('lang=en');
  await signIn(m.panel);
});

const pbx = () => stage.stack.simulator.pbx;
const agent01 = () => pbx().agents.get('agent01')!;

/** The panel's connection indicator (its text is for screen readers). */
const linkState = () => m.panel.getByText(/^BIZTEL server: /).textContent();

describe('the simulator panel: the BIZTEL server', () => {
  it('restarts the server on another version; the panel reconnects and the page shows it', async () => {
    await m.page.getByRole('textbox', { name: 'Server version' }).fill('3.3.0');
    await m.page.getByRole('button', { name: 'Restart on this version' }).click();
    await expectSimDone(m, 'Restart on 3.3.0');
    expect(pbx().config.version).toBe('3.3.0');
    await m.page.getByRole('form', { name: 'Server version' }).getByText('Running 3.3.0').waitFor();
    // 3.3.x has no outbound pop setting: the page says so next to it.
    await m.page.getByText('Outbound pop (not in this server version)').waitFor();
    await expect.poll(linkState, { timeout: 10_000 }).toBe('BIZTEL server: Connected');
    await m.page.getByRole('textbox', { name: 'Server version' }).fill('3.9.0');
    await m.page.getByRole('button', { name: 'Restart on this version' }).click();
    await expectSimDone(m, 'Restart on 3.9.0');
    await expect.poll(() => m.page.getByRole('combobox', { name: 'Outbound pop (not in this server version)' }).count()).toBe(0);
    await expect.poll(linkState, { timeout: 10_000 }).toBe('BIZTEL server: Connected');
  });

  it('schedules and cancels an upgrade', async () => {
    await m.page.getByRole('textbox', { name: 'Upgrade to version' }).fill('3.10.2');
    await m.page.getByRole('button', { name: 'Schedule upgrade' }).click();
    await expectSimDone(m, 'Schedule upgrade to 3.10.2');
    expect(pbx().config.scheduledUpgrade).toBe('3.10.2');
    await m.page.getByText('Scheduled upgrade: 3.10.2').waitFor();
    await expect.poll(linkState, { timeout: 10_000 }).toBe('BIZTEL server: Connected');
    await m.page.getByRole('button', { name: 'Cancel scheduled upgrade' }).click();
    await expectSimDone(m, 'Cancel scheduled upgrade');
    expect(pbx().config.scheduledUpgrade).toBeNull();
    await expect.poll(linkState, { timeout: 10_000 }).toBe('BIZTEL server: Connected');
  });

  it('changes every system setting, live', async () => {
    const group = m.page.getByRole('group', { name: 'System settings' });
    await group.getByRole('combobox', { name: 'Inbound pop' }).selectOption('never');
    await expect.poll(() => pbx().config.settings.inboundPopup).toBe('never');
    await group.getByRole('combobox', { name: 'Outbound pop' }).selectOption('dial');
    await expect.poll(() => pbx().config.settings.outboundPopup).toBe('dial');
    await group.getByRole('checkbox', { name: 'Pop anonymous callers (非通知)' }).check();
    await expect.poll(() => pbx().config.settings.anonymousPopup).toBe(true);
    await group.getByRole('checkbox', { name: 'Click-to-call immediate dial' }).check();
    await expect.poll(() => pbx().config.settings.clickToCallImmediate).toBe(true);
    await group.getByRole('checkbox', { name: 'Click-to-call disabled' }).check();
    await expect.poll(() => pbx().config.settings.clickToCallDisabled).toBe(true);
    // Pushed to the panel: it turns Salesforce's click-to-dial off, so a click is dropped.
    await expect.poll(() => m.cti((cti) => cti.host.calls().filter((c) => c.methodName === 'disableClickToDial').length)).toBeGreaterThan(0);
    await m.cti((cti) => cti.host.clickToDial({ number: '03-5555-0101' }));
    await expectLogged(m, 'dropped', 'click-to-dial 03-5555-0101 dropped');
    await group.getByRole('checkbox', { name: 'Click-to-call disabled' }).uncheck();
    await expect.poll(() => pbx().config.settings.clickToCallDisabled).toBe(false);
    // Inbound pop "never": a known caller rings and nothing pops.
    const pops = (await m.cti((cti) => cti.host.screenPops())).length;
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    await new Promise((r) => setTimeout(r, 300));
    expect((await m.cti((cti) => cti.host.screenPops())).length).toBe(pops);
    await m.cti((cti, id) => cti.server.remoteHangup(id), callId);
    await expectCallState(m.panel, 'Ended');
    await m.panel.getByRole('button', { name: 'Close' }).click();
    await group.getByRole('combobox', { name: 'Inbound pop' }).selectOption('ring');
    await expect.poll(() => pbx().config.settings.inboundPopup).toBe('ring');
  });

  it('turns after-call work on: after a call the agent is in 後作業', async () => {
    await m.page.getByRole('checkbox', { name: 'After-call work (後作業) after each call' }).check();
    await expect.poll(() => pbx().agents.afterCallWork).toBe(true);
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(m.panel, 'Connected');
    await m.cti((cti, id) => cti.server.remoteHangup(id), callId);
    await expectCallState(m.panel, 'Ended');
    await expect.poll(() => agent01().statusId).toBe('acw');
    await expect.poll(() => m.panel.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('acw');
    await m.panel.getByRole('button', { name: 'Close' }).click();
    await m.page.getByRole('checkbox', { name: 'After-call work (後作業) after each call' }).uncheck();
    await expect.poll(() => pbx().agents.afterCallWork).toBe(false);
    await m.panel.getByRole('combobox', { name: 'Status' }).selectOption('ready');
    await expect.poll(() => agent01().statusId).toBe('ready');
  });

  it("stops and starts an agent's desktop softphone: ★ functions go and come back", async () => {
    const running = m.page.getByRole('checkbox', { name: 'Running (agent01)' });
    await running.uncheck();
    await expect.poll(() => agent01().phoneRegistered).toBe(false);
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    await expect.poll(() => m.panel.getByRole('button', { name: 'Answer' }).isDisabled()).toBe(true);
    await running.check();
    await expect.poll(() => agent01().phoneRegistered).toBe(true);
    await expect.poll(() => m.panel.getByRole('button', { name: 'Answer' }).isEnabled()).toBe(true);
    await m.cti((cti, id) => cti.server.remoteHangup(id), callId);
    await expectCallState(m.panel, 'Ended');
    await m.panel.getByRole('button', { name: 'Close' }).click();
  });

  it('cuts every connection for N seconds: the panel loses the server, then reconnects by itself', async () => {
    await m.page.getByRole('spinbutton', { name: 'Cut for (seconds)' }).fill('2');
    await m.page.getByRole('button', { name: 'Cut connections' }).click();
    await expectSimDone(m, 'Cut connections for 2 s');
    await expect.poll(linkState, { timeout: 5000 }).not.toBe('BIZTEL server: Connected');
    await expect.poll(linkState, { timeout: 15_000 }).toBe('BIZTEL server: Connected');
    // Still signed in after the outage: a call reaches the panel.
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    await m.cti((cti, id) => cti.server.remoteHangup(id), callId);
    await expectCallState(m.panel, 'Ended');
  });

  it('raised no errors in the page (but the refused reconnections during the outage)', () => {
    expect(m.errors.filter((e) => !/WebSocket connection to .* failed|status of 403/.test(e))).toEqual([]);
  });
});
