import { CALL_CENTER_ITEMS } from '../../salesforce/package-names';

/**
 * The call center items the mock page reads and edits: the panel's own (server URL, popup mode) and
 * Salesforce's softphone size, which sizes the frame as Salesforce does. README documents each.
 */
export const MOCK_CALL_CENTER_ITEMS = {
  ...CALL_CENTER_ITEMS,
  width: '/reqGeneralInfo/reqSoftphoneWidth',
  height: '/reqGeneralInfo/reqSoftphoneHeight',
} as const;
