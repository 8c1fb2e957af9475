/**
 * Requests and replies between panels over the tab channel, with timeouts. A request is served only
 * when it comes from a panel of the group (one heard from lately); its arguments are the handler's to
 * check against their own schema.
 */
import type { TabMessage } from './messages';

type Handler = (args: unknown, from: string) => Promise<unknown>;
type Request = Extract<TabMessage, { type: 'request' }>;
type Reply = Extract<TabMessage, { type: 'reply' }>;

export class TabRpc {
  private readonly waiting = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  private readonly handlers = new Map<string, Handler>();
  private counter = 0;

  constructor(
    private readonly self: string,
    private readonly post: (message: Request | Reply) => void,
    private readonly isMember: (panelId: string) => boolean,
  ) {}

  receive(message: Request | Reply, refused: (reason: string) => void): void {
    if (message.to !== this.self) return;
    if (message.type === 'reply') {
      const waiting = this.waiting.get(message.requestId);
      if (!waiting) return;
      this.waiting.delete(message.requestId);
      clearTimeout(waiting.timer);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(new Error(typeof message.value === 'string' ? message.value.slice(0, 300) : 'The other panel refused.'));
      return;
    }
    const reply = (ok: boolean, value: unknown) => this.post({ type: 'reply', from: this.self, to: message.from, requestId: message.requestId, ok, value });
    if (!this.isMember(message.from)) {
      refused(`${message.method} from ${message.from.slice(0, 20)}, not a panel of this group`);
      reply(false, 'Not a panel of this group.');
      return;
    }
    const handler = this.handlers.get(message.method);
    if (!handler) {
      refused(`no handler for ${message.method}`);
      reply(false, `No handler for ${message.method}`);
      return;
    }
    handler(message.args, message.from).then(
      (value) => reply(true, value),
      (error: unknown) => reply(false, error instanceof Error ? error.message : String(error)),
    );
  }

  handle(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  request(to: string, method: string, args: unknown, timeoutMs: number): Promise<unknown> {
    this.counter += 1;
    const requestId = `${this.self}:${this.counter}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId);
        reject(new Error(`${method}: no answer from the other panel`));
      }, timeoutMs);
      this.waiting.set(requestId, { resolve, reject, timer });
      this.post({ type: 'request', from: this.self, to, requestId, method, args });
    });
  }

  close(): void {
    for (const waiting of this.waiting.values()) {
      clearTimeout(waiting.timer);
      waiting.reject(new Error('closed'));
    }
    this.waiting.clear();
  }
}
