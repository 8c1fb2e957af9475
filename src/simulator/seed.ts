/** The simulator's seed data (README, "Seed data"). */
import type { AgentStatus, CallerIdOption, SystemSettings } from '../protocol';

export interface AgentSeed {
  loginId: string;
  password: string;
  name: string;
  extension: string;
}

export const SEED_AGENTS: readonly AgentSeed[] = [1, 2, 3, 4, 5].map((n) => ({
  loginId: `agent0${n}`,
  password: 'biztel',
  name: `エージェント0${n}`,
  extension: `200${n}`,
}));

export const STATUS_IDS = {
  ready: 'ready',
  acw: 'acw',
  ringing: 'ringing',
  talking: 'talking',
  outbound: 'outbound',
} as const;

export const SEED_STATUSES: readonly AgentStatus[] = [
  { id: 'ready', name: '受付可', kind: 'ready', selectable: true },
  { id: 'acw', name: '後作業', kind: 'acw', selectable: true },
  { id: 'break', name: '休憩中', kind: 'break', selectable: true },
  { id: 'away', name: '離席中', kind: 'away', selectable: true },
  { id: 'loggedOff', name: 'ログオフ', kind: 'loggedOff', selectable: true },
  { id: 'custom-training', name: '研修中', kind: 'custom', selectable: true },
  { id: 'ringing', name: '着信中', kind: 'system', selectable: false },
  { id: 'talking', name: '通話中', kind: 'system', selectable: false },
  { id: 'outbound', name: '発信通話', kind: 'system', selectable: false },
];

export const SEED_CALLER_IDS: readonly CallerIdOption[] = [
  { number: '03-1234-5678', label: '代表' },
  { number: '050-1111-2222' },
];

export const SEED_VERSION = '3.9.0';
export const SEED_COMPANY_NUMBER = '03-1234-5678';

/** Every system setting; which of them a client sees depends on the server version. */
export type FullSystemSettings = Required<SystemSettings>;

export const SEED_SETTINGS: FullSystemSettings = {
  inboundPopup: 'ring',
  outboundPopup: 'never',
  anonymousPopup: false,
  clickToCallDisabled: false,
  clickToCallImmediate: false,
};
