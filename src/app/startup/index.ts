/** This tab's start-up in Salesforce, and the checks of the BIZTEL server's address. */
export { startFrame, type FrameDeps } from './start-frame';
export type { StartupInfo } from './read-startup';
export { checkServerUrl } from './server-url';
