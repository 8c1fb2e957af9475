/** The same call ringing an agent a second time: consulted again after a cancel, transferred back. */
import { beforeEach, describe, expect, it } from 'vitest';
import { answeredCall, signedInPage, tasksOf, transfer } from './agents';
import { expectCallState, hostCalls, screenPops, type MockPage, mockStage } from './support';

const stage = mockStage({ simulator: { timing: { recordingDelayMs: 200 } } });
beforeEach(() => stage.reset());

const YAMADA = '0035555000001AA';

/** Opens the transfer view (unless it is still open) and transfers to `target`. */
/** The agent has 山田 太郎's record open and answers a call (the record travels with a transfer). */
async function answeredWithRecordOpen(m: MockPage): Promise<string> {
  await m.cti((cti) => cti.host.navigate('0035555000001AA'));
  return answeredCall(m);
}

describe('a call that rings an agent a second time', () => {
  it('consult, cancel, consult again: agent02 rings, opens and pops the second time too, and gets one Task', async () => {
    const a = await signedInPage(stage, 'agent01');
    const b = await signedInPage(stage, 'agent02');
    const callId = await answeredWithRecordOpen(a);

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
    await expect.poll(() => hostCalls(b, 'setSoftphonePanelVisibility').then((calls) => calls.map((c) => c.args))).toEqual([
      expect.objectContaining({ visible: true }),
      expect.objectContaining({ visible: true }),
    ]);

    await b.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(b.panel, 'Connected');
    await a.panel.getByRole('button', { name: 'Complete transfer' }).click();
    await expectCallState(a.panel, 'Ended');
    await b.panel.getByRole('button', { name: 'Hang up' }).click();
    await expectCallState(b.panel, 'Ended');

    await expect.poll(() => tasksOf(b, callId, 'agent02')).toEqual([expect.objectContaining({ WhoId: YAMADA, CallDisposition: 'Completed' })]);
    await expect.poll(() => tasksOf(a, callId, 'agent01')).toEqual([expect.objectContaining({ WhoId: YAMADA, CallDisposition: 'Transferred' })]);
    expect(a.errors.concat(b.errors)).toEqual([]);
  });

  it('transferred back: agent01 rings and pops again, answers, and its one Task is updated to the final leg', async () => {
    const a = await signedInPage(stage, 'agent01');
    const b = await signedInPage(stage, 'agent02');
    const callId = await answeredWithRecordOpen(a);
    await a.panel.getByRole('textbox', { name: 'Notes' }).fill('Billing question');
    await transfer(a, 'agent02', 'Blind transfer');
    await expectCallState(a.panel, 'Ended');
    await expect.poll(() => tasksOf(a, callId, 'agent01')).toEqual([expect.objectContaining({ CallDisposition: 'Transferred' })]);
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
    await expect.poll(() => tasksOf(a, callId, 'agent01')).toEqual([expect.objectContaining({ CallDisposition: 'Completed', WhoId: YAMADA })]);
    expect((await tasksOf(a, callId, 'agent01'))[0]?.Description).toContain('Billing question');
    await expect.poll(() => tasksOf(b, callId, 'agent02')).toEqual([expect.objectContaining({ CallDisposition: 'Transferred' })]);
    expect(a.errors.concat(b.errors)).toEqual([]);
  });
});
