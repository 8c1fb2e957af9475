/**
 * The simulator's pushes to this page (`/control/stream`): its state whenever it changed, so the
 * Simulator tab follows the PBX without polling, and every socket event between it and the panels
 * for the live BIZTEL log. Everything that arrives is checked; reconnects ask for what was missed.
 */
import * as z from 'zod/mini';
import { createStore } from 'zustand/vanilla';
import { BoundedLog } from './bounded-log';
import { stateSchema, type SimulatorState } from './sim-client';

export const socketEntrySchema = z.object({
  id: z.number(),
  at: z.number(),
  direction: z.enum(['in', 'out', 'connect', 'disconnect']),
  agent: z.nullable(z.string()),
  socket: z.nullable(z.string()),
  event: z.string(),
  payload: z.optional(z.unknown()),
});

/** One socket event between the simulator and a panel (`src/simulator/socket-log.ts`). */
export type SocketEvent = z.infer<typeof socketEntrySchema>;

/** As many lines as the Open CTI log keeps. */
export const BIZTEL_LOG_LIMIT = 20_000;
const BIZTEL_LOG_TRIM = 1_000;
const RETRY_MS = 500;

export interface SimStreamState {
  state: SimulatorState | null;
  /** The stream is open (the view is current). */
  live: boolean;
  logVersion: number;
  logDropped: number;
  /** Pushes that failed their check (a simulator of another version): counted, not shown. */
  refused: number;
}

export class SimStream {
  readonly store = createStore<SimStreamState>()(() => ({ state: null, live: false, logVersion: 0, logDropped: 0, refused: 0 }));
  private readonly log = new BoundedLog<SocketEvent>(BIZTEL_LOG_LIMIT, BIZTEL_LOG_TRIM);
  private source: EventSource | null = null;
  private lastId = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(private readonly baseUrl: string) {}

  start(): void {
    this.stopped = false;
    const url = new URL('control/stream', this.baseUrl);
    if (this.lastId > 0) url.searchParams.set('after', String(this.lastId));
    // Reconnects are ours, not EventSource's own: its Last-Event-ID header would need a CORS preflight.
    const source = new EventSource(url);
    this.source = source;
    source.onopen = () => this.store.setState({ live: true });
    source.onerror = () => {
      source.close();
      this.store.setState({ live: false });
      if (!this.stopped) this.retry = setTimeout(() => this.start(), RETRY_MS);
    };
    source.addEventListener('state', (event) => this.onState(event as MessageEvent<string>));
    source.addEventListener('socket', (event) => this.onSocket(event as MessageEvent<string>));
    // A reset, or another simulator process whose ids start again: what follows is the whole log.
    source.addEventListener('cleared', () => {
      this.lastId = 0;
      this.clearLog();
    });
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    this.source?.close();
  }

  /** The BIZTEL log's lines, oldest first. */
  events(): readonly SocketEvent[] {
    return this.log.lines();
  }

  clearLog(): void {
    this.log.clear();
    this.store.setState({ logVersion: this.log.version, logDropped: 0 });
  }

  /** Resolves with the first state (pushed now or later) that `test` accepts; rejects on `signal`. */
  until(test: (state: SimulatorState) => boolean, signal?: AbortSignal): Promise<SimulatorState> {
    return new Promise((resolve, reject) => {
      const check = (state: SimulatorState | null): boolean => {
        if (!state || !test(state)) return false;
        off();
        signal?.removeEventListener('abort', abort);
        resolve(state);
        return true;
      };
      const abort = () => {
        off();
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      const off = this.store.subscribe((s) => void check(s.state));
      if (signal?.aborted) abort();
      else if (!check(this.store.getState().state)) signal?.addEventListener('abort', abort, { once: true });
    });
  }

  private parse<T>(schema: z.ZodMiniType<T>, text: string): T | null {
    try {
      const parsed = schema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      /* counted below */
    }
    this.store.setState((s) => ({ refused: s.refused + 1 }));
    return null;
  }

  private onState(event: MessageEvent<string>): void {
    const state = this.parse(stateSchema, event.data);
    if (state) this.store.setState({ state });
  }

  private onSocket(event: MessageEvent<string>): void {
    const entry = this.parse(socketEntrySchema, event.data);
    if (!entry || entry.id <= this.lastId) return;
    this.lastId = entry.id;
    this.log.push(entry);
    this.store.setState({ logVersion: this.log.version, logDropped: this.log.dropped });
  }
}
