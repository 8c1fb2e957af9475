/**
 * Salesforce does not refresh a record page by itself: a call logged for the record the agent has
 * open must show in its activities at once, so the panel asks (refreshView in Lightning, the activity
 * history's refreshRelatedList in Classic) — only for the page of that record.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { answeredCall } from './agents';
import { hostCalls, signIn, tasksFor, mockStage } from './support';

const stage = mockStage({ simulator: { timing: { recordingDelayMs: 100 } } });
afterEach(() => stage.reset());

describe.each([
  ['lightning', 'refreshView'],
  ['classic', 'refreshRelatedList'],
] as const)('the record page after a call (%s)', (mode, refresh) => {
  it('shows the new Task on the record the agent has open, and leaves other pages alone', { timeout: 60_000 }, async () => {
    const m = await stage.page(`lang=en&mode=${mode}`);
    await signIn(m.panel);
    const other = await answeredCall(m); // pops 山田 太郎's page…
    await m.cti((cti) => cti.host.navigate('0015555000001AA')); // …and the agent moves on to another record
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => tasksFor(m, other), { timeout: 10_000 }).toHaveLength(1);
    expect(await hostCalls(m, refresh)).toEqual([]);

    await m.cti((cti) => cti.host.navigate('0035555000001AA')); // 山田 太郎, whose number calls
    const activities = m.page.getByRole('list', { name: 'Activity of 山田 太郎' });
    const shownBefore = await activities.getByRole('listitem').count();
    const callId = await answeredCall(m);
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => tasksFor(m, callId), { timeout: 10_000 }).toHaveLength(1);
    await expect.poll(() => hostCalls(m, refresh).then((c) => c.length)).toBeGreaterThanOrEqual(1);
    await expect.poll(() => activities.getByRole('listitem').count()).toBe(shownBefore + 1);
    if (mode === 'classic') expect((await hostCalls(m, refresh))[0]?.args).toMatchObject({ listName: 'RelatedHistoryList' });
  });
});
