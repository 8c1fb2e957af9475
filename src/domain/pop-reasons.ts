/**
 * Why a call did not pop, one line an admin can act on: the manual's screen-pop checklist, made live.
 * In a module of its own because the shared state names them (every panel loads it at once), while
 * the policy that decides (pop-policy.ts) loads with the call handling.
 */
export const NO_POP_REASONS = [
  'timingNever', // the pop setting says never
  'timingLater', // will pop at answer
  'timingEarlier', // popped (or decided) at ring/dial already
  'anonymousOldServer', // servers before 3.3.0 never pop anonymous callers
  'anonymousSetting', // the server's anonymous-pop setting is off
  'classicOutbound', // Classic never pops outbound calls
  'outboundUnsupported', // servers before 3.4.0 have no outbound pop
  'legacyPopupModeInvalid', // "BIZTEL Popup mode" missing or not 0/1/2 on an old server
  'notANumber', // the other party is not a phone number (a SIP URI, letters): searching its digits could pop a stranger
] as const;
export type NoPopReason = (typeof NO_POP_REASONS)[number];

