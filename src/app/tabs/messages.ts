/**
 * What the panels of one Salesforce user say to each other over the tab channel. Same-origin only, but
 * every message is still parsed: a malformed one is dropped with a diagnostic, never acted on.
 */
import * as z from 'zod/mini';

const id = z.string().check(z.minLength(1), z.maxLength(64));
const term = z.number().check(z.int(), z.nonnegative());

export const resumeSchema = z.object({ token: z.string().check(z.minLength(1), z.maxLength(200)), lastSeq: z.number().check(z.int(), z.nonnegative()) });
export type ResumeInfo = z.infer<typeof resumeSchema>;

export const tabMessageSchema = z.union([
  /**
   * Every panel's one heartbeat: it is alive, whether it leads (and in which term), and where the
   * agent is (its Salesforce tab visible, when last used), so a pop lands in the tab in use.
   */
  z.object({ type: z.literal('beat'), from: id, leader: z.boolean(), term, visible: z.boolean(), activeAt: z.number() }),
  /** Without Web Locks: a panel bids for the next term (takeover: it takes office at once). */
  z.object({ type: z.literal('claim'), from: id, term, takeover: z.boolean() }),
  /** The panel is going away (its tab closes). */
  z.object({ type: z.literal('bye'), from: id }),
  /** The leader's shared state; parsed again by the follower against the shared state's own schema. */
  z.object({ type: z.literal('state'), from: id, term, seq: z.number().check(z.int()), state: z.unknown() }),
  /** The leader gives its BIZTEL session to the next leader (its tab closes, or another panel took over). */
  z.object({ type: z.literal('handover'), from: id, to: z.nullable(id), resume: resumeSchema }),
  /** Requests between panels (a follower's command to the leader; the leader asking a tab to pop). */
  z.object({ type: z.literal('request'), from: id, to: id, requestId: id, method: z.string().check(z.maxLength(40)), args: z.unknown() }),
  z.object({ type: z.literal('reply'), from: id, to: id, requestId: id, ok: z.boolean(), value: z.unknown() }),
]);

export type TabMessage = z.infer<typeof tabMessageSchema>;

/** The transport: a BroadcastChannel in the browser, an in-memory hub in tests. */
export interface ChannelTransport {
  post(message: TabMessage): void;
  onMessage(listener: (data: unknown) => void): void;
  close(): void;
}

/**
 * Keyed by the panel's build, the Salesforce user and the BIZTEL server: two users' panels never share
 * a channel, and during a package upgrade the old and the new panel do not read each other's state.
 */
export const groupKey = (build: string, userId: string, serverUrl: string) => `biztel-cti:${build}:${userId}:${serverUrl}`;

export function broadcastTransport(name: string): ChannelTransport {
  const channel = new BroadcastChannel(name);
  let closed = false;
  return {
    // Posting while the page tears down must not throw out of a timer.
    post: (message) => {
      if (closed) return;
      try {
        channel.postMessage(message);
      } catch {
        closed = true;
      }
    },
    onMessage: (listener) => {
      channel.onmessage = (event: MessageEvent<unknown>) => listener(event.data);
    },
    close: () => {
      closed = true;
      channel.close();
    },
  };
}

export const newPanelId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
