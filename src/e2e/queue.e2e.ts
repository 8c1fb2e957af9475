/**
 * A queue call that rings several agents at once: the one who answers logs it; the others see it
 * end as answered elsewhere and log nothing (SPEC "Decisions").
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { loggedNextCall, logWrites, ownerId, signedInPage, tasksOf } from './agents';
import { expectCallState, tasksFor, mockStage } from './support';

const stage = mockStage({ simulator: { timing: { recordingDelayMs: 100 } } });
beforeEach(() => stage.reset());

describe('a queue ringing every 受付可 agent', () => {
  it('is logged by the agent who answered, not by the one it rang as well', async () => {
    const a = await signedInPage(stage, 'agent01');
    const b = await signedInPage(stage, 'agent02');
    const rangAt = await a.cti(() => Date.now());
    const { callId } = await a.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101', queue: 'support', ringAll: true }));
    await expectCallState(a.panel, 'Ringing');
    await expectCallState(b.panel, 'Ringing');
    await b.panel.getByRole('button', { name: 'Answer', exact: true }).click();
    await expectCallState(b.panel, 'Connected');
    await expectCallState(a.panel, 'Ended');
    await a.panel.getByText('Another agent answered.').waitFor();
    await b.cti((cti, id) => cti.server.remoteHangup(id), callId);
    await expectCallState(b.panel, 'Ended');

    await expect.poll(() => tasksFor(b, callId)).toEqual([expect.objectContaining({ OwnerId: ownerId('agent02'), CallType: 'Inbound' })]);
    // agent01's panel must not write one: by the time it has logged its next call, it would have.
    await loggedNextCall(a);
    expect(await logWrites(a, rangAt, callId)).toEqual([]);
    expect(await tasksOf(a, callId, 'agent01')).toEqual([]);
  });

  it('goes on ringing at the others when one agent declines', async () => {
    const a = await signedInPage(stage, 'agent01');
    const b = await signedInPage(stage, 'agent02');
    const { callId } = await a.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101', queue: 'support', ringAll: true }));
    await expectCallState(a.panel, 'Ringing');
    await a.panel.getByRole('button', { name: 'Decline' }).click();
    await expectCallState(a.panel, 'Ended');
    // The server has taken the decline (agent01's panel shows its end): the call still rings at agent02.
    expect(await a.cti((cti) => cti.server.calls())).toEqual([expect.objectContaining({ callId, state: 'ringing' })]);
    expect(await b.panel.getByRole('status', { name: 'Call state' }).textContent()).toBe('Ringing');
    await b.panel.getByRole('button', { name: 'Answer', exact: true }).click();
    await expectCallState(b.panel, 'Connected');
    // The agent who declined logs the ring as declined, as for any call that rang at them.
    await expect.poll(() => tasksOf(a, callId, 'agent01')).toEqual([
      expect.objectContaining({ CallDisposition: 'Declined' }),
    ]);
  });
});
