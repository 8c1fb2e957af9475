/** A typed BroadcastChannel between the panels of one user (every Salesforce tab runs its own panel). */
import * as z from 'zod/mini';
import { tabMessageSchema, type TabMessage } from './messages';

export interface TabChannel {
  readonly panelId: string;
  post(message: TabMessage): void;
  on(listener: (message: TabMessage) => void): () => void;
  close(): void;
}

export function openTabChannel(name: string, panelId: string, onInvalid: (reason: string) => void): TabChannel {
  const channel = new BroadcastChannel(name);
  const listeners = new Set<(message: TabMessage) => void>();
  let closed = false;
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const parsed = tabMessageSchema.safeParse(event.data);
    if (!parsed.success) {
      onInvalid(z.prettifyError(parsed.error).slice(0, 300));
      return;
    }
    if (parsed.data.from === panelId) return;
    for (const listener of [...listeners]) listener(parsed.data);
  };
  return {
    panelId,
    // Posting while the page tears down must not throw out of a timer.
    post: (message) => {
      if (closed) return;
      try {
        channel.postMessage(message);
      } catch {
        closed = true;
      }
    },
    on: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      closed = true;
      listeners.clear();
      channel.close();
    },
  };
}

/** Keyed by Salesforce user and BIZTEL server: two users' panels never share a channel. */
export const channelName = (userId: string, serverUrl: string) => `biztel-cti:v1:${userId}:${serverUrl}`;

/**
 * The leader's Web Lock, keyed exactly as the channel is. Were it keyed by user alone, tabs opened
 * after the admin changed the server URL would wait forever for a lock held by the old leader, which
 * they cannot reach (it is on the other channel) and which speaks to the other server.
 */
export const leaderLockName = (userId: string, serverUrl: string) => `biztel-cti-leader:v1:${userId}:${serverUrl}`;

export const newPanelId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
