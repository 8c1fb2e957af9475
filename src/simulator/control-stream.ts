/**
 * `GET /control/stream`: server-sent events for the mock page, so its simulator view follows the PBX
 * as it changes instead of polling. `state` carries the whole (small) control state whenever it
 * changed; `socket` carries each socket event (`socket-log.ts`) with its id, so a page that
 * reconnects (`Last-Event-ID`) gets only what it missed; `cleared` says the log was emptied (a reset).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SocketLog, SocketLogNews } from './socket-log';

const KEEP_ALIVE_MS = 15_000;
const CLEARED = 'event: cleared\ndata: {}\n\n';

export class ControlStream {
  private readonly clients = new Set<ServerResponse>();
  private lastState = '';
  private scheduled = false;

  constructor(
    private readonly state: () => unknown,
    private readonly log: SocketLog,
  ) {
    log.subscribe((news) => this.onLog(news));
  }

  /**
   * Something may have changed the state (a command, a control request, an agent event, a timer's
   * work): checked once the current turn is over, and sent only when it differs from the last sent.
   */
  changed(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.clients.size === 0) {
        this.lastState = '';
        return;
      }
      const text = JSON.stringify(this.state());
      if (text === this.lastState) return;
      this.lastState = text;
      for (const res of this.clients) res.write(`event: state\ndata: ${text}\n\n`);
    });
  }

  open(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    const asked = Number(req.headers['last-event-id'] ?? new URL(req.url ?? '/', 'http://sim').searchParams.get('after') ?? 0);
    // An id this log never gave comes from an earlier simulator process (ids start again at 1): the
    // page's log is of that process, so it starts over with this one's.
    const stale = Number.isFinite(asked) && asked > this.log.lastId;
    const after = Number.isFinite(asked) && !stale ? asked : 0;
    const text = JSON.stringify(this.state());
    res.write(`retry: 500\nevent: state\ndata: ${text}\n\n`);
    if (stale) res.write(CLEARED);
    for (const entry of this.log.entries(after)) res.write(socketEvent(entry.id, entry));
    this.clients.add(res);
    if (this.clients.size === 1) this.lastState = text;
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    keepAlive.unref();
    const close = () => {
      clearInterval(keepAlive);
      this.clients.delete(res);
    };
    req.on('close', close);
    res.on('close', close);
  }

  /** Ends every stream (the server is closing: open streams would keep it from closing). */
  close(): void {
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private onLog(news: SocketLogNews): void {
    const text = news.kind === 'entry' ? socketEvent(news.entry.id, news.entry) : CLEARED;
    for (const res of this.clients) res.write(text);
    this.changed();
  }
}

function socketEvent(id: number, entry: unknown): string {
  return `id: ${id}\nevent: socket\ndata: ${JSON.stringify(entry)}\n\n`;
}
