/**
 * The package's Apex as the panel reaches it through each host: runApex values that mean the same
 * whether or not Salesforce decodes them (notes full of characters URL encodings disagree on reach
 * the Task unchanged, in Lightning and in Classic), and two simultaneous first writes of one call
 * from two tabs of one agent that leave one Task.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { answeredCall, apexParam, ownerId } from './agents';
import { callOpenCti, panelFrame } from './mock-helpers';
import { expectCallState, hostCalls, signIn, tasksFor, type MockPage, mockStage } from './support';

const stage = mockStage({ simulator: { timing: { recordingDelayMs: 200, outcomeDelayMs: 100 } } });
beforeEach(() => stage.reset());

/** Spaces, +, %, &, =, quotes, a percent-escape and a plus that must stay themselves, Japanese, emoji. */
const NOTES = `Call back 10:00 + 30 min; 100% sure & a=b "urgent" 'yes' %2B %20 a+b\n山田様より折り返し希望 📞🙏🏽`;
/** What a value may hold so that no reading of it changes it: letters, digits, `-` and `_` (base64url's alphabet). */
const METHOD_PARAMS = /^(none|[A-Za-z]\w*=[A-Za-z0-9_-]*(&[A-Za-z]\w*=[A-Za-z0-9_-]*)*)$/;

async function agentIn(mode: 'lightning' | 'classic'): Promise<MockPage> {
  const m = await stage.page(mode === 'classic' ? 'mode=classic&user=agent01&lang=en' : 'user=agent01&lang=en');
  await signIn(m.panel, 'agent01');
  return m;
}

describe('runApex values through each host', () => {
  it.each(['lightning', 'classic'] as const)('%s: notes with every awkward character reach the Task unchanged', async (mode) => {
    const m = await agentIn(mode);
    expect(await m.cti((cti) => cti.mode)).toBe(mode);
    const callId = await answeredCall(m);
    await m.panel.getByRole('textbox', { name: 'Notes' }).fill(NOTES);
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    await expectCallState(m.panel, 'Ended');
    await expect.poll(() => tasksFor(m, callId).then((tasks) => tasks.map((t) => String(t.Description).split('\nRecording: ')[0])), { timeout: 10_000 }).toEqual([NOTES]);
    const calls = await hostCalls(m, 'runApex');
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect((call.args as { methodParams: string }).methodParams).toMatch(METHOD_PARAMS);
    const logs = calls.filter((c) => (c.args as { methodName: string }).methodName === 'upsertCallLog');
    expect(logs.map((c) => (JSON.parse(apexParam(c.args, 'log') ?? '{}') as { Description?: string }).Description?.startsWith(NOTES))).toContain(true);
    const [task] = await tasksFor(m, callId);
    expect(task).toMatchObject({ OwnerId: ownerId('agent01'), BIZTEL_Call_And_Owner__c: `${callId}:${ownerId('agent01')}` });
  });
});

describe('two simultaneous first writes of one call', () => {
  it('from two tabs of one agent leave one Task, the later write updating it', async () => {
    const first = await stage.page('user=agent01&lang=en');
    await signIn(first.panel, 'agent01');
    const second = await stage.page('user=agent01&lang=en');
    const frames = [await panelFrame(first.page), await panelFrame(second.page)];
    const log = (description: string) => Buffer.from(JSON.stringify({ CallObject: 'BZ-RACE-1', Subject: 'race', TaskSubtype: 'Call', Description: description }), 'utf8').toString('base64url');
    const hold = stage.stack.org.holdCallLogWrites();
    const writes = frames.map((frame, i) =>
      callOpenCti(frame, 'runApex', { apexClass: 'BIZTELOpenCTIController', methodName: 'upsertCallLog', methodParams: `log=${log(`tab ${i + 1}`)}` }),
    );
    // Both are inside the org at once: one holds the lock row, the other waits for it.
    await expect.poll(() => hold.begun(), { timeout: 10_000 }).toBe(2);
    hold.release();
    const answers = await Promise.all(writes);
    expect(answers.map((a) => a.success)).toEqual([true, true]);
    const ids = answers.map((a) => (a.returnValue as { runApex: string }).runApex);
    expect(ids[0]).toBe(ids[1]);
    const tasks = await tasksFor(first, 'BZ-RACE-1');
    expect(tasks).toEqual([expect.objectContaining({ Id: ids[0], TaskSubtype: 'Call' })]);
    expect(['tab 1', 'tab 2']).toContain(tasks[0]!.Description);
    expect(stage.stack.org.callLogLockKeys()).toEqual([`BZ-RACE-1:${ownerId('agent01')}`]);
  });
});
