/** The panel that holds the BIZTEL link, and how the other panels reach it. */
export { LeaderCore, type LeaderDeps } from './leader';
export { EarlyLink } from './early-link';
export { remotePort, serveFollowers } from './follower-port';
export type { CallChange, CallCommand, CommandPort } from './port';
