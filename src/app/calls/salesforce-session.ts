/**
 * The Salesforce session. Open CTI answers SERVER_ERROR once the session has timed out; the panel
 * confirms with a cheap Apex call, then signs the agent out of BIZTEL so calls stop ringing at an
 * empty desk, keeps the unwritten call logs, and writes them when Salesforce answers again.
 */
import type { CtiHost } from '../../salesforce/types';
import { APEX_CLASS, APEX_METHODS } from '../../salesforce/package-names';
import { isSessionError } from '../platform';

export interface SessionWatchOptions {
  /** How often to look while the session is gone (and, much less often, while it is fine). */
  expiredProbeMs?: number;
  healthyProbeMs?: number;
  /** The pause before the second look that confirms an expired session. */
  confirmMs?: number;
}

export class SalesforceSessionWatch {
  private expired = false;
  private probing: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly host: CtiHost,
    private readonly onChange: (expired: boolean) => void,
    private readonly options: SessionWatchOptions = {},
  ) {
    this.scheduleNext();
  }

  /** A Salesforce call failed: if it could be the session, look. */
  report(error: unknown): void {
    if (isSessionError(error)) void this.probe();
  }

  /**
   * True when Salesforce answers (the session is alive). A passing server error is not an expired
   * session: it takes two failed looks in a row, a moment apart, to sign the agent out.
   */
  probe(): Promise<boolean> {
    this.probing ??= (async () => {
      let alive = await this.answers();
      if (!alive && !this.expired) {
        await new Promise((resolve) => setTimeout(resolve, this.options.confirmMs ?? 1000));
        alive = await this.answers();
      }
      this.probing = null;
      this.set(!alive);
      return alive;
    })();
    return this.probing;
  }

  private answers(): Promise<boolean> {
    return this.host.runApex(APEX_CLASS, APEX_METHODS.getUserInfo, {}).then(
      () => true,
      (error: unknown) => !isSessionError(error),
    );
  }

  private set(expired: boolean): void {
    if (this.stopped) return;
    const changed = expired !== this.expired;
    this.expired = expired;
    if (changed) this.onChange(expired);
    this.scheduleNext();
  }

  private scheduleNext(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    const ms = this.expired ? (this.options.expiredProbeMs ?? 5_000) : (this.options.healthyProbeMs ?? 300_000);
    this.timer = setTimeout(() => void this.probe(), ms);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
