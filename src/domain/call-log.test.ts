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

describe('the hand-over (申し送り) in the receiving agent’s Task', () => {
  const handover = {
    notes: '住所変更の依頼。\n書類は送付済み。',
    result: '折り返し希望',
    record: { recordId: '0035555000001AA', name: '山田 太郎', objectType: 'Contact' },
    fromAgent: 'agent01',
    fromAgentName: 'エージェント01',
    via: 'transfer' as const,
  };
  const received = { ...ended, handover, recordingUrl: 'http://localhost:8000/monitor_link/1' };

  it('quotes it after the agent’s own notes, says which agent it came from, and keeps the recording line last', () => {
    const task = buildTask({ call: received, lang: 'ja', record: null, notes: '住所を確認した', utcOffsetMinutes: 0 });
    expect(task.Description).toBe(
      [
        '住所を確認した',
        '',
        '申し送り(エージェント01 (agent01) から転送)',
        '対応結果: 折り返し希望',
        '関連レコード: 山田 太郎',
        '> 住所変更の依頼。',
        '> 書類は送付済み。',
        '録音: http://localhost:8000/monitor_link/1',
      ].join('\n'),
    );
    // The receiver's result is their own: never the one handed over.
    expect(task.CallDisposition).toBe('Completed');
  });

  it('in English, from a park, with only what was given', () => {
    const task = buildTask({
      call: { ...ended, handover: { notes: '', result: '', record: null, fromAgent: 'agent03', via: 'park' } },
      lang: 'en',
      record: null,
      notes: '',
      utcOffsetMinutes: 0,
    });
    expect(task.Description).toBe('Hand-over from agent03 (picked up from park)');
  });

  it('gives way to the limit before the recording line does', () => {
    const long = { ...received, handover: { ...handover, notes: 'x'.repeat(40_000) } };
    const task = buildTask({ call: long, lang: 'en', record: null, notes: '', utcOffsetMinutes: 0 });
    expect(task.Description.length).toBe(32_000);
    expect(task.Description.endsWith('\nRecording: http://localhost:8000/monitor_link/1')).toBe(true);
    expect(task.Description.startsWith('Hand-over from エージェント01 (agent01) (transferred)')).toBe(true);
  });
});
