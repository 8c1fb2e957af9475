/**
 * The link to the BIZTEL server: one object that owns the socket.io client. It validates every
 * payload at the boundary, numbers agent events (dropping repeats, resyncing on gaps), resumes the
 * session after a reconnect, and refuses commands while offline instead of letting socket.io buffer
 * and replay them later (a replayed "dial" or "answer" would be dangerous).
 */
import { io, type Socket } from 'socket.io-client';
import * as z from 'zod/mini';
import {
  PROTOCOL_VERSION,
  ackEnvelopeSchema,
  agentEventSchema,
  commandResponseSchemas,
  helloSchema,
  sessionEndedSchema,
  type AgentEvent,
  type ClientToServerEvents,
  type CommandName,
  type CommandRequest,
  type CommandResponse,
  type ErrorCode,
  type Hello,
  type ServerToClientEvents,
  type Session,
  type SessionEnded,
} from '../protocol';
import { Emitter } from './emitter';

/**
 * connecting → ready; ready ↔ degraded (connected, but only over HTTP long-polling, or the server
 * stopped answering commands in time); → reconnecting when the transport drops; failed before the
 * first connection or on a protocol mismatch (socket.io keeps retrying); closed by us.
 */
export type LinkStatus = 'idle' | 'connecting' | 'ready' | 'degraded' | 'reconnecting' | 'failed' | 'closed';

export type LinkErrorCode = ErrorCode | 'OFFLINE' | 'TIMEOUT' | 'BAD_RESPONSE';
export interface LinkError {
  code: LinkErrorCode;
  message: string;
}
export type CommandResult<T> = { ok: true; data: T } | { ok: false; error: LinkError };

/** A payload the link refused: kept for diagnostics, never acted upon. */
export interface Diagnostic {
  source: string;
  message: string;
  at: number;
}

export interface LinkEvents {
  status: { status: LinkStatus; error?: string };
  hello: Hello;
  /** A full snapshot after sign-in, resume or resync. */
  session: Session;
  /** A live agent event, in sequence, at most once. */
  event: AgentEvent;
  sessionEnded: SessionEnded;
  diagnostic: Diagnostic;
}

export interface LinkOptions {
  ackTimeoutMs?: number;
  /** For tests: build the socket (e.g. to force transports). */
  socketFactory?: (url: string) => Socket;
  /** The calls the client still shows as live, named when it resumes (so none is left a ghost). */
  knownCallIds?: () => string[];
  now?: () => number;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export class BiztelLink {
  private readonly emitter = new Emitter<LinkEvents>();
  private socket: ClientSocket | null = null;
  private currentStatus: LinkStatus = 'idle';
  private token: string | null = null;
  private lastSeq = 0;
  private everConnected = false;
  private resyncing: Promise<void> | null = null;
  /** Why a connected link is degraded; empty = healthy. */
  private readonly degraded = new Set<'polling' | 'timeouts' | 'resync'>();
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
    return this.currentStatus;
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
    this.setStatus('connecting');

    socket.on('hello', (raw: unknown) => this.onHello(raw));
    socket.on('agentEvent', (raw: unknown) => this.onAgentEvent(raw));
    socket.on('sessionEnded', (raw: unknown) => this.onSessionEnded(raw));
    socket.on('connect_error', (error) => {
      // Before the first connection this is the §7.2 ③ case; socket.io keeps retrying either way.
      this.setStatus(this.everConnected ? 'reconnecting' : 'failed', error.message);
    });
    socket.on('disconnect', (reason) => {
      if (this.currentStatus === 'closed') return;
      this.setStatus('reconnecting', reason);
      if (reason === 'io server disconnect') socket.connect(); // the server kicked the transport
    });
  }

  close(): void {
    this.setStatus('closed');
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.token = null;
  }

  private setStatus(status: LinkStatus, error?: string): void {
    if (this.currentStatus === 'closed' && status !== 'closed') return;
    if (status === this.currentStatus && error === undefined) return;
    this.currentStatus = status;
    this.emitter.emit('status', error === undefined ? { status } : { status, error });
  }

  private diagnose(source: string, message: string): void {
    this.emitter.emit('diagnostic', { source, message, at: this.now() });
  }

  private onHello(raw: unknown): void {
    const parsed = helloSchema.safeParse(raw);
    if (!parsed.success) {
      this.diagnose('hello', z.prettifyError(parsed.error));
      return;
    }
    if (parsed.data.protocol !== PROTOCOL_VERSION) {
      this.diagnose('hello', `The server speaks protocol ${parsed.data.protocol}; this panel speaks ${PROTOCOL_VERSION}.`);
      this.setStatus('failed', 'protocol');
      return;
    }
    this.everConnected = true;
    this.hello = parsed.data;
    this.emitter.emit('hello', parsed.data);
    this.watchTransport();
    if (this.token) void this.resync();
    else this.setConnected();
  }

  /** Ready, or degraded while something is wrong with a connected link. */
  private setConnected(): void {
    this.setStatus(this.degraded.size > 0 ? 'degraded' : 'ready', this.degraded.size > 0 ? [...this.degraded].join(',') : undefined);
  }

  private markDegraded(reason: 'polling' | 'timeouts' | 'resync', on: boolean): void {
    const had = this.degraded.has(reason);
    if (on) this.degraded.add(reason);
    else this.degraded.delete(reason);
    if (had !== on && (this.currentStatus === 'ready' || this.currentStatus === 'degraded')) this.setConnected();
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
      this.diagnose('agentEvent', z.prettifyError(parsed.error));
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
      this.diagnose('sessionEnded', z.prettifyError(parsed.error));
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
        this.setConnected();
        this.emitter.emit('sessionEnded', { reason: 'expired' });
      } else {
        this.markDegraded('resync', true);
        this.setStatus('reconnecting', result.error.message);
      }
      return;
    }
    this.markDegraded('resync', false);
    const { session, missed } = result.data;
    const events: AgentEvent[] = [];
    for (const raw of missed) {
      const parsed = agentEventSchema.safeParse(raw);
      if (parsed.success) events.push(parsed.data);
      else this.diagnose('resume', z.prettifyError(parsed.error));
    }
    this.setConnected();
    // Missed events first, in order (a call that rang and ended while we were away), then the
    // snapshot, which is the latest truth.
    for (const event of events.sort((a, b) => a.seq - b.seq)) {
      if (event.seq > this.lastSeq && event.seq <= session.seq) this.emitter.emit('event', event);
    }
    this.lastSeq = session.seq;
    this.emitter.emit('session', session);
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
    return this.send(name, request);
  }

  private async send<C extends CommandName>(name: C, request: CommandRequest<C>): Promise<CommandResult<CommandResponse<C>>> {
    const socket = this.socket;
    const connected = this.currentStatus === 'ready' || this.currentStatus === 'degraded';
    if (!socket?.connected || (!connected && name !== 'resume')) {
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
    const envelope = ackEnvelopeSchema.safeParse(raw);
    if (!envelope.success) {
      this.diagnose(name, z.prettifyError(envelope.error));
      return { ok: false, error: { code: 'BAD_RESPONSE', message: `The server's answer to ${name} was not understood.` } };
    }
    if (!envelope.data.ok) return { ok: false, error: envelope.data.error };
    const schema = commandResponseSchemas[name] as unknown as z.ZodMiniType<CommandResponse<C>>;
    const data = schema.safeParse(envelope.data.data);
    if (!data.success) {
      this.diagnose(name, z.prettifyError(data.error));
      return { ok: false, error: { code: 'BAD_RESPONSE', message: `The server's answer to ${name} was not understood.` } };
    }
    return { ok: true, data: data.data };
  }
}
