/**
 * The call-log outbox: a Task is stored here before it is written to Salesforce and removed only
 * when Salesforce confirms, so a log survives a failed write, a reload or a crash. IndexedDB when
 * the framed panel may use it; memory when the browser blocks third-party storage (then a reload
 * loses what was not written yet — the panel says which mode it is in).
 */
import type { TaskFields } from '../domain/call-log';

export interface OutboxItem {
  /** The BIZTEL call id (one Task per call per agent; the store is per Salesforce user). */
  key: string;
  task: TaskFields;
  /** Bumped on every change; a confirmation removes the item only if nothing newer was stored. */
  version: number;
  attempts: number;
  updatedAt: number;
}

export interface OutboxStore {
  readonly durable: boolean;
  put(item: OutboxItem): Promise<void>;
  /** Removes the item if its stored version is still `version`. */
  remove(key: string, version: number): Promise<void>;
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

const STORE = 'outbox';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

class IndexedDbOutbox implements OutboxStore {
  readonly durable = true;
  constructor(private readonly db: IDBDatabase) {}

  private store(mode: IDBTransactionMode): IDBObjectStore {
    return this.db.transaction(STORE, mode).objectStore(STORE);
  }

  async put(item: OutboxItem): Promise<void> {
    await request(this.store('readwrite').put(item));
  }

  async remove(key: string, version: number): Promise<void> {
    const store = this.store('readwrite');
    const current = (await request(store.get(key))) as OutboxItem | undefined;
    if (current?.version === version) await request(store.delete(key));
  }

  async list(): Promise<OutboxItem[]> {
    return (await request(this.store('readonly').getAll())) as OutboxItem[];
  }
}

/** Opens the user's outbox in IndexedDB, or falls back to memory when the browser refuses. */
export async function openOutbox(userId: string, indexedDb: IDBFactory | undefined = globalThis.indexedDB): Promise<OutboxStore> {
  if (!indexedDb) return new MemoryOutbox();
  try {
    const open = indexedDb.open(`biztel-cti-outbox:${userId}`, 1);
    open.onupgradeneeded = () => {
      if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE, { keyPath: 'key' });
    };
    return new IndexedDbOutbox(await request(open));
  } catch {
    return new MemoryOutbox();
  }
}
