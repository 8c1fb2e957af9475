/**
 * Writes one Task per call (履歴・録音連携) through the package's Apex upsert on (CallObject, owner),
 * so a retry after a lost answer updates instead of duplicating. Every version of a Task goes to the
 * outbox before it is written and leaves it only when Salesforce confirms: a failed write is retried
 * with backoff, and a reload, a crash or a new leader tab picks up what was not confirmed.
 *
 * A Task Salesforce refuses as it is (a field value, a record that is gone, no access) would fail
 * the same way on every retry: it is shown to the agent with Salesforce's reason ("refused"), kept,
 * and retried only slowly, in case an admin fixes the cause. A change to it is written at once.
 */
import { buildTask, shouldLog, type TaskFields } from '../../domain/call-log';
import { isSalesforceId } from '../../domain/salesforce-ids';
import { APEX_CLASS, APEX_METHODS } from '../../salesforce/package-names';
import { HostError, type CtiHost } from '../../salesforce/types';
import { isRefusal } from '../platform';
import { linkedRecordOf, panelLang, type CallEntry, type PanelStore } from '../store';
import type { OutboxItem, OutboxStore } from './outbox';

export interface LoggerOptions {
  /** Delay before rewriting after notes change, so typing is one write, not one per key. */
  notesDebounceMs?: number;
  backoffMs?: (attempt: number) => number;
  /** How often a Task Salesforce refused is tried again. */
  refusedRetryMs?: number;
  utcOffsetMinutes?: () => number;
  now?: () => number;
}

/** 1 s, 2 s, 4 s … up to 30 s, ±20% so that many panels do not retry in step. */
export const defaultBackoff = (attempt: number, random: () => number = Math.random) =>
  Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1)) * (0.8 + random() * 0.4);

const REFUSED_RETRY_MS = 5 * 60_000;

export class CallLogger {
  /** The outbox's items, as this panel knows them; the newest version of each call's Task. */
  private readonly items = new Map<string, OutboxItem>();
  private readonly writing = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Tasks Salesforce refused, with its reason. */
  private readonly refused = new Map<string, string>();
  private stopped = false;
  private paused = false;
  private readonly now: () => number;

  constructor(
    private readonly store: PanelStore,
    private readonly host: () => CtiHost | null,
    private readonly outbox: OutboxStore,
    private readonly options: LoggerOptions & { onSalesforceError?: (error: HostError) => void } = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** While the Salesforce session is gone, keep the outbox and write nothing. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    for (const key of this.items.keys()) void this.flush(key);
  }

  /**
   * Takes over: what the outbox holds (left by a reload, a crash or another tab) and ended calls
   * whose Task was never confirmed (known from the shared call state).
   */
  async restore(): Promise<void> {
    for (const item of await this.outbox.list()) {
      const known = this.items.get(item.key);
      if (!known || known.version < item.version) this.items.set(item.key, item);
    }
    for (const entry of Object.values(this.store.getState().shared.calls)) {
      if (shouldLog(entry.call) && entry.log.status !== 'saved' && !this.items.has(entry.call.callId)) this.callEnded(entry.call.callId);
    }
    this.publishPending();
    for (const key of this.items.keys()) void this.flush(key);
  }

  /** The call ended: write its Task now (the promise: within 2 s of the end, before after-call work). */
  callEnded(callId: string): void {
    this.schedule(callId, 0);
  }

  /** Something the Task shows changed; rewrite it (debounced for typing). */
  changed(callId: string, debounce = false): void {
    this.schedule(callId, debounce ? (this.options.notesDebounceMs ?? 800) : 0);
  }

  private schedule(callId: string, delay: number): void {
    const entry = this.store.getState().shared.calls[callId];
    if (!entry || !shouldLog(entry.call) || this.stopped) return;
    clearTimeout(this.timers.get(callId));
    this.timers.set(
      callId,
      setTimeout(() => {
        this.timers.delete(callId);
        void this.record(callId);
      }, delay),
    );
  }

  private taskFor(entry: CallEntry): TaskFields {
    return buildTask({
      call: entry.call,
      lang: panelLang(this.store.getState()),
      record: linkedRecordOf(entry),
      notes: entry.notes,
      // Typed by the agent, else how the call ended (Declined, Missed, …) decides.
      disposition: entry.disposition.trim() || undefined,
      earlierTalkSeconds: entry.earlierTalkSeconds,
      utcOffsetMinutes: this.options.utcOffsetMinutes?.() ?? -new Date().getTimezoneOffset(),
    });
  }

  /** Stores the Task's newest version in the outbox, then writes it. */
  private async record(callId: string): Promise<void> {
    const entry = this.store.getState().shared.calls[callId];
    if (!entry) return;
    const previous = this.items.get(callId);
    const item: OutboxItem = {
      key: callId,
      task: this.taskFor(entry),
      version: (previous?.version ?? 0) + 1,
      attempts: previous?.attempts ?? 0,
      updatedAt: this.now(),
      fill: entry.logFillOnly,
    };
    this.items.set(callId, item);
    this.publishPending();
    try {
      await this.outbox.put(item);
    } catch {
      /* the memory copy still gets written; only crash-safety is lost */
    }
    await this.flush(callId);
  }

  private async flush(key: string): Promise<void> {
    if (this.stopped || this.paused) return;
    if (this.writing.has(key)) {
      this.dirty.add(key);
      return;
    }
    const item = this.items.get(key);
    const host = this.host();
    if (!item || !host) return;
    this.writing.add(key);
    this.dirty.delete(key);
    this.setLog(key, (log) => ({ ...log, status: log.status === 'retrying' || log.status === 'refused' ? log.status : 'saving' }));
    try {
      const method = item.fill ? APEX_METHODS.fillCallLog : APEX_METHODS.upsertCallLog;
      const taskId = (await host.runApex(APEX_CLASS, method, { log: JSON.stringify(item.task) })).trim();
      if (!isSalesforceId(taskId)) throw new Error(`unexpected answer ${taskId.slice(0, 40)}`);
      await this.outbox.remove(key, item.version).catch(() => {});
      if (this.items.get(key)?.version === item.version) this.items.delete(key);
      this.refused.delete(key);
      this.setLog(key, (log) => ({ ...log, status: 'saved', taskId, error: null, writes: log.writes + 1 }));
    } catch (error) {
      if (error instanceof HostError) this.options.onSalesforceError?.(error);
      item.attempts += 1;
      const message = error instanceof Error ? error.message : String(error);
      const refused = isRefusal(error);
      if (refused) this.refused.set(key, message.slice(0, 500));
      else this.refused.delete(key);
      this.setLog(key, (log) => ({ ...log, status: refused ? 'refused' : 'retrying', error: message, attempts: item.attempts }));
      this.retryLater(key, refused ? (this.options.refusedRetryMs ?? REFUSED_RETRY_MS) : (this.options.backoffMs ?? defaultBackoff)(item.attempts));
    } finally {
      this.writing.delete(key);
      this.publishPending();
    }
    if (this.dirty.has(key)) void this.flush(key);
  }

  private retryLater(key: string, delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timers.get(`retry:${key}`));
    this.timers.set(
      `retry:${key}`,
      setTimeout(() => {
        this.timers.delete(`retry:${key}`);
        void this.flush(key);
      }, delayMs),
    );
  }

  private setLog(callId: string, change: (log: CallEntry['log']) => CallEntry['log']): void {
    this.store.getState().callUpdated(callId, (e) => ({ log: change(e.log) }));
  }

  /** What the agent sees of the outbox: how many wait, which Salesforce refused, and whether they survive a reload. */
  private publishPending(): void {
    const pending = this.items.size;
    const refused = [...this.refused].map(([callId, reason]) => ({ callId, subject: this.items.get(callId)?.task.Subject ?? callId, reason }));
    const { shared, logsChanged } = this.store.getState();
    const { logs } = shared;
    const same =
      logs.pending === pending &&
      logs.durable === this.outbox.durable &&
      logs.refused.length === refused.length &&
      logs.refused.every((r, i) => r.callId === refused[i]?.callId && r.reason === refused[i]?.reason);
    if (!same) logsChanged(pending, refused, this.outbox.durable);
  }
}
