/**
 * The simulator misbehaving on request, through the mock page's Simulator tab and `window.mockCti`:
 * a crash and restart, and a next call carrying odd values. What is checked here is the simulator's
 * side (what it does and sends); how the panel copes is the panel's own tests' business.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { callEvent, rawClient, type RawClient } from '../simulator/raw-client.test-support';
import { answeredCall, signedInPage } from './agents';
import { expectSimDone } from './mock-helpers';
import { mockStage, signIn, expectCallState } from './support';

const stage = mockStage({ simulator: { timing: { recordingDelayMs: 50 } } });
const pbx = () => stage.stack.simulator.pbx;
const raws: RawClient[] = [];

afterEach(async () => {
  for (const raw of raws.splice(0)) raw.close();
  await stage.reset();
});

/** agent02 signed in from a raw socket.io client: sees what the server sends, exactly as sent. */
async function rawAgent02(): Promise<RawClient & { token: string }> {
  const raw = await rawClient(stage.stack.simulator.url);
  raws.push(raw);
  const signedIn = await raw.command('signIn', { loginId: 'agent02', password: 'biztel' });
  expect(signedIn).toMatchObject({ ok: true });
  return Object.assign(raw, { token: (signedIn.data as { token: string }).token });
}

describe('Restart server (forget everything)', () => {
  it('ends the live call at that moment as failed, loses the session, keeps the call listed; the agent signs in again and calls work', async () => {
    const m = await signedInPage(stage);
    const callId = await answeredCall(m);
    expect(callId).toMatch(/^\d{20}$/);
    const before = await m.cti(() => Date.now());
    await m.page.getByRole('button', { name: 'Restart server (forget everything)' }).click();
    await expectSimDone(m, 'Restart server');
    const after = await m.cti(() => Date.now());

    expect(await m.cti((cti) => cti.server.calls())).toEqual([expect.objectContaining({ callId, state: 'ended' })]);
    expect(pbx().agents.get('agent01')?.session).toBeNull();
    const leg = pbx().table.calls.get(callId)?.legs.get('agent01');
    expect(leg).toMatchObject({ state: 'ended', endReason: 'failed' });
    expect(leg!.endedAt).toBeGreaterThanOrEqual(before);
    expect(leg!.endedAt).toBeLessThanOrEqual(after);

    // The agent signs in again (however the panel shows the lost session), and the next call rings, with a newer id.
    await m.panel.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 15_000 });
    await signIn(m.panel);
    const { callId: next } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    expect(BigInt(next)).toBeGreaterThan(BigInt(callId));
    await m.cti((cti, id) => cti.server.remoteHangup(id), next);
  });

  it('is mockCti.server.restart() too: every socket drops and comes back to a server that forgot its session', async () => {
    const m = await stage.page('lang=en');
    await m.cti((cti) => cti.ready());
    const raw = await rawAgent02();
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101', agent: 'agent02' }));
    await raw.event(callEvent(callId, 'ringing'));
    const back = raw.hello();
    await m.cti((cti) => cti.server.restart());
    await back;
    expect(raw.drops).toEqual(['transport close']);
    expect(await raw.command('resume', { token: raw.token, lastSeq: 0 })).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
    expect(await m.cti((cti) => cti.server.calls())).toEqual([expect.objectContaining({ callId, state: 'ended' })]);
    expect(pbx().agents.get('agent02')?.session).toBeNull();
  });
});

describe("the next call's quirks", () => {
  const SIP = `sip:+81355550101@${'pbx'.repeat(30)}.example;transport=tls`;

  it('arms the next call from the Simulator tab: its caller ID, recording URL and extra fields go out as typed, then calls are ordinary again', async () => {
    const m = await stage.page('lang=en');
    const raw = await rawAgent02();
    const armed = m.page.getByLabel('Armed quirks');
    await expect.poll(() => armed.textContent()).toBe('Nothing armed: the next call is ordinary.');
    await m.page.getByRole('textbox', { name: 'Next call: caller ID as sent (unchecked)' }).fill(SIP);
    await m.page.getByRole('textbox', { name: 'Next call: recording URL as sent (unchecked)' }).fill('rtsp://media.example/rec/1');
    await m.page.getByRole('textbox', { name: 'Next call: extra fields (JSON)' }).fill('{"trunk": "T1", "tags": ["vip"]}');
    await m.page.getByRole('button', { name: 'Arm quirks for next call' }).click();
    await expectSimDone(m, 'Arm quirks for next call');
    expect(pbx().table.pendingQuirks).toEqual({ from: SIP, recordingUrl: 'rtsp://media.example/rec/1', extra: { trunk: 'T1', tags: ['vip'] } });
    await expect.poll(() => armed.textContent()).toBe(`Armed for the next call: caller ID (${SIP.length} characters); recording URL (26 characters); extra fields trunk, tags.`);

    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101', agent: 'agent02' }));
    expect(await raw.event(callEvent(callId, 'ringing'))).toMatchObject({ from: SIP, trunk: 'T1', tags: ['vip'] });
    expect(await m.cti((cti) => cti.server.calls())).toEqual([expect.objectContaining({ callId, from: SIP })]);
    await expect.poll(() => armed.textContent()).toBe('Nothing armed: the next call is ordinary.');
    expect(await raw.command('answer', { callId })).toMatchObject({ ok: true, data: { from: SIP, trunk: 'T1' } });
    await m.cti((cti, id) => cti.server.remoteHangup(id), callId);
    const recorded = await raw.event((e) => (callEvent(callId, 'ended')(e)?.recordingUrl ? callEvent(callId)(e) : undefined));
    expect(recorded).toMatchObject({ recordingUrl: 'rtsp://media.example/rec/1', trunk: 'T1' });

    const { callId: plain } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101', agent: 'agent02' }));
    const ring = await raw.event(callEvent(plain, 'ringing'));
    expect(ring).toMatchObject({ from: '03-5555-0101' });
    expect(Object.keys(ring)).not.toContain('trunk');
  });

  it('says why it refuses extra fields that are not a JSON object, and quirks beyond their bounds', async () => {
    const m = await stage.page('lang=en');
    const extra = m.page.getByRole('textbox', { name: 'Next call: extra fields (JSON)' });
    const arm = m.page.getByRole('button', { name: 'Arm quirks for next call' });
    await extra.fill('[1, 2]');
    await arm.click();
    await m.page.getByRole('alert').getByText('Arm quirks for next call: Extra fields must be a JSON object', { exact: false }).waitFor();
    await extra.fill('');
    await m.page.getByRole('textbox', { name: 'Next call: caller ID as sent (unchecked)' }).fill('x'.repeat(1_001));
    await arm.click();
    await m.page.getByRole('alert').getByText('Arm quirks for next call: BAD_REQUEST', { exact: false }).waitFor();
    expect(pbx().table.pendingQuirks).toBeNull();
  });

  it('is mockCti.server.nextCallQuirks() too; {} and the Disarm button disarm it', async () => {
    const m = await stage.page('lang=en');
    await m.cti((cti) => cti.server.nextCallQuirks({ from: 'sip:a@b', extra: { x: 1 } }));
    expect(pbx().table.pendingQuirks).toEqual({ from: 'sip:a@b', extra: { x: 1 } });
    await m.cti((cti) => cti.server.nextCallQuirks({}));
    expect(pbx().table.pendingQuirks).toBeNull();
    await expect(m.cti((cti) => cti.server.nextCallQuirks({ recordingUrl: 'x'.repeat(10_001) }))).rejects.toThrow(/BAD_REQUEST/);
    await m.cti((cti) => cti.server.nextCallQuirks({ recordingUrl: 'ftp://x' }));
    const disarm = m.page.getByRole('button', { name: 'Disarm quirks' });
    await expect.poll(() => disarm.isEnabled()).toBe(true);
    await disarm.click();
    await expectSimDone(m, 'Disarm quirks');
    expect(pbx().table.pendingQuirks).toBeNull();
  });
});
