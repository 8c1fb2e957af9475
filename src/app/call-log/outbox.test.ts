import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTask } from '../../domain/call-log';
import { makeCall } from '../../protocol/fixtures';
import { MemoryOutbox, openOutbox, type OutboxItem, type OutboxStore } from './outbox';

const task = buildTask({ call: makeCall({ state: 'ended', endReason: 'completed' }), lang: 'en', record: null, notes: '', utcOffsetMinutes: 0 });
const item = (version: number): OutboxItem => ({ key: 'BZ1', task, version, attempts: 0, updatedAt: version, fill: false });

async function contract(store: OutboxStore): Promise<void> {
  await store.put(item(1));
  expect(await store.list()).toEqual([item(1)]);
  await store.put(item(2)); // a newer version of the same call's Task replaces it
  await store.remove('BZ1', 1); // a confirmation of the older write must not remove the newer one
  expect((await store.list()).map((i) => i.version)).toEqual([2]);
  await store.remove('BZ1', 2);
  expect(await store.list()).toEqual([]);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the call-log outbox', () => {
  it('keeps the newest version until that version is confirmed (memory)', async () => {
    await contract(new MemoryOutbox());
  });

  it('keeps the newest version until that version is confirmed (IndexedDB), and survives reopening', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    const store = await openOutbox('0055555000001AA');
    expect(store.durable).toBe(true);
    await contract(store);
    await store.put(item(3));
    const reopened = await openOutbox('0055555000001AA');
    expect(await reopened.list()).toEqual([item(3)]);
    expect(await (await openOutbox('0055555000002AA')).list()).toEqual([]); // per user
  });

  it('leaves out what another panel stored in a shape this one cannot write', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    const store = await openOutbox('0055555000001AA');
    await store.put({ ...item(1), key: 'BZ2', task: { ...task, CallType: 'Sideways' } as unknown as typeof task });
    await store.put(item(1));
    expect(await store.list()).toEqual([item(1)]);
  });

  it('falls back to memory when the browser refuses IndexedDB', async () => {
    vi.stubGlobal('indexedDB', { open: () => { throw new DOMException('denied', 'SecurityError'); } });
    const store = await openOutbox('u');
    expect(store.durable).toBe(false);
    await contract(store);
  });
});
