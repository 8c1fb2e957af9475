/**
 * Writes one Task per call (履歴・録音連携) through the package's Apex upsert on (CallObject, owner),
 * so a retry after a lost answer updates instead of duplicating. Written as soon as the call ends;
 * notes, the agent's record choice and the recording link rewrite the same Task.
 */
import { buildTask, shouldLog } from '../domain/call-log';
import type { CtiHost } from '../salesforce/types';
import { APEX_CLASS, APEX_METHODS } from './config';
import { updateCall, type CallEntry, type PanelStore } from './store';

export interface LoggerOptions {
  /** Delay before rewriting after notes change, so typing is one write, not one per key. */
  notesDebounceMs?: number;
  backoffMs?: (attempt: number) => number;
  utcOffsetMinutes?: () => number;
}

const defaultBackoff = (attempt: number) => Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));

/** The record a call's log links to: the agent's pick, a single match, or the context record. */
export function linkedRecord(entry: CallEntry): { recordId: string; name?: string } | null {
  if (entry.chosenRecordId) {
    const chosen = entry.records.find((r) => r.recordId === entry.chosenRecordId);
    return { recordId: entry.chosenRecordId, ...(chosen ? { name: chosen.name } : {}) };
  }
  // The record the call started from (click-to-call) or was handed over with (screen transfer)
  // says more than a number match, which may find several people sharing a number.
  if (entry.contextRecord) return { recordId: entry.contextRecord.recordId };
  if (entry.records.length === 1 && entry.records[0]) return { recordId: entry.records[0].recordId, name: entry.records[0].name };
  return null;
}

export class CallLogger {
  private readonly writing = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private stopped = false;

  constructor(
    private readonly store: PanelStore,
    private readonly host: () => CtiHost | null,
    private readonly options: LoggerOptions = {},
  ) {}

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** The call ended: write its Task now (the 2-second promise of SPEC "Decisions"). */
  callEnded(callId: string): void {
    const entry = this.store.getState().calls[callId];
    if (!entry || !shouldLog(entry.call)) return;
    void this.write(callId);
  }

  /** Something the Task shows changed; rewrite it (debounced for typing). */
  changed(callId: string, debounce = false): void {
    const entry = this.store.getState().calls[callId];
    if (!entry || !shouldLog(entry.call)) return;
    const existing = this.timers.get(callId);
    if (existing) clearTimeout(existing);
    const delay = debounce ? (this.options.notesDebounceMs ?? 800) : 0;
    this.timers.set(
      callId,
      setTimeout(() => {
        this.timers.delete(callId);
        void this.write(callId);
      }, delay),
    );
  }

  private async write(callId: string): Promise<void> {
    if (this.stopped) return;
    if (this.writing.has(callId)) {
      this.dirty.add(callId);
      return;
    }
    const host = this.host();
    const state = this.store.getState();
    const entry = state.calls[callId];
    if (!host || !entry) return;
    this.writing.add(callId);
    this.dirty.delete(callId);
    updateCall(this.store, callId, (e) => ({ log: { ...e.log, status: e.log.status === 'retrying' ? 'retrying' : 'saving' } }));
    const task = buildTask({
      call: entry.call,
      lang: state.lang,
      record: linkedRecord(entry),
      notes: entry.notes,
      utcOffsetMinutes: this.options.utcOffsetMinutes?.() ?? -new Date().getTimezoneOffset(),
    });
    try {
      const taskId = (await host.runApex(APEX_CLASS, APEX_METHODS.upsertCallLog, { log: JSON.stringify(task) })).trim();
      if (!/^[a-zA-Z0-9]{15,18}$/.test(taskId)) throw new Error(`unexpected answer ${taskId.slice(0, 40)}`);
      updateCall(this.store, callId, (e) => ({ log: { ...e.log, status: 'saved', taskId, error: null } }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      updateCall(this.store, callId, (e) => ({ log: { ...e.log, status: 'retrying', error: message, attempts: e.log.attempts + 1 } }));
      const attempts = this.store.getState().calls[callId]?.log.attempts ?? 1;
      if (!this.stopped) {
        this.timers.set(
          callId,
          setTimeout(() => {
            this.timers.delete(callId);
            void this.write(callId);
          }, (this.options.backoffMs ?? defaultBackoff)(attempts)),
        );
      }
    } finally {
      this.writing.delete(callId);
    }
    if (this.dirty.has(callId)) void this.write(callId);
  }
}
