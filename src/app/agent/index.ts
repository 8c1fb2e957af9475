/** What the agent does from the panel, and this panel's own Salesforce tab (navigation, click-to-call, presence). */
export { AgentActions, type AgentDeps } from './actions';
export type { CallActions } from './call-actions';
export { clickToDialAvailable } from './click-to-dial';
export { watchSalesforceTab, type TabHooks } from './salesforce-tab';
