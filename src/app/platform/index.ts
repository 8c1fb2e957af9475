/** What the panel's parts share: browser storage that never throws, reading Salesforce errors, the diagnostics count. */
export { readLocal, readSession, sessionStorageWorks, writeLocal, writeSession } from './safe-storage';
export { errorText, isRefusal, isSessionError } from './salesforce-errors';
export { DiagnosticsRecorder } from './diagnostics';
export { readLanguageOverride, saveLanguageOverride } from './language';
export { afterPaint } from './after-paint';
