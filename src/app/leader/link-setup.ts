/**
 * What the early link (opened during the election) and the leader share about a BIZTEL link: how it
 * is made, and what the store keeps of the server's hello. Apart from leader.ts, which loads after
 * the first screen while the early link is part of it.
 */
import type { LinkOptions } from '../../biztel/link';
import { capabilitiesFor, parseVersion } from '../../domain/version';
import type { Hello } from '../../protocol';
import { liveCalls, type PanelStore } from '../store';

/** How a panel's link is made: on a reconnect it tells the server which calls the panel shows. */
export const linkOptions = (store: PanelStore): Pick<LinkOptions, 'knownCallIds'> => ({
  knownCallIds: () => liveCalls(store.getState()).map((e) => e.call.callId),
});

/** The server introduced itself: what the store keeps of it (and whether this panel supports it). */
export function helloArrived(store: PanelStore, hello: Hello, now: number): void {
  const version = parseVersion(hello.serverVersion);
  const supported = version !== null && capabilitiesFor(version).supported;
  store.getState().helloReceived(hello, hello.serverTime - now, supported);
}
