/** What the panel does in Salesforce when a call changes: pops, links and the call log, in the tab in use. */
export { servePops } from './pop-serve';
export type { Popper } from './pop-router';
export type { SessionWatchOptions } from './salesforce-session';
export type { Machinery, MachineryDeps } from './machinery';
