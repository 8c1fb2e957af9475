import { describe, expect, it } from 'vitest';
import { LockRows } from './lock-rows';

describe('lock rows (a unique key, row locks held to the end of a transaction)', () => {
  it('a second insert of a key waits for the first transaction, then is a duplicate if it committed', async () => {
    const rows = new LockRows();
    const [t1, t2] = [rows.begin(), rows.begin()];
    expect(await rows.insert('k', t1)).toBe('inserted');
    let second: string | undefined;
    const waiting = rows.insert('k', t2).then((r) => (second = r));
    await new Promise((resolve) => setImmediate(resolve));
    expect(second).toBeUndefined(); // still waiting for t1
    rows.commit(t1);
    await waiting;
    expect(second).toBe('duplicate');
    expect(await rows.selectForUpdate('k', t2)).toBe(true);
    expect(rows.keys()).toEqual(['k']);
  });

  it('after a rollback the waiting insert gets the key', async () => {
    const rows = new LockRows();
    const [t1, t2] = [rows.begin(), rows.begin()];
    await rows.insert('k', t1);
    const waiting = rows.insert('k', t2);
    rows.rollback(t1);
    expect(await waiting).toBe('inserted');
    rows.commit(t2);
    expect(rows.keys()).toEqual(['k']);
  });

  it('SELECT FOR UPDATE waits for the holder and finds no row that was never committed', async () => {
    const rows = new LockRows();
    const [t1, t2, t3] = [rows.begin(), rows.begin(), rows.begin()];
    expect(await rows.selectForUpdate('none', t1)).toBe(false);
    await rows.insert('k', t1);
    rows.commit(t1);
    expect(await rows.selectForUpdate('k', t2)).toBe(true);
    let locked = false;
    const waiting = rows.selectForUpdate('k', t3).then((r) => (locked = r));
    await new Promise((resolve) => setImmediate(resolve));
    expect(locked).toBe(false);
    rows.commit(t2);
    await waiting;
    expect(locked).toBe(true);
  });

  it('applies a transaction\'s writes only when it commits', () => {
    const rows = new LockRows();
    const applied: string[] = [];
    const [t1, t2] = [rows.begin(), rows.begin()];
    t1.onCommit(() => applied.push('t1'));
    t2.onCommit(() => applied.push('t2'));
    rows.rollback(t1);
    rows.commit(t2);
    expect(applied).toEqual(['t2']);
  });

  it('clear() rolls back open transactions: committing one later writes nothing', async () => {
    const rows = new LockRows();
    const applied: string[] = [];
    const tx = rows.begin();
    await rows.insert('k', tx);
    tx.onCommit(() => applied.push('write'));
    rows.clear();
    rows.commit(tx);
    expect(applied).toEqual([]);
    expect(rows.keys()).toEqual([]);
  });
});
