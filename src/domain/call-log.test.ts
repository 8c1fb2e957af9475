import { describe, expect, it } from 'vitest';
import { makeCall } from '../protocol/fixtures';
import { buildTask, shouldLog, subjectFor } from './call-log';

const ended = makeCall({
  state: 'ended',
  connectedAt: Date.UTC(2026, 10, 24, 1, 0, 5),
  endedAt: Date.UTC(2026, 10, 24, 1, 2, 10),
  endReason: 'completed',
});

describe('the call-log builder', () => {
  it('builds one Task with the call id, type, talk time, date and linked record', () => {
    const task = buildTask({ call: ended, lang: 'ja', record: { recordId: '0035555000001AA' }, notes: ' 折り返し希望 ', utcOffsetMinutes: 540 });
    expect(task).toEqual({
      Subject: '着信 03-5555-0101',
      Status: 'Completed',
      Priority: 'Normal',
      TaskSubtype: 'Call',
      Type: 'Call',
      CallType: 'Inbound',
      CallDurationInSeconds: 125,
      CallObject: 'BZTEST0001',
      CallDisposition: 'Completed',
      Description: '折り返し希望',
      ActivityDate: '2026-11-24',
      WhoId: '0035555000001AA',
    });
  });

  it('counts the talk time of the agent’s earlier legs of the call in its one Task', () => {
    expect(buildTask({ call: ended, lang: 'en', record: null, notes: '', earlierTalkSeconds: 40, utcOffsetMinutes: 0 }).CallDurationInSeconds).toBe(165);
  });

  it('links Accounts and other records through WhatId', () => {
    expect(buildTask({ call: ended, lang: 'en', record: { recordId: '0015555000001AA' }, notes: '', utcOffsetMinutes: 0 })).toMatchObject({ WhatId: '0015555000001AA' });
  });

  it('adds the recording link to its field and as a line of the description', () => {
    const task = buildTask({ call: { ...ended, recordingUrl: 'http://localhost:8000/recordings/BZ1.wav' }, lang: 'en', record: null, notes: 'note', utcOffsetMinutes: 0 });
    expect(task.BIZTEL_Recording_URL__c).toBe('http://localhost:8000/recordings/BZ1.wav');
    expect(task.Description).toBe('note\nRecording: http://localhost:8000/recordings/BZ1.wav');
  });

  it('logs a declined or missed call with its disposition and no talk time', () => {
    const declined = makeCall({ state: 'ended', endedAt: 2, endReason: 'declined' });
    expect(buildTask({ call: declined, lang: 'en', record: null, notes: '', utcOffsetMinutes: 0 })).toMatchObject({ CallDisposition: 'Declined', CallDurationInSeconds: 0 });
    expect(buildTask({ call: { ...declined, endReason: 'missed' }, lang: 'en', record: null, notes: '', utcOffsetMinutes: 0 }).CallDisposition).toBe('Missed');
  });

  it('uses the agent’s date (ActivityDate) across midnight UTC', () => {
    const lateUtc = makeCall({ state: 'ended', startedAt: Date.UTC(2026, 10, 24, 20, 0, 0), endedAt: Date.UTC(2026, 10, 24, 20, 1, 0), endReason: 'completed' });
    expect(buildTask({ call: lateUtc, lang: 'ja', record: null, notes: '', utcOffsetMinutes: 540 }).ActivityDate).toBe('2026-11-25');
  });

  it('writes subjects in the agent’s language with direction and number', () => {
    expect(subjectFor(makeCall({ direction: 'outbound', placedByAgent: true, from: '03-1234-5678', to: '09012345678' }), 'en')).toBe('Outbound call 090-1234-5678');
    expect(subjectFor(makeCall({ from: null }), 'ja')).toBe('着信 非通知');
    expect(subjectFor(makeCall({ direction: 'internal', placedByAgent: true, from: '2001', to: '2002' }), 'ja')).toBe('内線 2002');
  });

  it('does not log a queue call another agent answered, nor a consult that did not complete to this agent', () => {
    expect(shouldLog({ ...ended, endReason: 'answeredElsewhere' })).toBe(false);
    expect(shouldLog({ ...ended, endReason: 'consultCanceled' })).toBe(false);
    expect(shouldLog(makeCall({ state: 'connected' }))).toBe(false);
    expect(shouldLog(ended)).toBe(true);
  });
});
