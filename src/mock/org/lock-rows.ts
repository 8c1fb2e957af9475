/**
 * The package's call log lock object as the database keeps it: each row has a unique key, and a row
 * is locked by the transaction that inserted it or selected it FOR UPDATE until that transaction
 * ends. Inserting a key that another open transaction has just inserted waits for that transaction
 * (as a unique index does) and then fails as a duplicate if it committed. A row lock is released
 * only by commit or rollback; nothing here times out.
 */

class Transaction {
  /** Keys this transaction inserted (uncommitted until commit) or holds a lock on. */
  readonly inserted: string[] = [];
  readonly locked: string[] = [];
  private readonly commitActions: (() => void)[] = [];
  private finish: () => void = () => {};
  /** Settles when the transaction commits or rolls back. */
  readonly ended = new Promise<void>((resolve) => {
    this.finish = resolve;
  });
  private open = true;

  /** Runs `action` when (if) the transaction commits: its writes become visible together. */
  onCommit(action: () => void): void {
    this.commitActions.push(action);
  }

  /** @internal for LockRows: ends the transaction, applying its writes on commit. */
  end(commit: boolean): void {
    if (!this.open) return;
    this.open = false;
    if (commit) for (const action of this.commitActions) action();
    this.finish();
  }

  get isOpen(): boolean {
    return this.open;
  }
}

export class LockRows {
  private readonly committed = new Set<string>();
  /** Key → the open transaction that inserted or locked its row. */
  private readonly holders = new Map<string, Transaction>();

  begin(): Transaction {
    return new Transaction();
  }

  /** Inserts a row with this key: 'inserted' (this transaction holds it) or 'duplicate' (a committed row has it). */
  async insert(key: string, tx: Transaction): Promise<'inserted' | 'duplicate'> {
    for (;;) {
      const holder = this.holders.get(key);
      if (holder && holder !== tx) {
        await holder.ended;
        continue;
      }
      if (this.committed.has(key) || holder === tx) return 'duplicate';
      this.holders.set(key, tx);
      tx.inserted.push(key);
      return 'inserted';
    }
  }

  /** SELECT … FOR UPDATE of the committed row with this key: waits for its holder; false when there is none. */
  async selectForUpdate(key: string, tx: Transaction): Promise<boolean> {
    for (;;) {
      const holder = this.holders.get(key);
      if (holder && holder !== tx) {
        await holder.ended;
        continue;
      }
      if (!this.committed.has(key) && holder !== tx) return false;
      this.holders.set(key, tx);
      tx.locked.push(key);
      return true;
    }
  }

  /** Makes the transaction's rows and writes visible; one that was already rolled back (by clear()) stays so. */
  commit(tx: Transaction): void {
    if (!tx.isOpen) return;
    for (const key of tx.inserted) this.committed.add(key);
    this.release(tx);
    tx.end(true);
  }

  rollback(tx: Transaction): void {
    this.release(tx);
    tx.end(false);
  }

  /** The committed keys (what a query of the lock object would list). */
  keys(): string[] {
    return [...this.committed];
  }

  clear(): void {
    for (const tx of new Set(this.holders.values())) this.rollback(tx);
    this.committed.clear();
  }

  private release(tx: Transaction): void {
    for (const key of [...tx.inserted, ...tx.locked]) if (this.holders.get(key) === tx) this.holders.delete(key);
  }
}
