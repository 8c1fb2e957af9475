/**
 * BIZTEL request IDs (リクエストID): every call has a 20-digit numeric one. Tasks in Salesforce are
 * keyed on it, so an id must never come back: not after `reset()`, not after `restart()`, and not
 * after the simulator process itself is restarted (`npm start` again) while old Tasks remain.
 *
 * The id is the wall-clock millisecond (13 digits until the year 2286) followed by a 7-digit counter,
 * and each id is above the one before it. A new process starts at its own clock's millisecond times
 * ten million, which is above every id an earlier process issued unless that process issued more
 * than ten million calls in its last millisecond, or the machine's clock went back in between.
 */
const DIGITS = 20;
const PER_MILLISECOND = 10_000_000n;

export class RequestIds {
  private last = 0n;

  constructor(private readonly clock: () => number = Date.now) {}

  next(): string {
    const floor = BigInt(Math.max(0, Math.floor(this.clock()))) * PER_MILLISECOND;
    this.last = floor > this.last ? floor : this.last + 1n;
    return this.last.toString().padStart(DIGITS, '0');
  }
}

/**
 * One issuer for the whole process: several simulators in one test process (each test file starts
 * its own) still never hand out the same id.
 */
export const requestIds = new RequestIds();
