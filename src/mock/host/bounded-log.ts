/**
 * A log that keeps the newest `limit` lines for a long QA session (the Open CTI log, the BIZTEL
 * log). Older lines go `trim` at a time once it is full: dropping one per new line would move every
 * kept line on every message. Kept out of React state: copying thousands of lines into a new array
 * per message would be quadratic; a version number says it changed.
 */
export class BoundedLog<T> {
  private readonly list: T[] = [];
  /** Lines let go of since the last clear (shown, so a bug report says it was cut). */
  dropped = 0;
  /** Rises with every change. */
  version = 0;

  constructor(
    readonly limit: number,
    readonly trim: number,
  ) {
    if (!(trim >= 1 && trim <= limit)) throw new RangeError('trim must be between 1 and the limit');
  }

  push(line: T): void {
    this.list.push(line);
    if (this.list.length > this.limit) this.dropped += this.list.splice(0, this.trim).length;
    this.version += 1;
  }

  clear(): void {
    this.list.length = 0;
    this.dropped = 0;
    this.version += 1;
  }

  /** The lines kept, oldest first. Read-only for callers. */
  lines(): readonly T[] {
    return this.list;
  }
}
