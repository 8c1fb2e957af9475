/** The SLDS utility icons the panel draws; the build ships exactly these (src/dev/slds). */
export const ICON_NAMES = [
  'call',
  'end_call',
  'incoming_call',
  'outbound_call',
  'missed_call',
  'pause',
  'play',
  'forward',
  'keypad',
  'close',
  'warning',
  'error',
  'info',
  'logout',
  'world',
  'shortcuts',
  'chevronright',
  'chevrondown',
] as const;

export type IconName = (typeof ICON_NAMES)[number];
