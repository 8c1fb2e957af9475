/** Names the panel shares with the Salesforce package in `visualforce/` (call center items, Apex class and methods). */
export const CALL_CENTER_ITEMS = {
  /** "BIZTEL Open CTI Server URL": the BIZTEL admin URL. */
  serverUrl: '/biztelSettings/serverUrl',
  /** "BIZTEL Popup mode" (0 never / 1 on ring / 2 on answer), read only for servers before 3.3.0. */
  popupMode: '/biztelSettings/popupMode',
} as const;

export const APEX_CLASS = 'BIZTELOpenCTIController';
export const APEX_METHODS = {
  getUserInfo: 'getUserInfo',
  upsertCallLog: 'upsertCallLog',
  /** The same, but only where the Task lacks something (a call first heard of after it ended). */
  fillCallLog: 'fillCallLog',
  searchPhone: 'searchPhone',
  getDirectoryNumbers: 'getDirectoryNumbers',
} as const;
