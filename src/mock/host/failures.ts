/**
 * Failure injection for the fake Salesforce host: the next N calls of a method fail, or a share of
 * them do. `applied` failures model a lost reply: the work is done, the answer says it failed.
 * Lightning and Classic names meet: `getSoftphoneLayout` also fails Classic's `cti.getSoftphoneLayout`.
 */

/** The Open CTI error code an injected failure answers with (SERVER_ERROR unless told). */
export type InjectedCode = 'SERVER_ERROR' | 'GENERIC_ERROR' | 'INVALID_PARAM';
const CODES: readonly InjectedCode[] = ['SERVER_ERROR', 'GENERIC_ERROR', 'INVALID_PARAM'];

export interface PendingFailure {
  methodName: string;
  applied: boolean;
  code: InjectedCode;
}

export interface FailureRate {
  methodName: string;
  probability: number;
  /** The share of those failures that are lost replies (the work was done): 0 = none, 1 = all. */
  applied: number;
}

export interface Failure {
  applied: boolean;
  code: InjectedCode;
}

const key = (methodName: string) => methodName.trim().replace(/^cti\./, '');

function share(value: unknown, what: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new TypeError(`${what} must be a number from 0 to 1.`);
  return Math.min(1, Math.max(0, value));
}

export class FailureInjector {
  private readonly queue: PendingFailure[] = [];
  private readonly rates = new Map<string, { probability: number; applied: number }>();

  constructor(
    private readonly onChange: () => void = () => {},
    private readonly random: () => number = Math.random,
  ) {}

  failNext(methodName: string, times = 1, opts: { applied?: boolean; code?: InjectedCode } = {}): void {
    if (typeof methodName !== 'string' || key(methodName) === '') throw new TypeError('failNext needs an Open CTI method name.');
    if (!Number.isInteger(times) || times < 1 || times > 1000) throw new TypeError('failNext: times must be a whole number from 1 to 1000.');
    const code = opts.code ?? 'SERVER_ERROR';
    if (!CODES.includes(code)) throw new TypeError(`failNext: code must be one of ${CODES.join(', ')}.`);
    for (let i = 0; i < times; i++) this.queue.push({ methodName: key(methodName), applied: opts.applied === true, code });
    this.onChange();
  }

  /**
   * Each call of the method fails with `probability`. `applied`: true makes every such failure a lost
   * reply, a number makes that share of them one (chaos tests mix both kinds); absent or false, none.
   */
  failRate(methodName: string, probability: number, opts: { applied?: boolean | number } = {}): void {
    if (typeof methodName !== 'string' || key(methodName) === '') throw new TypeError('failRate needs an Open CTI method name.');
    const p = share(probability, 'failRate: probability');
    const applied = opts.applied === true ? 1 : opts.applied === false || opts.applied === undefined ? 0 : share(opts.applied, 'failRate: applied');
    if (p === 0) this.rates.delete(key(methodName));
    else this.rates.set(key(methodName), { probability: p, applied });
    this.onChange();
  }

  /** The failure this call of `methodName` suffers, if any (consumes a queued one). */
  take(methodName: string): Failure | null {
    const name = key(methodName);
    const index = this.queue.findIndex((f) => f.methodName === name);
    if (index >= 0) {
      const [failure] = this.queue.splice(index, 1);
      this.onChange();
      return failure ? { applied: failure.applied, code: failure.code } : null;
    }
    const rate = this.rates.get(name);
    if (!rate || this.random() >= rate.probability) return null;
    return { applied: rate.applied > 0 && this.random() < rate.applied, code: 'SERVER_ERROR' };
  }

  pending(): PendingFailure[] {
    return this.queue.map((f) => ({ ...f }));
  }

  failureRates(): FailureRate[] {
    return [...this.rates].map(([methodName, rate]) => ({ methodName, ...rate }));
  }

  clear(): void {
    this.queue.length = 0;
    this.rates.clear();
    this.onChange();
  }
}
