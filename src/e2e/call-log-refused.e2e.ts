/**
 * Call logs Salesforce would refuse: the panel keeps every Task within the field limits (32,000
 * characters of notes and the recording line still fit), and a Task Salesforce refuses anyway is
 * shown plainly with the reason, kept, and written as soon as the agent changes it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { answeredCall, logWrites, signedInPage } from './agents';
import { tasksFor, type MockPage, mockStage } from './support';

const stage = mockStage({ simulator: { timing: { recordingDelayMs: 300 } } });
beforeEach(() => stage.reset());

describe('call logs Salesforce would refuse', () => {
  it('fits 32,000 characters of notes and the recording line into Description, and saves it', { timeout: 60_000 }, async () => {
    const m = await signedInPage(stage);
    const callId = await answeredCall(m);
    await m.panel.getByRole('textbox', { name: 'Notes' }).fill('n'.repeat(32_000));
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    const recording = `http://localhost:${stage.stack.simulator.port}/monitor_link/${callId}`;
    await expect
      .poll(async () => (await tasksFor(m, callId)).map((t) => ({ length: String(t.Description).length, tail: String(t.Description).slice(-recording.length - 12) })), { timeout: 10_000 })
      .toEqual([{ length: 32_000, tail: `\nRecording: ${recording}` }]);
    expect(await m.panel.getByText(/could not be saved/).count()).toBe(0);
    await expect.poll(() => m.panel.getByText(/waiting to be saved/).count()).toBe(0);
  });

  it('shows a Task Salesforce refuses with the reason, keeps it, and writes it once the agent changes it', { timeout: 60_000 }, async () => {
    const m = await signedInPage(stage);
    const callId = await answeredCall(m);
    // Salesforce refuses the Task as it is (as it would an invalid field value), every time for now.
    await m.cti((cti) => cti.host.failNext('runApex:upsertCallLog', 5, { code: 'GENERIC_ERROR' }));
    const hungUpAt = await m.cti(() => Date.now());
    await m.panel.getByRole('button', { name: 'Hang up' }).click();
    const refused = m.panel.getByRole('alert').filter({ hasText: 'could not be saved' });
    await refused.getByText('The call log "Inbound call 03-5555-0101" could not be saved: Injected failure of runApex.', { exact: false }).waitFor({ timeout: 10_000 });
    await m.panel.getByText('1 call logs are waiting to be saved to Salesforce.').waitFor();
    expect(await tasksFor(m, callId)).toEqual([]);
    // Retried slowly (every 5 minutes), not with the backoff of a passing failure: each version of
    // the Task is tried once, at the hang-up and when the recording link came, and then not again
    // while a log that fails for a passing reason (another agent's, three times) goes through its
    // retries, which on that backoff are longer than this Task's next one would be.
    const withRecording = async () => (await logWrites(m, hungUpAt, callId)).map((task) => 'BIZTEL_Recording_URL__c' in task);
    await expect.poll(withRecording, { timeout: 5000 }).toContain(true);
    const other = await signedInPage(stage, 'agent02');
    const otherCallId = await answeredCall(other);
    await other.cti((cti) => cti.host.failNext('runApex:upsertCallLog', 3));
    await other.panel.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => tasksFor(other, otherCallId), { timeout: 20_000 }).toHaveLength(1);
    expect(await other.cti((cti) => cti.host.pendingFailures())).toEqual([]);
    expect(await withRecording()).toEqual([false, true]);
    expect(await m.cti((cti) => cti.host.pendingFailures())).toHaveLength(3);

    await clearInjected(m);
    await m.panel.getByRole('textbox', { name: 'Notes' }).fill('The admin fixed the field.');
    await expect.poll(() => tasksFor(m, callId).then((t) => t.map((x) => x.Description)), { timeout: 10_000 }).toEqual([expect.stringMatching(/^The admin fixed the field\./)]);
    await expect.poll(() => refused.count()).toBe(0);
  });
});

/** The admin fixed the cause: no more injected failures. */
async function clearInjected(m: MockPage): Promise<void> {
  await m.page.getByRole('tab', { name: 'Failures', exact: true }).click();
  await m.page.getByRole('button', { name: 'Clear failures' }).click();
}
