/** The same call ringing an agent a second time: consulted again after a cancel, transferred back. */
import { beforeEach, describe, expect, it } from 'vitest';
import { expectCallState, hostCalls, screenPops, signIn, tasksFor, type MockPage, mockStage } from './support';

const stage = mockStage({ simulator: { timing: { recordingDelayMs: 200 } } });
beforeEach(() => stage.reset());

const YAMADA = '0035555000001AA';
const OWNER = { agent01: '0055555000001AA', agent02: '0055555000002AA' } as const;

async function agentPage(user: 'agent01' | 'agent02'): Promise<MockPage> {
  const m = await stage.page(`user=${user}&lang=en`);
  await signIn(m.panel, user, 'en');
  return m;
}

/** Opens the transfer view (unless it is still open) and transfers to `target`. */
async function transfer(from: MockPage, target: string, mode: 'Consult' | 'Blind transfer'): Promise<void> {
  const button = from.panel.getByRole('button', { name: 'Transfer', exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await from.panel.getByRole('textbox', { name: 'Transfer to' }).fill(target);
  await from.panel.getByRole('button', { name: mode }).click();
}

async function answeredCall(m: MockPage): Promise<string> {
  await m.cti((cti) => cti.host.navigate('0035555000001AA'));
  const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
  await m.panel.getByRole('button', { name: 'Answer' }).click();
  await expectCallState(m.panel, 'Connected');
  return callId;
}

const ownTask = async (m: MockPage, callId: string, owner: string) => (await tasksFor(m, callId)).filter((t) => t.OwnerId === owner);

describe('a call that rings an agent a second time', () => {
  it('consult, cancel, consult again: agent02 rings, opens and pops the second time too, and gets one Task', async () => {
    const a = await agentPage('agent01');
    const b = await agentPage('agent02');
    const callId = await answeredCall(a);

    await transfer(a, 'agent02', 'Consult');
    await expectCallState(b.panel, 'Ringing');
    await expect.poll(() => screenPops(b)).toHaveLength(1);
    await a.panel.getByRole('button', { name: 'Cancel transfer' }).click();
    await expectCallState(a.panel, 'Connected');
    await expectCallState(b.panel, 'Ended');

    await transfer(a, 'agent02', 'Consult');
    await expectCallState(a.panel, 'Consulting');
    await expectCallState(b.panel, 'Ringing');
    // 画面転送 again: the record pops at the second ring, and the docked panel opens itself again.
    await expect.poll(() => screenPops(b)).toEqual([
      expect.objectContaining({ type: 'sobject', poppedRecordIds: [YAMADA] }),
      expect.objectContaining({ type: 'sobject', poppedRecordIds: [YAMADA] }),
    ]);
    await expect.poll(() => hostCalls(b, 'setSoftphonePanelVisibility')).toHaveLength(2);

    await b.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(b.panel, 'Connected');
    await a.panel.getByRole('button', { name: 'Complete transfer' }).click();
    await expectCallState(a.panel, 'Ended');
    await b.panel.getByRole('button', { name: 'Hang up' }).click();
    await expectCallState(b.panel, 'Ended');

    await expect.poll(() => ownTask(b, callId, OWNER.agent02)).toEqual([expect.objectContaining({ WhoId: YAMADA, CallDisposition: 'Completed' })]);
    await expect.poll(() => ownTask(a, callId, OWNER.agent01)).toEqual([expect.objectContaining({ WhoId: YAMADA, CallDisposition: 'Transferred' })]);
    expect(a.errors.concat(b.errors)).toEqual([]);
  });

  it('transferred back: agent01 rings and pops again, answers, and its one Task is updated to the final leg', async () => {
    const a = await agentPage('agent01');
    const b = await agentPage('agent02');
    const callId = await answeredCall(a);
    await a.panel.getByRole('textbox', { name: 'Notes' }).fill('Billing question');
    await transfer(a, 'agent02', 'Blind transfer');
    await expectCallState(a.panel, 'Ended');
    await expect.poll(() => ownTask(a, callId, OWNER.agent01)).toEqual([expect.objectContaining({ CallDisposition: 'Transferred' })]);
    await expectCallState(b.panel, 'Ringing');
    await b.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(b.panel, 'Connected');

    await b.cti((cti) => cti.host.navigate('0035555000001AA'));
    await transfer(b, 'agent01', 'Blind transfer');
    await expectCallState(b.panel, 'Ended');
    await expectCallState(a.panel, 'Ringing');
    // The first ring's pop, then the record agent02 handed back with the call.
    await expect.poll(() => screenPops(a)).toHaveLength(2);
    expect((await screenPops(a))[1]).toMatchObject({ type: 'sobject', poppedRecordIds: [YAMADA] });
    expect(await a.panel.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe('Billing question');

    await a.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(a.panel, 'Connected');
    await a.panel.getByRole('button', { name: 'Hang up' }).click();
    await expectCallState(a.panel, 'Ended');
    await expect.poll(() => ownTask(a, callId, OWNER.agent01)).toEqual([expect.objectContaining({ CallDisposition: 'Completed', WhoId: YAMADA })]);
    expect((await ownTask(a, callId, OWNER.agent01))[0]?.Description).toContain('Billing question');
    await expect.poll(() => ownTask(b, callId, OWNER.agent02)).toEqual([expect.objectContaining({ CallDisposition: 'Transferred' })]);
    expect(a.errors.concat(b.errors)).toEqual([]);
  });
});
