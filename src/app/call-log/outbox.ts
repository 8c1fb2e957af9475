/**
 * The call-log outbox: a Task is stored here before it is written to Salesforce and removed only
 * when Salesforce confirms, so a log survives a failed write, a reload or a crash. IndexedDB when
 * the framed panel may use it; memory when the browser blocks third-party storage (then a reload
 * loses what was not written yet — the panel says which mode it is in).
 */
import * as z from 'zod/mini';
import { taskFieldsSchema } from '../../domain/call-log';

/** One call's Task as it waits for Salesforce. A schema: another panel (another version) may have stored it. */
export const outboxItemSchema = z.object({
  /** The BIZTEL call id (one Task per call per agent; the store is per Salesforce user). */
  key: z.string().check(z.minLength(1), z.maxLength(100)),
  task: taskFieldsSchema,
  /** Bumped on every change; a confirmation removes the item only if nothing newer was stored. */
  version: z.number().check(z.int(), z.nonnegative()),
  attempts: z.number().check(z.int(), z.nonnegative()),
  updatedAt: z.number(),
  /** Fill in only what the Task lacks (a call first heard of after it ended), rather than write it whole. */
  fill: z._default(z.boolean(), false),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export interface OutboxStore {
  readonly durable: boolean;
  put(item: OutboxItem): Promise<void>;
  /** Removes the item if its stored version is still `version`. */
  remove(key: string, version: number): Promise<void>;
  /** What is stored and readable; an item of another shape is left out. */
  list(): Promise<OutboxItem[]>;
}

export class MemoryOutbox implements OutboxStore {
  readonly durable: boolean = false;
  private readonly items = new Map<string, OutboxItem>();
  put(item: OutboxItem): Promise<void> {
    this.items.set(item.key, structuredClone(item));
    return Promise.resolve();
  }
  remove(key: string, version: number): Promise<void> {
    if (this.items.get(key)?.version === version) this.items.delete(key);
    return Promise.resolve();
  }
  list(): Promise<OutboxItem[]> {
    return Promise.resolve([...this.items.values()].map((i) => structuredClone(i)));
  }
}

/** An IndexedDB request as a promise (the four the outbox makes need no library around them). */
function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

const STORE = 'outbox';

class IndexedDbOutbox implements OutboxStore {
  readonly durable = true;
  constructor(private readonly db: IDBDatabase) {}

  private store(mode: IDBTransactionMode): IDBObjectStore {
    return this.db.transaction(STORE, mode).objectStore(STORE);
  }

  async put(item: OutboxItem): Promise<void> {
    const store = this.store('readwrite');
    await Promise.all([done(store.put(item)), committed(store.transaction)]);
  }

  /** Reads and deletes in one transaction, so a newer version stored meanwhile is never removed. */
  async remove(key: string, version: number): Promise<void> {
    const store = this.store('readwrite');
    const finished = committed(store.transaction);
    finished.catch(() => {}); // awaited below; a failed read rejects both
    const current = outboxItemSchema.safeParse(await done(store.get(key)));
    if (current.success && current.data.version === version) await done(store.delete(key));
    await finished;
  }

  async list(): Promise<OutboxItem[]> {
    return (await done(this.store('readonly').getAll())).flatMap((raw: unknown) => {
      const parsed = outboxItemSchema.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    });
  }
}

/** Resolves once the transaction's writes are stored: a write counts as kept only then. */
function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/** Opens the user's outbox in IndexedDB, or falls back to memory when the browser refuses. */
export async function openOutbox(userId: string): Promise<OutboxStore> {
  if (typeof indexedDB === 'undefined') return new MemoryOutbox();
  try {
    const request = indexedDB.open(`biztel-cti-outbox:${userId}`, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: 'key' });
    };
    return new IndexedDbOutbox(await done(request));
  } catch {
    return new MemoryOutbox();
  }
}
