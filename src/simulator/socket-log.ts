/**
 * What went over the simulator's sockets, per agent: every socket.io event between the simulator and
 * the panels (commands in, their answers, agent events, session ends, connections), for QA's live
 * BIZTEL log on the mock page and its download. Bounded: a long QA session keeps the newest lines.
 */

/** One socket event. `in`: panel → server; `out`: server → panel; `connect` / `disconnect`: the transport. */
export interface SocketLogEntry {
  /** Rises by one per entry for the life of the server process (a reset does not start it again). */
  id: number;
  at: number;
  direction: 'in' | 'out' | 'connect' | 'disconnect';
  /** The agent whose session the socket belongs to, or null before it signed in. */
  agent: string | null;
  /** The socket's id; null for an event sent to every socket of a session. */
  socket: string | null;
  /** The socket.io event: `hello`, a command (`signIn`, `answer`, …), `ack:<command>`, `agentEvent`, `sessionEnded`. */
  event: string;
  /** The event's payload with passwords and session tokens taken out. */
  payload?: unknown;
}

export type SocketLogNews = { kind: 'entry'; entry: SocketLogEntry } | { kind: 'cleared' };

/** Enough for a busy hour on five agents; older lines go first. */
export const SOCKET_LOG_LIMIT = 5_000;

/** Keys whose values are secrets: they never leave the simulator in a log. */
const SECRET_KEYS = new Set(['password', 'token']);

/** A copy of `value` with every password and token replaced; cycles and depth are cut. */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > 12) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    copy[key] = SECRET_KEYS.has(key) && item !== undefined && item !== null ? '[redacted]' : redact(item, depth + 1);
  }
  return copy;
}

export class SocketLog {
  private readonly list: SocketLogEntry[] = [];
  private counter = 0;
  private readonly listeners = new Set<(news: SocketLogNews) => void>();

  constructor(readonly limit = SOCKET_LOG_LIMIT) {}

  record(entry: Omit<SocketLogEntry, 'id' | 'at' | 'payload'> & { payload?: unknown }, at = Date.now()): SocketLogEntry {
    this.counter += 1;
    const recorded: SocketLogEntry = { id: this.counter, at, direction: entry.direction, agent: entry.agent, socket: entry.socket, event: entry.event };
    if (entry.payload !== undefined) recorded.payload = redact(entry.payload);
    this.list.push(recorded);
    // Trimmed in steps of a tenth: one shift per line would move the whole log on every event.
    if (this.list.length > this.limit) this.list.splice(0, Math.max(1, Math.floor(this.limit / 10)));
    for (const listener of this.listeners) listener({ kind: 'entry', entry: recorded });
    return recorded;
  }

  /** The id of the newest entry recorded (0 before any): ids only grow, a reset or not. */
  get lastId(): number {
    return this.counter;
  }

  /** The entries kept, oldest first; only those after `afterId` when given. */
  entries(afterId = 0): SocketLogEntry[] {
    if (afterId <= 0) return [...this.list];
    const first = this.list.findIndex((e) => e.id > afterId);
    return first < 0 ? [] : this.list.slice(first);
  }

  clear(): void {
    this.list.length = 0;
    for (const listener of this.listeners) listener({ kind: 'cleared' });
  }

  subscribe(listener: (news: SocketLogNews) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
