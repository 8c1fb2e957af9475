import { beforeAll, describe, expect, it } from 'vitest';
import { expectCallState, signIn, tasksFor, type MockPage, mockStage } from './support';

const stage = mockStage();
let m: MockPage;

beforeAll(async () => {
  m = await stage.page('lang=en');
  await signIn(m.panel);
});

describe('walking skeleton: an inbound call pops the caller and is logged', () => {
  it('pops 山田 太郎 while ringing, and leaves one Task with the call id, who and duration', async () => {
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-5555-0101' }));
    await expectCallState(m.panel, 'Ringing');
    await expect.poll(() => m.cti((cti) => cti.host.screenPops())).toEqual([
      expect.objectContaining({ callType: 'inbound', searchParams: '0355550101', type: 'sobject', poppedRecordIds: ['0035555000001AA'] }),
    ]);
    const search = (await m.cti((cti) => cti.host.calls())).find((c) => c.methodName === 'searchAndScreenPop');
    expect(search?.args).toMatchObject({ searchParams: '0355550101', callType: 'inbound', deferred: false });

    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(m.panel, 'Connected');
    const answeredAt = Date.now();
    await new Promise((r) => setTimeout(r, 2200));
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    const hungUpAt = Date.now();
    await expectCallState(m.panel, 'Ended');

    await expect.poll(() => tasksFor(m, callId), { timeout: 5000 }).toHaveLength(1);
    const [task] = await tasksFor(m, callId);
    expect(task).toMatchObject({ CallType: 'Inbound', CallObject: callId, WhoId: '0035555000001AA', TaskSubtype: 'Call', Status: 'Completed' });
    const duration = task!.CallDurationInSeconds as number;
    expect(duration).toBeGreaterThanOrEqual(Math.floor((hungUpAt - answeredAt) / 1000) - 1);
    expect(duration).toBeLessThanOrEqual(Math.ceil((hungUpAt - answeredAt) / 1000) + 1);
    const sim = await m.cti((cti, id) => cti.server.calls().then((calls) => calls.find((c) => c.callId === id)), callId);
    expect(sim).toMatchObject({ state: 'ended', direction: 'inbound', from: '03-5555-0101', agent: 'agent01' });
    await m.panel.getByRole('button', { name: 'Close' }).click();
  });

  it('does not pop an anonymous caller (seed setting) and logs the call without a record', async () => {
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: null }));
    await expectCallState(m.panel, 'Ringing');
    await m.panel.getByText('Anonymous').first().waitFor();
    await m.panel.getByRole('button', { name: 'Answer' }).click();
    await expectCallState(m.panel, 'Connected');
    await m.cti((cti, id) => cti.server.remoteHangup(id), callId);
    await expectCallState(m.panel, 'Ended');
    await expect.poll(() => tasksFor(m, callId)).toHaveLength(1);
    const [task] = await tasksFor(m, callId);
    expect(task?.WhoId).toBeUndefined();
    expect(task?.Subject).toBe('Inbound call anonymous');
    const pops = await m.cti((cti) => cti.host.screenPops());
    expect(pops.filter((p) => p.searchParams === '')).toEqual([]);
    await m.panel.getByRole('button', { name: 'Close' }).click();
  });

  it('searches a caller with no matching record: no pop, the reason shown, a Task without WhoId', async () => {
    const before = (await m.cti((cti) => cti.host.screenPops())).length;
    const { callId } = await m.cti((cti) => cti.server.incomingCall({ from: '03-9999-0000' }));
    await expectCallState(m.panel, 'Ringing');
    await m.panel.getByText('No record matches 03-9999-0000').waitFor();
    expect((await m.cti((cti) => cti.host.screenPops())).length).toBe(before);
    await m.panel.getByRole('button', { name: 'Decline' }).click();
    await expectCallState(m.panel, 'Ended');
    await expect.poll(() => tasksFor(m, callId)).toHaveLength(1);
    const [task] = await tasksFor(m, callId);
    expect(task).toMatchObject({ CallDisposition: 'Declined', CallDurationInSeconds: 0 });
    expect(task?.WhoId).toBeUndefined();
  });

  it('raised no errors in the page or the panel', () => {
    expect(m.errors).toEqual([]);
  });
});
