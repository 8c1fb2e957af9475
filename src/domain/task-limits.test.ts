import { describe, expect, it } from 'vitest';
import { makeCall } from '../protocol/fixtures';
import { buildTask, type TaskFields } from './call-log';
import { TASK_LIMITS, fitTaskFields, fitText } from './task-limits';

const RECORDING = 'https://s1.u.biztel.jp:8000/recordings/BZTEST0001.wav';
const ended = makeCall({ state: 'ended', connectedAt: Date.UTC(2026, 10, 24, 1, 0, 5), endedAt: Date.UTC(2026, 10, 24, 1, 3, 0), endReason: 'completed', recordingUrl: RECORDING });
const input = (notes: string) => ({ call: ended, lang: 'en' as const, record: null, notes, utcOffsetMinutes: 540 });

describe('Task fields within Salesforce limits', () => {
  it('keeps the recording line whole when the notes fill Description, and cuts the notes', () => {
    const task = buildTask(input('x'.repeat(32_000)));
    expect(task.Description.length).toBe(TASK_LIMITS.Description);
    expect(task.Description.endsWith(`…\nRecording: ${RECORDING}`)).toBe(true);
    expect(task.BIZTEL_Recording_URL__c).toBe(RECORDING);
  });

  it('leaves a Task within the limits as it is', () => {
    const task = buildTask(input('short note'));
    expect(fitTaskFields(task)).toEqual(task);
    expect(task.Description).toBe(`short note\nRecording: ${RECORDING}`);
  });

  it('cuts Subject and CallDisposition to 255, never the CallObject key, and drops a recording link too long for its field', () => {
    const long = 'y'.repeat(400);
    const task: TaskFields = { ...buildTask(input('')), Subject: long, CallDisposition: long, CallObject: long, BIZTEL_Recording_URL__c: `https://x/${long}` };
    const fitted = fitTaskFields(task);
    for (const field of ['Subject', 'CallDisposition'] as const) expect(fitted[field].length, field).toBe(255);
    expect(fitted.CallObject).toBe(long);
    expect(fitted.BIZTEL_Recording_URL__c).toBeUndefined();
  });

  it('cuts Description without a recording line from the end', () => {
    const task: TaskFields = { ...buildTask(input('')), Description: 'z'.repeat(40_000) };
    delete task.BIZTEL_Recording_URL__c;
    expect(fitTaskFields(task).Description).toBe(`${'z'.repeat(31_999)}…`);
  });

  it('never splits a surrogate pair (an emoji at the cut)', () => {
    const text = `${'a'.repeat(8)}😀😀`; // the first emoji sits on units 8–9
    expect(fitText(text, 10)).toBe(`${'a'.repeat(8)}…`);
    expect(fitText(text, 12)).toBe(text);
  });
});
