/**
 * The page's end of the pop-out (Lightning only): opens the pop-out window, connects its softphone
 * to this page's host and wire, and docks the softphone again when the window goes.
 */
import type { MockHost } from './host-core';
import type { LightningWire } from './lightning-wire';
import { channelName, parseToPage, rememberPoppedOut, wasPoppedOut, type ToPopout } from './popout-channel';
import type { PanelPort } from './wire-common';

/** A reload of the pop-out says bye and hello again; give it this long before docking. */
const RELOAD_GRACE_MS = 1500;
/** A pop-out that never says hello (blocked, failed to load) leaves the softphone docked. */
const OPEN_TIMEOUT_MS = 10_000;

export class PopoutHost {
  private readonly channel: BroadcastChannel;
  private window: Window | null = null;
  private dockTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly poll: ReturnType<typeof setInterval>;
  readonly port: PanelPort;

  constructor(
    private readonly host: MockHost,
    private readonly wire: LightningWire,
    popoutId: string,
    private readonly onFramed: () => void,
  ) {
    this.channel = new BroadcastChannel(channelName(popoutId));
    this.port = { name: 'pop-out', post: (message) => this.send({ kind: 'post', message }) };
    this.channel.onmessage = (event: MessageEvent<unknown>) => this.onMessage(event.data);
    // The window we opened may close without a word (crash, killed): notice it.
    this.poll = setInterval(() => {
      if (this.window?.closed && this.host.store.getState().panelLocation !== 'docked') this.dock('the pop-out window was closed');
    }, 1000);
    if (wasPoppedOut()) {
      // This page was reloaded while its softphone was popped out: find the window again.
      this.setLocation('poppingOut');
      this.dockLater(RELOAD_GRACE_MS);
      this.send({ kind: 'who' });
    }
  }

  private send(message: ToPopout): void {
    this.channel.postMessage(message);
  }

  /** Opens the pop-out window (from a click: browsers block pop-ups otherwise). */
  popOut(url: string, size: { width: number; height: number }): boolean {
    const opened = window.open(url, `biztel-softphone-${this.channel.name.slice(-16)}`, `popup,width=${size.width},height=${size.height}`);
    if (!opened) {
      this.host.logWire('note', 'The browser blocked the pop-out window.');
      return false;
    }
    this.window = opened;
    this.setLocation('poppingOut');
    this.dockLater(OPEN_TIMEOUT_MS);
    return true;
  }

  popIn(): void {
    this.send({ kind: 'close' });
    this.window?.close();
    this.dock('popped back in');
  }

  private onMessage(data: unknown): void {
    const message = parseToPage(data);
    if (!message) {
      this.host.logWire('dropped', 'pop-out channel: a message of unknown shape');
      return;
    }
    switch (message.kind) {
      case 'hello':
        clearTimeout(this.dockTimer);
        this.host.store.setState({ initialized: message.initialized });
        this.wire.connect(this.port, message.listeners);
        this.setLocation('poppedOut');
        this.host.logWire('note', 'The softphone is popped out; its Open CTI calls are served by this page.');
        this.onFramed();
        return;
      case 'message':
        this.wire.receive(message.data, this.port);
        return;
      case 'dropped':
        this.host.logWire('dropped', `pop-out: ${message.text}`);
        return;
      case 'bye':
        if (message.final) this.dock('popped back in');
        else this.dockLater(RELOAD_GRACE_MS);
    }
  }

  private dockLater(ms: number): void {
    clearTimeout(this.dockTimer);
    this.dockTimer = setTimeout(() => this.dock('the pop-out window went away'), ms);
  }

  private dock(why: string): void {
    clearTimeout(this.dockTimer);
    if (this.host.store.getState().panelLocation === 'docked') return;
    this.window = null;
    this.wire.disconnect(this.port);
    this.setLocation('docked');
    this.host.logWire('note', `The softphone is docked again (${why}).`);
  }

  private setLocation(location: 'docked' | 'poppingOut' | 'poppedOut'): void {
    rememberPoppedOut(location !== 'docked');
    this.host.store.setState({ panelLocation: location });
  }

  stop(): void {
    clearInterval(this.poll);
    clearTimeout(this.dockTimer);
    this.channel.close();
  }
}
