/**
 * A raw socket.io client of the simulator for its tests: what arrives on the wire, exactly as sent,
 * with no schema in between (the panel's own link would refuse a quirky call before a test saw it).
 */
import { io, type Socket } from 'socket.io-client';

export interface RawClient {
  socket: Socket;
  /** Every `agentEvent` payload received, in order. */
  events: unknown[];
  /** Every transport drop seen (socket.io's disconnect reasons). */
  drops: string[];
  command(name: string, request: Record<string, unknown>): Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>;
  /** Resolves with the first event (received already or later) that `match` accepts. */
  event<T>(match: (event: unknown) => T | undefined): Promise<T>;
  /** Resolves on the next `hello` (a new connection). */
  hello(): Promise<void>;
  close(): void;
}

export async function rawClient(url: string): Promise<RawClient> {
  const socket = io(url, { transports: ['websocket'], reconnectionDelay: 50, reconnectionDelayMax: 200 });
  const events: unknown[] = [];
  const drops: string[] = [];
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of [...waiters]) waiter();
  };
  socket.on('agentEvent', (event: unknown) => {
    events.push(event);
    wake();
  });
  socket.on('disconnect', (reason) => drops.push(reason));
  const hello = () => new Promise<void>((resolve) => socket.once('hello', () => resolve()));
  const first = hello();
  await first;
  return {
    socket,
    events,
    drops,
    command: async (name, request) => (await socket.timeout(5_000).emitWithAck(name, request)) as Awaited<ReturnType<RawClient['command']>>,
    event: (match) =>
      new Promise((resolve) => {
        const check = () => {
          for (const event of events) {
            const found = match(event);
            if (found !== undefined) {
              waiters.delete(check);
              resolve(found);
              return;
            }
          }
        };
        waiters.add(check);
        check();
      }),
    hello,
    close: () => socket.close(),
  };
}

/** The call in an `agentEvent` of type call whose callId and state match, as a plain record. */
export const callEvent =
  (callId: string, state?: string) =>
  (event: unknown): Record<string, unknown> | undefined => {
    const e = event as { type?: string; call?: Record<string, unknown> };
    if (e.type !== 'call' || !e.call || e.call.callId !== callId) return undefined;
    return state === undefined || e.call.state === state ? e.call : undefined;
  };
