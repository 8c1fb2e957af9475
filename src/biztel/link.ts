/**
 * The link to the BIZTEL server: one object that owns the socket.io client. It validates every
 * payload at the boundary, numbers agent events (dropping repeats, resyncing on gaps), resumes the
 * session after a reconnect, and refuses commands while offline instead of letting socket.io buffer
 * and replay them later (a replayed "dial" or "answer" would be dangerous).
 */
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  agentEventEnvelope,
  agentEventReader,
  agentEventSchema,
  helloSchema,
  issuesText,
  sessionEndedSchema,
  strictIssues,
  type AgentEvent,
  type Call,
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
  /** When the transport last dropped (local clock): a session found gone ended then, not when we noticed. */
  private droppedAt: number | null = null;
  private transportTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly serverHost: string | null;
  private readonly ackTimeoutMs: number;
  private readonly now: () => number;
  hello: Hello | null = null;

  constructor(
    readonly serverUrl: string,
    private readonly options: LinkOptions = {},
  ) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 8000;
    this.now = options.now ?? Date.now;
    this.serverHost = hostOf(serverUrl);
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
      this.droppedAt ??= this.now();
      this.dispatch({ type: 'disconnect', reason });
      if (reason === 'io server disconnect') socket.connect(); // the server kicked the transport
    });
  }

  close(): void {
    this.cancelResyncRetry();
    clearTimeout(this.transportTimer);
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
    clearTimeout(this.transportTimer);
    const engine = this.socket?.io.engine;
    if (!engine) return;
    // Only the current connection's transport counts: a check of an earlier connection (its timer
    // firing after a reconnect) must not mark the new one as polling.
    const check = () => {
      if (this.socket?.io.engine === engine) this.markDegraded('polling', engine.transport.name === 'polling');
    };
    engine.once('upgrade', check);
    this.transportTimer = setTimeout(check, 3000);
    check();
  }

  private onAgentEvent(raw: unknown): void {
    const envelope = agentEventEnvelope.safeParse(raw);
    if (!envelope.success) {
      this.diagnose('agentEvent', issuesText(envelope.error));
      return; // without a sequence number it cannot be placed; a gap after it fetches what was missed
    }
    const { seq } = envelope.data;
    // Read (and counted when odd) before the sequence decides: every payload the server sends is checked.
    const event = this.readEvent('agentEvent', raw);
    if (!this.token || this.resyncing) return; // a resync snapshot will cover it
    if (seq <= this.lastSeq) return; // already applied
    if (seq > this.lastSeq + 1) {
      void this.resync(); // we missed something: fetch it
      return;
    }
    // The event is this one in the sequence whatever its payload: an unreadable payload costs that
    // event, never a resync that would fail on it again.
    this.lastSeq = seq;
    if (event) this.emitter.emit('event', event);
  }

  /** An agent event read tolerantly (protocol/readers.ts); what the contract would refuse is counted. */
  private readEvent(source: string, raw: unknown): AgentEvent | null {
    const parsed = agentEventReader.safeParse(raw);
    if (!parsed.success) {
      this.diagnose(source, issuesText(parsed.error));
      return null;
    }
    let event: AgentEvent = parsed.data;
    let foreignRecording = false;
    if (event.type === 'call') {
      const call = this.ownRecording(event.call);
      foreignRecording = call !== event.call;
      event = { ...event, call };
    }
    // One note per payload, whatever was cut or dropped from it.
    const issues = [strictIssues(agentEventSchema, raw), foreignRecording ? 'call.recordingUrl: on another host than the BIZTEL server' : ''].filter(Boolean).join('; ');
    if (issues) this.diagnose(source, `kept, with fields cut or dropped: ${issues}`);
    return event;
  }

  /** A recording link is kept only on the BIZTEL server's own host: the Task must not point anywhere else. */
  private ownRecording(call: Call): Call {
    if (call.recordingUrl === null || hostOf(call.recordingUrl) === this.serverHost) return call;
    return { ...call, recordingUrl: null };
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
        // The server forgot the session (it restarted, or expired it) while the link was down.
        this.emitter.emit('sessionEnded', { reason: 'expired', endedAt: this.droppedAt ?? this.now() });
        this.droppedAt = null;
      } else {
        // Connected but not caught up: say so (degraded, "resync") and try again with backoff.
        this.markDegraded('resync', true);
        this.dispatch({ type: 'hello' });
        this.retryResync();
      }
      return;
    }
    this.resyncAttempt = 0;
    this.droppedAt = null;
    this.markDegraded('resync', false);
    const { session, missed } = result.data;
    const events = missed.flatMap((raw) => this.readEvent('resume', raw) ?? []);
    this.dispatch({ type: 'hello' });
    // Missed events first, in order (a call that rang and ended while we were away), then the
    // snapshot, which is the latest truth.
    for (const event of events.sort((a, b) => a.seq - b.seq)) {
      if (event.seq > this.lastSeq && event.seq <= session.seq) this.emitter.emit('event', event);
    }
    this.lastSeq = session.seq;
    this.emitter.emit('session', this.ownSession(session));
  }

  private ownSession(session: Session): Session {
    const calls = session.calls.map((call) => this.ownRecording(call));
    const dropped = calls.filter((call, i) => call !== session.calls[i]).length;
    if (dropped > 0) this.diagnose('session', `${dropped} recording link(s) on another host than the BIZTEL server dropped`);
    return { ...session, calls };
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
      this.droppedAt = null;
      this.emitter.emit('session', this.ownSession(result.data));
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

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
