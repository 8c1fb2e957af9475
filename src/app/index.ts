/** The app layer's surface for the UI and the panel's entry: the panel, its store, its texts. */
export { Panel, type PanelDeps } from './panel';
export { AgentActions, type CallActions } from './agent';
export { clickToDialAvailable } from './agent';
export * from './store';
export { loadLaterMessages, loadMessages, messagesLoaded, toLang, translate, type Lang, type MessageKey } from './i18n';
export { afterPaint, readLanguageOverride, readSession, writeSession } from './platform';
