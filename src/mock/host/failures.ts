/**
 * Failure injection for the fake Salesforce host: the next N calls of a method fail, or a share of
 * them do. `applied` failures model a lost reply: the work is done, the answer says it failed.
 * Lightning and Classic names meet: `getSoftphoneLayout` also fails Classic's `cti.getSoftphoneLayout`.
 */
export interface PendingFailure {
  methodName: string;
  applied: boolean;
}

export interface FailureRate {
  methodName: string;
  probability: number;
}

const key = (methodName: string) => methodName.trim().replace(/^cti\./, '');

export class FailureInjector {
  private readonly queue: PendingFailure[] = [];
  private readonly rates = new Map<string, number>();

  constructor(
    private readonly onChange: () => void = () => {},
    private readonly random: () => number = Math.random,
  ) {}

  failNext(methodName: string, times = 1, opts: { applied?: boolean } = {}): void {
    if (typeof methodName !== 'string' || key(methodName) === '') throw new TypeError('failNext needs an Open CTI method name.');
    if (!Number.isInteger(times) || times < 1 || times > 1000) throw new TypeError('failNext: times must be a whole number from 1 to 1000.');
    for (let i = 0; i < times; i++) this.queue.push({ methodName: key(methodName), applied: opts.applied === true });
    this.onChange();
  }

  failRate(methodName: string, probability: number): void {
    if (typeof methodName !== 'string' || key(methodName) === '') throw new TypeError('failRate needs an Open CTI method name.');
    if (typeof probability !== 'number' || Number.isNaN(probability)) throw new TypeError('failRate: probability must be a number from 0 to 1.');
    const p = Math.min(1, Math.max(0, probability));
    if (p === 0) this.rates.delete(key(methodName));
    else this.rates.set(key(methodName), p);
    this.onChange();
  }

  /** The failure this call of `methodName` suffers, if any (consumes a queued one). */
  take(methodName: string): { applied: boolean } | null {
    const name = key(methodName);
    const index = this.queue.findIndex((f) => f.methodName === name);
    if (index >= 0) {
      const [failure] = this.queue.splice(index, 1);
      this.onChange();
      return failure ? { applied: failure.applied } : null;
    }
    const rate = this.rates.get(name) ?? 0;
    return rate > 0 && this.random() < rate ? { applied: false } : null;
  }

  pending(): PendingFailure[] {
    return this.queue.map((f) => ({ ...f }));
  }

  failureRates(): FailureRate[] {
    return [...this.rates].map(([methodName, probability]) => ({ methodName, probability }));
  }

  clear(): void {
    this.queue.length = 0;
    this.rates.clear();
    this.onChange();
  }
}
