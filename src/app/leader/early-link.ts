/**
 * The link a panel opens during start-up, as soon as it knows where the BIZTEL server is and before
 * it knows whether it will lead: Salesforce's answer about the user, the agents' panels' election
 * (its claim window) and the server's hello then run at the same time instead of one after the
 * other. The leader takes the link over; a follower closes it, most often before it has connected.
 *
 * While the election runs, the link's hello may show the sign-in screen, once the panel has joined
 * the agent's panels and listened a moment for one that leads already (a leader answers a newcomer
 * at once). Only the hello is written then; a panel that follows forgets it (`drop`).
 */
import type { BiztelLink, LinkOptions } from '../../biztel/link';
import type { PanelStore } from '../store';
import type { ResumeInfo } from '../tabs';
import { helloArrived, linkOptions } from './link-setup';

/**
 * How long a newcomer listens for a panel that leads already before its own link may show the
 * sign-in screen. A leader answers a newcomer's first heartbeat at once: 3–12 ms after the newcomer
 * opened its channel, measured on the mock page in Debian's Chromium (2 CPUs). The election's claim
 * window, which decides who leads, is longer. Should the answer come later, the newcomer shows the
 * sign-in form for that moment, then the leader's state.
 */
const FIRST_SCREEN_MS = 25;

export interface EarlyLinkDeps {
  store: PanelStore;
  createLink: (serverUrl: string, options: Pick<LinkOptions, 'knownCallIds'>) => BiztelLink;
  /** Nobody leads yet (the election runs) and this panel has no leader of its own. */
  electing: () => boolean;
  now: () => number;
}

export class EarlyLink {
  private link: BiztelLink | null = null;
  private shown = false;
  private listened = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private offHello: (() => void) | null = null;

  constructor(private readonly deps: EarlyLinkDeps) {}

  /** Connects to `serverUrl` (once). */
  open(serverUrl: string): void {
    if (this.link) return;
    const link = this.deps.createLink(serverUrl, linkOptions(this.deps.store));
    this.link = link;
    this.offHello = link.on('hello', () => this.show());
    link.connect();
  }

  /** The panel has joined the agent's panels: after `ms` without a leader, the hello may show. */
  listen(ms = FIRST_SCREEN_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.listened = true;
      this.show();
    }, ms);
  }

  private show(): void {
    const hello = this.link?.hello;
    if (!hello || !this.listened || this.shown || !this.deps.electing()) return;
    this.shown = true;
    helloArrived(this.deps.store, hello, this.deps.now());
  }

  /** The link, for the leader to take over; null (and closed) when there is none or it cannot serve. */
  take(serverUrl: string, resume: ResumeInfo | null): BiztelLink | null {
    const link = this.link;
    this.forget();
    // A session to resume goes through a fresh link, which resumes it as it connects.
    if (!link || resume || link.serverUrl !== serverUrl) {
      link?.close();
      return null;
    }
    return link;
  }

  /** This panel will not lead with it: close it, and forget the hello it showed. */
  drop(): void {
    const { link, shown } = this;
    this.forget();
    if (!link) return;
    link.close();
    if (shown) this.deps.store.getState().sharedForgotten();
  }

  private forget(): void {
    clearTimeout(this.timer);
    // The leader that takes the link over has its own hello listener.
    this.offHello?.();
    this.offHello = null;
    this.link = null;
    this.shown = false;
    this.listened = false;
  }
}
