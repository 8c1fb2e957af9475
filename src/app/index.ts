/** The app layer's surface for the UI and the panel's entry: the panel, its store, its texts. */
export { Panel, type PanelDeps } from './panel';
export { AgentActions } from './agent';
export { clickToDialAvailable } from './agent';
export * from './store';
export { loadMessages, toLang, translate, type Lang, type MessageKey } from './i18n';
export { readLanguageOverride, readSession, writeSession } from './platform';
