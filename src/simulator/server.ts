/**
 * The simulated BIZTEL server: the PBX on a real socket.io + HTTP server. It is the reference
 * implementation of the wire protocol in `src/protocol/`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import * as z from 'zod/mini';
import {
  HTTP_PATHS,
  commandRequestSchemas,
  type Ack,
  type AgentEvent,
  type ClientToServerEvents,
  type CommandName,
  type Handover,
  type ServerToClientEvents,
} from '../protocol';
import { ControlStream } from './control-stream';
import { controlState, handleControl } from './control';
import { PbxError } from './errors';
import { BadRequest, cors, sendError, sendJson } from './http-util';
import { parseMonitorPath, sendMonitor } from './monitor-link';
import { Pbx, type PbxTiming } from './pbx';
import { SocketLog, type SocketLogEntry } from './socket-log';

interface SocketData {
  token: string | null;
  /** The agent who last signed in (or resumed) on this socket, for the socket log. */
  agent: string | null;
}
type SimSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface SimulatorOptions {
  port?: number;
  /** Loopback only by default. */
  host?: string;
  timing?: Partial<PbxTiming>;
  log?: (line: string) => void;
  /**
   * Called right before an agent event is handed to socket.io (written to the agent's sockets): the
   * benchmark timestamps rings here. Before, not after: a busy machine may pause this process after
   * the write, and the panel would then seem to pop before the ring was sent.
   */
  onAgentEvent?: (loginId: string, event: AgentEvent) => void;
}

export interface RunningSimulator {
  url: string;
  port: number;
  pbx: Pbx;
  /** Every socket event between this server and the panels (the mock page's BIZTEL log). */
  socketLog: SocketLog;
  /** Sends a raw (possibly malformed) event to every connected client: for fuzz tests. */
  sendRaw(event: string, payload: unknown): void;
  close(): Promise<void>;
}

const room = (token: string) => `session:${token}`;

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => {});
  const socketLog = new SocketLog();
  const record = (entry: Omit<SocketLogEntry, 'id' | 'at'>) => socketLog.record(entry);
  let refusing = false;
  let refuseTimer: ReturnType<typeof setTimeout> | undefined;

  const http = createServer((req, res) => {
    handleHttp(req, res).catch((error: unknown) => {
      if (res.headersSent) return;
      if (error instanceof PbxError) sendError(res, error.code === 'NO_SUCH_CALL' ? 404 : 400, error.code, error.message);
      else if (error instanceof BadRequest) sendError(res, 400, 'BAD_REQUEST', error.message);
      else {
        log(`simulator: ${String(error)}`);
        sendError(res, 500, 'INTERNAL', 'The simulator failed.');
      }
    });
  });

  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(http, {
    cors: { origin: true },
    // A refused handshake looks like a network failure to the client, which keeps retrying.
    allowRequest: (_req, callback) => callback(refusing ? 'refused' : null, !refusing),
    pingInterval: 10_000,
    pingTimeout: 5_000,
  });

  const dropTransports = () => {
    for (const socket of io.of('/').sockets.values()) socket.conn.close();
  };

  const pbx: Pbx = new Pbx(
    {
      agentEvent: (session, event) => {
        options.onAgentEvent?.(session.loginId, event);
        io.to(room(session.token)).emit('agentEvent', event);
        record({ direction: 'out', agent: session.loginId, socket: null, event: 'agentEvent', payload: event });
      },
      sessionEnded: (session, ended) => {
        const name = room(session.token);
        io.to(name).emit('sessionEnded', ended);
        record({ direction: 'out', agent: session.loginId, socket: null, event: 'sessionEnded', payload: ended });
        for (const socket of io.of('/').sockets.values()) {
          if (socket.data.token === session.token) {
            socket.data.token = null;
            void socket.leave(name);
          }
        }
      },
      restart: () => {
        dropTransports();
        stream.changed();
      },
    },
    { recordingBaseUrl: 'http://localhost/', timing: options.timing ?? {} },
  );
  const stream = new ControlStream(() => controlState(pbx), socketLog);

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    cors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://simulator');
    const path = url.pathname;
    if (path.startsWith('/control/')) {
      const handled = await handleControl(
        pbx,
        {
          dropConnections,
          openStream: (request, response) => stream.open(request, response),
          socketEvents: () => socketLog.entries(),
          clearSocketLog: () => socketLog.clear(),
        },
        req,
        res,
        path,
      ).finally(() => stream.changed());
      if (!handled) sendError(res, 404, 'NOT_FOUND', `No control route ${req.method} ${path}.`);
      return;
    }
    if (req.method === 'GET' && path === HTTP_PATHS.info) {
      sendJson(res, 200, pbx.hello());
      return;
    }
    if (req.method === 'GET' && path === HTTP_PATHS.recentCalls) {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!token) {
        sendError(res, 401, 'NOT_SIGNED_IN', 'Sign in first.');
        return;
      }
      try {
        sendJson(res, 200, { calls: pbx.recentCalls(token) });
      } catch (error) {
        if (error instanceof PbxError) sendError(res, 401, error.code, error.message);
        else throw error;
      }
      return;
    }
    const monitor = req.method === 'GET' ? parseMonitorPath(path) : null;
    if (monitor) {
      sendMonitor(res, monitor, pbx.recordingState(monitor.callId));
      return;
    }
    if (req.method === 'GET' && path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><meta charset="utf-8"><title>BIZTEL simulator</title>` +
          `<h1>BIZTEL simulator</h1><p>Version ${pbx.config.version}. This stands in for the BIZTEL admin URL ` +
          `(BIZTEL Open CTI Server URL).</p>`,
      );
      return;
    }
    sendError(res, 404, 'NOT_FOUND', `No route ${req.method} ${path}.`);
  }

  function dropConnections(forMs: number): void {
    refusing = forMs > 0;
    clearTimeout(refuseTimer);
    if (refusing) {
      refuseTimer = setTimeout(() => {
        refusing = false;
      }, forMs);
      refuseTimer.unref();
    }
    dropTransports();
  }

  io.on('connection', (socket: SimSocket) => {
    socket.data.token = null;
    socket.data.agent = null;
    record({ direction: 'connect', agent: null, socket: socket.id, event: 'connect', payload: { transport: socket.conn.transport.name } });
    socket.on('disconnect', (reason) => record({ direction: 'disconnect', agent: socket.data.agent, socket: socket.id, event: 'disconnect', payload: { reason } }));
    const hello = pbx.hello();
    socket.emit('hello', hello);
    record({ direction: 'out', agent: null, socket: socket.id, event: 'hello', payload: hello });
    for (const name of Object.keys(commandRequestSchemas) as CommandName[]) {
      socket.on(name, (request: unknown, ack: unknown) => {
        const loginId = name === 'signIn' ? (request as { loginId?: unknown } | null)?.loginId : undefined;
        record({ direction: 'in', agent: typeof loginId === 'string' ? loginId : socket.data.agent, socket: socket.id, event: name, payload: request });
        if (typeof ack !== 'function') return; // every command is acknowledged; others are noise
        const reply = (answer: Ack<unknown>) => {
          (ack as (ack: Ack<unknown>) => void)(answer);
          record({ direction: 'out', agent: socket.data.agent, socket: socket.id, event: `ack:${name}`, payload: answer });
        };
        const answer = () => {
          try {
            reply({ ok: true, data: runCommand(socket, name, request) });
          } catch (error) {
            if (error instanceof PbxError) reply({ ok: false, error: { code: error.code, message: error.message } });
            else {
              log(`simulator: ${name} failed: ${String(error)}`);
              reply({ ok: false, error: { code: 'INTERNAL', message: 'The server failed to run the command.' } });
            }
          }
        };
        const delay = pbx.config.answerDelayMs;
        if (delay > 0) setTimeout(answer, delay).unref();
        else answer();
      });
    }
  });

  function runCommand(socket: SimSocket, name: CommandName, raw: unknown): unknown {
    const parsed = (commandRequestSchemas[name] as z.ZodMiniType).safeParse(raw);
    if (!parsed.success) throw new PbxError('BAD_REQUEST', `${name}: ${z.prettifyError(parsed.error)}`);
    const request = parsed.data as Record<string, unknown>;
    if (name === 'signIn') {
      const session = pbx.signIn(String(request.loginId), String(request.password));
      attach(socket, session.token);
      return session;
    }
    if (name === 'resume') {
      const resumed = pbx.resume(String(request.token), Number(request.lastSeq), (request.knownCallIds as string[] | undefined) ?? []);
      attach(socket, resumed.session.token);
      return resumed;
    }
    const token = socket.data.token;
    if (!token) throw new PbxError('NOT_SIGNED_IN', 'Sign in first.');
    const callId = typeof request.callId === 'string' ? request.callId : '';
    switch (name) {
      case 'signOut':
        pbx.signOut(token);
        return {};
      case 'setStatus':
        pbx.setStatus(token, String(request.statusId));
        return {};
      case 'setCallerId':
        pbx.setCallerId(token, String(request.number));
        return {};
      case 'answer':
        return pbx.answer(token, callId);
      case 'decline':
        pbx.decline(token, callId);
        return {};
      case 'hangup':
        pbx.hangup(token, callId);
        return {};
      case 'dial':
        return pbx.dial(token, String(request.number), request.callerId as string | undefined);
      case 'hold':
        return pbx.hold(token, callId);
      case 'unhold':
        return pbx.unhold(token, callId);
      case 'park':
        return pbx.park(token, callId, request.handover as Handover | undefined);
      case 'unpark':
        return pbx.unpark(token, callId);
      case 'dtmf':
        pbx.dtmf(token, callId, String(request.digits));
        return {};
      case 'transfer':
        return pbx.transfer(token, parsed.data as Parameters<Pbx['transfer']>[1]);
      case 'completeTransfer':
        pbx.completeTransfer(token, callId, request.handover as Handover | undefined);
        return {};
      case 'cancelTransfer':
        return pbx.cancelTransfer(token, callId);
    }
  }

  function attach(socket: SimSocket, token: string): void {
    if (socket.data.token && socket.data.token !== token) void socket.leave(room(socket.data.token));
    socket.data.token = token;
    socket.data.agent = pbx.agents.session(token).loginId;
    void socket.join(room(token));
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 8000, host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const baseUrl = `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}/`;
  pbx.setRecordingBaseUrl(baseUrl);
  log(`BIZTEL simulator listening on ${baseUrl}`);

  return {
    url: baseUrl,
    port,
    pbx,
    socketLog,
    sendRaw: (event, payload) => {
      (io as unknown as { emit(event: string, payload: unknown): void }).emit(event, payload);
      record({ direction: 'out', agent: null, socket: null, event, payload });
    },
    close: async () => {
      clearTimeout(refuseTimer);
      stream.close();
      pbx.reset();
      await io.close(); // closes the HTTP server too
    },
  };
}
