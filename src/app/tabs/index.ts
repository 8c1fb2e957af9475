/** The agent's panels as one group: election, presence, shared state, handover, requests; and a tab's memory across a reload. */
export { TabGroup, type GroupEvents, type GroupStatus, type TabGroupOptions } from './tab-group';
export { ChannelElection, DEFAULT_TIMING, LockElection, locksAllowed, type Election, type ElectionTiming } from './election';
export { broadcastTransport, groupKey, newPanelId, resumeSchema, tabMessageSchema, type ChannelTransport, type ResumeInfo, type TabMessage } from './messages';
export { recallAfterReload, rememberForReload, reloadKey, type ReloadMemory } from './reload-memory';
