/** The panel that holds the BIZTEL link, and how the other panels reach it. */
// The leader's code loads lazily (panel.ts imports it when this panel leads): only its types here.
export type { LeaderCore, LeaderDeps } from './leader';
export { EarlyLink } from './early-link';
export { remotePort, serveFollowers } from './follower-port';
export type { CallChange, CallCommand, CommandPort } from './port';
