/**
 * The link to the BIZTEL server: one object that owns the socket.io client. It validates every
 * payload at the boundary, numbers agent events (dropping repeats, resyncing on gaps), resumes the
 * session after a reconnect, and refuses commands while offline instead of letting socket.io buffer
 * and replay them later (a replayed "dial" or "answer" would be dangerous).
 */
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  agentEventSchema,
  helloSchema,
  issuesText,
  sessionEndedSchema,
  type AgentEvent,
  type ClientToServerEvents,
  type CommandName,
  type CommandRequest,
  type CommandResponse,
  type Hello,
  type ServerToClientEvents,
  type Session,
} from '../protocol';
import { Emitter } from './emitter';
import { INITIAL_LINK_STATE, isConnected, nextLinkState, type DegradedReason, type LinkInput, type LinkState, type LinkStatus } from './link-machine';
import { readAck, type CommandResult, type LinkEvents, type LinkOptions } from './link-types';

export { linkErrorCodeSchema, type CommandResult, type Diagnostic, type LinkError, type LinkErrorCode, type LinkEvents, type LinkOptions } from './link-types';
export type { DegradedReason, LinkStatus } from './link-machine';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export class BiztelLink {
  private readonly emitter = new Emitter<LinkEvents>();
  private socket: ClientSocket | null = null;
  private state: LinkState = INITIAL_LINK_STATE;
  private token: string | null = null;
  private lastSeq = 0;
  private resyncing: Promise<void> | null = null;
  /** A failed catch-up is tried again (connected, so nothing else would trigger it): attempt and timer. */
  private resyncAttempt = 0;
  private resyncTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly ackTimeoutMs: number;
  private readonly now: () => number;
  hello: Hello | null = null;

  constructor(
    readonly serverUrl: string,
    private readonly options: LinkOptions = {},
  ) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 8000;
    this.now = options.now ?? Date.now;
  }

  get status(): LinkStatus {
    return this.state.status;
  }

  /** Why the link is in its status (socket.io's words, or `protocol`); null when nothing is wrong. */
  get error(): string | null {
    return this.state.error;
  }

  get signedIn(): boolean {
    return this.token !== null;
  }

  /** The session and the last event seen: what another panel needs to take the link over. */
  resumeInfo(): { token: string; lastSeq: number } | null {
    return this.token ? { token: this.token, lastSeq: this.lastSeq } : null;
  }

  /** Takes over a session another panel (or this tab before a reload) had: resumed on connect. */
  adopt(resume: { token: string; lastSeq: number }): void {
    this.token = resume.token;
    this.lastSeq = resume.lastSeq;
  }

  on<K extends keyof LinkEvents>(name: K, listener: (value: LinkEvents[K]) => void): () => void {
    return this.emitter.on(name, listener);
  }

  connect(): void {
    if (this.socket) return;
    const socket = (this.options.socketFactory?.(this.serverUrl) ??
      io(this.serverUrl, {
        transports: ['websocket', 'polling'],
        tryAllTransports: true,
        reconnectionDelay: 500,
        reconnectionDelayMax: 5000,
        timeout: 8000,
      })) as ClientSocket;
    this.socket = socket;
    this.dispatch({ type: 'connect' });

    socket.on('hello', (raw: unknown) => this.onHello(raw));
    socket.on('agentEvent', (raw: unknown) => this.onAgentEvent(raw));
    socket.on('sessionEnded', (raw: unknown) => this.onSessionEnded(raw));
    // Before the first connection this is "cannot reach the server"; socket.io keeps retrying either way.
    socket.on('connect_error', (error) => this.dispatch({ type: 'connectError', message: error.message }));
    socket.on('disconnect', (reason) => {
      if (this.state.status === 'closed') return;
      this.cancelResyncRetry(); // the next hello resyncs anyway
      this.dispatch({ type: 'disconnect', reason });
      if (reason === 'io server disconnect') socket.connect(); // the server kicked the transport
    });
  }

  close(): void {
    this.cancelResyncRetry();
    this.dispatch({ type: 'close' });
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.token = null;
  }

  /** The only way the link's status changes: an input to the state machine (link-machine.ts). */
  private dispatch(input: LinkInput): void {
    const next = nextLinkState(this.state, input);
    if (next === this.state) return;
    const changed = next.status !== this.state.status || next.error !== this.state.error;
    this.state = next;
    if (changed) this.emitter.emit('status', next.error === null ? { status: next.status } : { status: next.status, error: next.error });
  }

  private diagnose(source: string, message: string): void {
    this.emitter.emit('diagnostic', { source, message, at: this.now() });
  }

  private onHello(raw: unknown): void {
    const parsed = helloSchema.safeParse(raw);
    if (!parsed.success) {
      this.diagnose('hello', issuesText(parsed.error));
      return;
    }
    if (parsed.data.protocol !== PROTOCOL_VERSION) {
      this.diagnose('hello', `The server speaks protocol ${parsed.data.protocol}; this panel speaks ${PROTOCOL_VERSION}.`);
      this.dispatch({ type: 'protocolMismatch' });
      return;
    }
    this.hello = parsed.data;
    this.emitter.emit('hello', parsed.data);
    this.watchTransport();
    // With a session, the link counts as connected once it has caught up (runResync), not before:
    // commands sent meanwhile would act on a stale view of the calls.
    if (this.token) void this.resync();
    else this.dispatch({ type: 'hello' });
  }

  private markDegraded(reason: DegradedReason, on: boolean): void {
    this.dispatch(on ? { type: 'degrade', reason } : { type: 'recover', reason });
  }

  /** WebSocket blocked by a proxy: it works over long-polling, slower; say so. */
  private watchTransport(): void {
    const engine = this.socket?.io.engine;
    if (!engine) return;
    const check = () => this.markDegraded('polling', engine.transport.name === 'polling');
    engine.once('upgrade', check);
    setTimeout(check, 3000);
    check();
  }

  private onAgentEvent(raw: unknown): void {
    const parsed = agentEventSchema.safeParse(raw);
    if (!parsed.success) {
      this.diagnose('agentEvent', issuesText(parsed.error));
      return;
    }
    const event = parsed.data;
    if (!this.token || this.resyncing) return; // a resync snapshot will cover it
    if (event.seq <= this.lastSeq) return; // already applied
    if (event.seq > this.lastSeq + 1) {
      void this.resync(); // we missed something: fetch it
      return;
    }
    this.lastSeq = event.seq;
    this.emitter.emit('event', event);
  }

  private onSessionEnded(raw: unknown): void {
    const parsed = sessionEndedSchema.safeParse(raw);
    if (!parsed.success) {
      this.diagnose('sessionEnded', issuesText(parsed.error));
      return;
    }
    this.token = null;
    this.emitter.emit('sessionEnded', parsed.data);
  }

  /** After a reconnect or a gap: resume the session and replay what was missed, or take a snapshot. */
  private resync(): Promise<void> {
    this.resyncing ??= this.runResync().finally(() => {
      this.resyncing = null;
    });
    return this.resyncing;
  }

  private async runResync(): Promise<void> {
    const token = this.token;
    if (!token) return;
    const known = this.options.knownCallIds?.().slice(0, 50) ?? [];
    const result = await this.send('resume', known.length > 0 ? { token, lastSeq: this.lastSeq, knownCallIds: known } : { token, lastSeq: this.lastSeq });
    if (!result.ok) {
      if (result.error.code === 'SESSION_EXPIRED' || result.error.code === 'AUTH_FAILED') {
        this.token = null;
        this.markDegraded('resync', false);
        this.dispatch({ type: 'hello' });
        this.emitter.emit('sessionEnded', { reason: 'expired' });
      } else {
        // Connected but not caught up: say so (degraded, "resync") and try again with backoff.
        this.markDegraded('resync', true);
        this.dispatch({ type: 'hello' });
        this.retryResync();
      }
      return;
    }
    this.resyncAttempt = 0;
    this.markDegraded('resync', false);
    const { session, missed } = result.data;
    const events: AgentEvent[] = [];
    for (const raw of missed) {
      const parsed = agentEventSchema.safeParse(raw);
      if (parsed.success) events.push(parsed.data);
      else this.diagnose('resume', issuesText(parsed.error));
    }
    this.dispatch({ type: 'hello' });
    // Missed events first, in order (a call that rang and ended while we were away), then the
    // snapshot, which is the latest truth.
    for (const event of events.sort((a, b) => a.seq - b.seq)) {
      if (event.seq > this.lastSeq && event.seq <= session.seq) this.emitter.emit('event', event);
    }
    this.lastSeq = session.seq;
    this.emitter.emit('session', session);
  }

  private retryResync(): void {
    this.cancelResyncRetry();
    this.resyncAttempt += 1;
    const delay = Math.min(10_000, 500 * 2 ** (this.resyncAttempt - 1));
    this.resyncTimer = setTimeout(() => {
      if (this.socket?.connected && this.token) void this.resync();
    }, delay);
  }

  private cancelResyncRetry(): void {
    clearTimeout(this.resyncTimer);
    this.resyncTimer = undefined;
  }

  async signIn(loginId: string, password: string): Promise<CommandResult<Session>> {
    const result = await this.send('signIn', { loginId, password });
    if (result.ok) {
      this.token = result.data.token;
      this.lastSeq = result.data.seq;
      this.emitter.emit('session', result.data);
    }
    return result;
  }

  async signOut(): Promise<CommandResult<Record<string, never>>> {
    const result = await this.send('signOut', {});
    if (result.ok) this.token = null;
    return result;
  }

  /** A call or agent command. Refused at once while the link is down; never queued. */
  command<C extends Exclude<CommandName, 'signIn' | 'resume' | 'signOut'>>(
    name: C,
    request: CommandRequest<C>,
  ): Promise<CommandResult<CommandResponse<C>>> {
    if (!this.token) return Promise.resolve({ ok: false, error: { code: 'NOT_SIGNED_IN', message: 'Not signed in.' } });
    // Not caught up after a reconnect: the server may not know this connection's session yet, and
    // the panel's view of the calls may be stale. Refuse rather than act on it.
    if (this.state.reasons.includes('resync')) return Promise.resolve({ ok: false, error: { code: 'OFFLINE', message: 'Catching up with the BIZTEL server; try again in a moment.' } });
    return this.send(name, request);
  }

  private async send<C extends CommandName>(name: C, request: CommandRequest<C>): Promise<CommandResult<CommandResponse<C>>> {
    const socket = this.socket;
    if (!socket?.connected || (!isConnected(this.state.status) && name !== 'resume')) {
      return { ok: false, error: { code: 'OFFLINE', message: 'The BIZTEL server is not connected.' } };
    }
    let raw: unknown;
    try {
      // volatile: if the transport is not writable right now the packet is dropped, not buffered;
      // the timeout then reports it as failed.
      const untyped = socket.volatile.timeout(this.ackTimeoutMs) as unknown as {
        emitWithAck(event: string, payload: unknown): Promise<unknown>;
      };
      raw = await untyped.emitWithAck(name, request);
    } catch {
      this.markDegraded('timeouts', true);
      return { ok: false, error: { code: 'TIMEOUT', message: `The BIZTEL server did not answer ${name} in time.` } };
    }
    this.markDegraded('timeouts', false);
    const answer = readAck(name, raw);
    if (answer.refused) this.diagnose(name, answer.refused);
    return answer.result;
  }
}
