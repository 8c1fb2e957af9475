/** The SLDS utility icons the mock page draws (src/dev/slds makes them into `virtual:slds-mock-icons`). */
export const MOCK_ICON_NAMES = ['new_window', 'minimize_window', 'call', 'refresh', 'undo', 'download', 'copy', 'delete', 'play', 'stop', 'upload', 'search', 'close'] as const;

export type MockIconName = (typeof MOCK_ICON_NAMES)[number];
