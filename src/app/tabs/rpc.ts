/** Requests and replies between panels over the tab channel, with timeouts. */
import type { TabChannel } from './channel';

type Handler = (args: unknown, from: string) => Promise<unknown>;

export class TabRpc {
  private readonly waiting = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  private readonly handlers = new Map<string, Handler>();
  private counter = 0;
  private readonly off: () => void;

  constructor(private readonly channel: TabChannel) {
    this.off = channel.on((message) => {
      if (message.type === 'reply' && message.to === channel.panelId) {
        const waiting = this.waiting.get(message.requestId);
        if (!waiting) return;
        this.waiting.delete(message.requestId);
        clearTimeout(waiting.timer);
        if (message.ok) waiting.resolve(message.value);
        else waiting.reject(new Error(typeof message.value === 'string' ? message.value : 'The other panel refused.'));
      } else if (message.type === 'request' && message.to === channel.panelId) {
        const handler = this.handlers.get(message.method);
        const reply = (ok: boolean, value: unknown) =>
          channel.post({ type: 'reply', from: channel.panelId, to: message.from, requestId: message.requestId, ok, value });
        if (!handler) {
          reply(false, `No handler for ${message.method}`);
          return;
        }
        handler(message.args, message.from).then(
          (value) => reply(true, value),
          (error: unknown) => reply(false, error instanceof Error ? error.message : String(error)),
        );
      }
    });
  }

  handle(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  request(to: string, method: string, args: unknown, timeoutMs = 8000): Promise<unknown> {
    this.counter += 1;
    const requestId = `${this.channel.panelId}:${this.counter}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId);
        reject(new Error(`${method}: no answer from the other panel`));
      }, timeoutMs);
      this.waiting.set(requestId, { resolve, reject, timer });
      this.channel.post({ type: 'request', from: this.channel.panelId, to, requestId, method, args });
    });
  }

  close(): void {
    this.off();
    for (const [, waiting] of this.waiting) {
      clearTimeout(waiting.timer);
      waiting.reject(new Error('closed'));
    }
    this.waiting.clear();
  }
}
