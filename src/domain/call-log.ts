/**
 * The call-log builder (履歴・録音連携): one Salesforce Task per call per agent, built from the
 * call as the PBX reported it and what the agent added. Pure, so a retry always writes the same fields.
 */
import * as z from 'zod/mini';
import type { Call, EndReason, Handover } from '../protocol';
import { talkSeconds } from './call';
import { otherPartyShown } from './phone-format';
import { linkFieldFor } from './salesforce-ids';
import { TASK_LIMITS, fitTaskFields } from './task-limits';

export type Lang = 'ja' | 'en';

const text = (max: number) => z.string().check(z.maxLength(max));

/**
 * Task fields as Salesforce names them, plus the package's recording URL field. A schema because a
 * Task also comes back from the browser's storage (the call-log outbox), written by another panel.
 */
export const taskFieldsSchema = z.object({
  Subject: text(TASK_LIMITS.Subject),
  Status: z.literal('Completed'),
  Priority: z.literal('Normal'),
  TaskSubtype: z.literal('Call'),
  Type: z.literal('Call'),
  CallType: z.enum(['Inbound', 'Outbound', 'Internal']),
  CallDurationInSeconds: z.number().check(z.int(), z.nonnegative()),
  CallObject: text(255),
  CallDisposition: text(TASK_LIMITS.CallDisposition),
  Description: text(TASK_LIMITS.Description),
  ActivityDate: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  WhoId: z.optional(text(18)),
  WhatId: z.optional(text(18)),
  BIZTEL_Recording_URL__c: z.optional(text(TASK_LIMITS.BIZTEL_Recording_URL__c)),
});
export type TaskFields = z.infer<typeof taskFieldsSchema>;

export interface LinkedRecord {
  recordId: string;
  name?: string | undefined;
}

export interface CallLogInput {
  call: Call;
  lang: Lang;
  /** The record the call belongs to: the single match, the agent's pick, or the click-to-call record. */
  record: LinkedRecord | null;
  notes: string;
  /** Talk time on the agent's earlier legs of this call (it came back to the agent): one Task, all of it. */
  earlierTalkSeconds?: number | undefined;
  /** A disposition the agent chose; otherwise one follows from how the call ended. */
  disposition?: string | undefined;
  /** Minutes east of UTC for ActivityDate; the agent's browser offset. */
  utcOffsetMinutes: number;
}

/** A queue call answered by another agent is not this agent's call (SPEC "Decisions"). */
export const shouldLog = (call: Call): boolean =>
  call.state === 'ended' && call.endReason !== 'answeredElsewhere' && call.endReason !== 'consultCanceled';

const DISPOSITIONS: Record<EndReason, string> = {
  completed: 'Completed',
  declined: 'Declined',
  missed: 'Missed',
  answeredElsewhere: 'Answered elsewhere',
  canceled: 'Canceled',
  busy: 'Busy',
  noAnswer: 'No answer',
  invalidNumber: 'Invalid number',
  transferred: 'Transferred',
  consultCanceled: 'Consult canceled',
  failed: 'Failed',
};

const SUBJECT_WORDS: Record<Lang, Record<Call['direction'], string> & { anonymous: string }> = {
  ja: { inbound: '着信', outbound: '発信', internal: '内線', anonymous: '非通知' },
  en: { inbound: 'Inbound call', outbound: 'Outbound call', internal: 'Internal call', anonymous: 'anonymous' },
};

/** The other party's number as the agent would say it. */
export function subjectFor(call: Call, lang: Lang): string {
  const words = SUBJECT_WORDS[lang];
  return `${words[call.direction]} ${otherPartyShown(call, words.anonymous)}`;
}

function activityDate(at: number, utcOffsetMinutes: number): string {
  return new Date(at + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

const RECORDING_LINE: Record<Lang, string> = { ja: '録音', en: 'Recording' };

const HANDOVER_WORDS: Record<Lang, { header: (from: string, via: Handover['via']) => string; someone: string; result: string; record: string }> = {
  ja: {
    someone: '別のエージェント',
    header: (from, via) => `申し送り(${from}${via === 'park' ? ' のパーク保留から' : via === 'transfer' ? ' から転送' : ' から'})`,
    result: '対応結果',
    record: '関連レコード',
  },
  en: {
    someone: 'another agent',
    header: (from, via) => `Hand-over from ${from}${via === 'park' ? ' (picked up from park)' : via === 'transfer' ? ' (transferred)' : ''}`,
    result: 'Result',
    record: 'Related record',
  },
};

/**
 * The hand-over (申し送り) quoted for the receiving agent's Task: which agent the call came from and
 * how, the result and record they gave it, and their notes as a quote. Never the receiver's own result.
 */
function handoverText(handover: Handover, lang: Lang): string {
  const words = HANDOVER_WORDS[lang];
  const name = handover.fromAgentName ?? handover.fromAgent;
  const from = name && handover.fromAgent && name !== handover.fromAgent ? `${name} (${handover.fromAgent})` : (name ?? words.someone);
  const lines = [words.header(from, handover.via)];
  if (handover.result.trim() !== '') lines.push(`${words.result}: ${handover.result.trim()}`);
  if (handover.record) lines.push(`${words.record}: ${handover.record.name ?? handover.record.recordId}`);
  const notes = handover.notes.trim();
  if (notes !== '') lines.push(...notes.split(/\r?\n/).map((line) => `> ${line}`));
  return lines.join('\n');
}

export function buildTask(input: CallLogInput): TaskFields {
  const { call, lang } = input;
  const capitalised = (call.direction[0]?.toUpperCase() ?? '') + call.direction.slice(1);
  const lines = [input.notes.trim()].filter((l) => l !== '');
  // The hand-over after the agent's own notes, the recording link last (it is what a cut keeps whole).
  if (call.handover) lines.push(`${lines.length > 0 ? '\n' : ''}${handoverText(call.handover, lang)}`);
  if (call.recordingUrl) lines.push(`${RECORDING_LINE[lang]}: ${call.recordingUrl}`);
  const task: TaskFields = {
    Subject: subjectFor(call, lang),
    Status: 'Completed',
    Priority: 'Normal',
    TaskSubtype: 'Call',
    Type: 'Call',
    CallType: capitalised as TaskFields['CallType'],
    CallDurationInSeconds: talkSeconds(call) + (input.earlierTalkSeconds ?? 0),
    CallObject: call.callId,
    CallDisposition: input.disposition ?? (call.endReason ? DISPOSITIONS[call.endReason] : 'Completed'),
    Description: lines.join('\n'),
    ActivityDate: activityDate(call.startedAt, input.utcOffsetMinutes),
  };
  if (input.record) task[linkFieldFor(input.record.recordId)] = input.record.recordId;
  if (call.recordingUrl) task.BIZTEL_Recording_URL__c = call.recordingUrl;
  return fitTaskFields(task); // within Salesforce's field limits, or the whole log is refused
}
