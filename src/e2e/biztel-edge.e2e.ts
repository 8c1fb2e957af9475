/**
 * When the BIZTEL side misbehaves, driven through `window.mockCti` only: an odd call still rings and is
 * logged, and the next ordinary one is untouched; a server restart mid-call logs the call once with
 * its talk time up to the restart; a reload in a browser that keeps nothing explains itself, and a
 * call ringing meanwhile can be answered after signing in again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { logWrites } from './agents';
import { expectCallState, launchStorageContext, openTab, reloadSoftphone, screenPops, signIn, tasksFor, mockStage } from './support';

const stage = mockStage({ simulator: { timing: { recordingDelayMs: 100, recordingReadyMs: 200 } } });
afterEach(() => stage.reset());

const SIP = `sip:+81355550101@${'pbx.'.repeat(30)}example.com;transport=tls`;

describe('an odd call from the BIZTEL server', () => {
  it('(a SIP caller ID, an rtsp recording link) rings and is logged; then an ordinary call rings and is logged; a reload signs in by itself', { timeout: 90_000 }, async () => {
    const context = stage.track(await launchStorageContext());
    const m = await openTab(context, stage.stack, 'lang=en');
    await signIn(m.panel);

    await m.cti((cti, from) => cti.server.nextCallQuirks({ from, recordingUrl: 'rtsp://media.example.com/rec/1', extra: { newField: [1, 2, 3] } }), SIP);
    const { callId: odd } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    await m.panel.getByText(SIP.slice(0, 20), { exact: false }).first().waitFor(); // shown, shortened
    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(m.panel, 'Connected');
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => tasksFor(m, odd), { timeout: 10_000 }).toEqual([expect.objectContaining({ CallObject: odd, CallType: 'Inbound' })]);
    const [oddTask] = await tasksFor(m, odd);
    expect(oddTask).not.toHaveProperty('WhoId'); // a caller ID that is not a number is never searched…
    expect(await screenPops(m)).toEqual([]); // …nor popped
    expect(oddTask?.BIZTEL_Recording_URL__c).toBeUndefined(); // the rtsp link was dropped

    const { callId: ordinary } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    await expect.poll(() => screenPops(m)).toEqual([expect.objectContaining({ poppedRecordIds: ['0035555000001AA'] })]);
    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(m.panel, 'Connected');
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect
      .poll(() => tasksFor(m, ordinary), { timeout: 10_000 })
      .toEqual([expect.objectContaining({ WhoId: '0035555000001AA', BIZTEL_Recording_URL__c: `${stage.stack.simulator.url}monitor_link/${ordinary}` })]);

    await reloadSoftphone(m);
    await m.panel.getByRole('combobox', { name: 'Status' }).waitFor(); // signed in again without the password
    expect(await m.panel.getByRole('textbox', { name: 'Login ID' }).count()).toBe(0);
  });
});

describe('a server restart mid-call', () => {
  it('logs the call once with its talk time up to the restart; the next call works after signing in again', { timeout: 90_000 }, async () => {
    const m = await stage.page('lang=en');
    await signIn(m.panel);
    const since = await m.cti(() => Date.now());
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(m.panel, 'Connected');
    await new Promise((r) => setTimeout(r, 4000));
    await m.cti((cti) => cti.server.restart());

    await m.panel.getByText('The BIZTEL server ended this session', { exact: false }).waitFor({ timeout: 15_000 });
    await expect.poll(() => tasksFor(m, callId), { timeout: 10_000 }).toHaveLength(1);
    const [task] = await tasksFor(m, callId);
    expect(Number(task?.CallDurationInSeconds)).toBeGreaterThanOrEqual(3);
    expect(Number(task?.CallDurationInSeconds)).toBeLessThanOrEqual(6);
    expect(task).toMatchObject({ WhoId: '0035555000001AA' }); // linked to its record

    await signIn(m.panel);
    const { callId: next } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => tasksFor(m, next), { timeout: 10_000 }).toHaveLength(1);
    // The restarted call: still one Task, whatever the server's snapshot after the sign-in said of it.
    expect(await tasksFor(m, callId)).toHaveLength(1);
    expect((await logWrites(m, since, callId)).length).toBeGreaterThanOrEqual(1);
  });
});

describe('a reload in a browser that keeps nothing (third-party storage blocked)', () => {
  it('explains itself at sign-in, and a call that rang meanwhile can be answered after signing in', { timeout: 90_000 }, async () => {
    const m = await stage.page('lang=en');
    await signIn(m.panel);
    await reloadSoftphone(m);
    await m.panel.getByRole('textbox', { name: 'Login ID' }).waitFor();
    await m.panel.getByRole('note').getByText('BIZTEL may still be ringing this agent', { exact: false }).waitFor();

    // BIZTEL still routes calls to the agent, whose session the server still has.
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await signIn(m.panel);
    await expectCallState(m.panel, 'Ringing');
    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(m.panel, 'Connected');
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => tasksFor(m, callId), { timeout: 10_000 }).toHaveLength(1);
  });
});

describe('signing in again after a reload that kept nothing', () => {
  it('never overwrites the notes of a call the panel had logged before the reload', { timeout: 90_000 }, async () => {
    const m = await stage.page('lang=en');
    await signIn(m.panel);
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(m.panel, 'Connected');
    await m.panel.getByRole('textbox', { name: 'Notes' }).fill('Wants a refund');
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    const recording = `${stage.stack.simulator.url}monitor_link/${callId}`;
    await expect.poll(() => tasksFor(m, callId).then((t) => t[0]?.Description), { timeout: 10_000 }).toBe(`Wants a refund\nRecording: ${recording}`);

    await reloadSoftphone(m);
    const since = await m.cti(() => Date.now());
    await signIn(m.panel); // the server's snapshot still lists the call, ended: this panel hears of it now
    await expect.poll(() => logWrites(m, since, callId).then((w) => w.length), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    expect(await tasksFor(m, callId)).toEqual([expect.objectContaining({ Description: `Wants a refund\nRecording: ${recording}`, BIZTEL_Recording_URL__c: recording })]);
  });
});
