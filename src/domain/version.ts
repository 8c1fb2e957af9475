/**
 * Server version → what the panel does. Every row of the version table (README, "Version rules") lives here, as
 * half-open ranges split at the first version the manual documents for the newer behaviour.
 */
export type Version = readonly [major: number, minor: number, patch: number];

export function parseVersion(text: string): Version | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function v(text: string): Version {
  const parsed = parseVersion(text);
  if (!parsed) throw new Error(`bad version literal ${text}`);
  return parsed;
}

const atLeast = (version: Version, floor: string): boolean => compareVersions(version, v(floor)) >= 0;

/** The oldest server this package supports (the first row of the manual's compatibility table). */
const MIN_SUPPORTED_VERSION = '3.1.10';

export type OpenCtiPackage = '3.13' | '3.22' | '3.33' | '3.41' | '3.42' | '3.80';
/** The package version of the vendor's manual that this package stands in for (the latest). */
export const THIS_PACKAGE: OpenCtiPackage = '3.80';

/** The manual's compatibility table, each range running up to the next one's start. */
const PACKAGE_TABLE: readonly (readonly [from: string, pkg: OpenCtiPackage])[] = [
  ['3.8.0', '3.80'],
  ['3.4.11', '3.42'],
  ['3.4.0', '3.41'],
  ['3.3.0', '3.33'],
  ['3.2.0', '3.22'],
  ['3.1.10', '3.13'],
];

export function packageFor(version: Version): OpenCtiPackage | null {
  for (const [from, pkg] of PACKAGE_TABLE) if (atLeast(version, from)) return pkg;
  return null;
}

export interface UpgradeCheck {
  /**
   * True when the current and the scheduled versions map to different packages; and
   * always when upgrading from a 3.2.x server, whatever the target.
   */
  packageUpgradeNeeded: boolean;
  /** Why: the packages differ, or the server is on 3.2.x (the manual makes that upgrade mandatory). */
  reason: 'packagesDiffer' | 'from32' | null;
  currentPackage: OpenCtiPackage | null;
  scheduledPackage: OpenCtiPackage | null;
}

export function checkScheduledUpgrade(current: Version, scheduled: Version): UpgradeCheck {
  const currentPackage = packageFor(current);
  const scheduledPackage = packageFor(scheduled);
  let reason: UpgradeCheck['reason'] = null;
  if (currentPackage !== scheduledPackage) reason = 'packagesDiffer';
  else if (current[0] === 3 && current[1] === 2 && compareVersions(scheduled, current) > 0) reason = 'from32';
  return { packageUpgradeNeeded: reason !== null, reason, currentPackage, scheduledPackage };
}

export interface Capabilities {
  version: Version;
  /** 3.1.10 and later; below, the panel refuses with a clear message. */
  supported: boolean;
  /** The click-to-call system settings (disable, immediate dial) exist. Before: on, number into the dial pad. */
  clickToCallSettings: boolean;
  /** Where inbound pop timing comes from: the call center item "BIZTEL Popup mode", or the server's system settings. */
  popTimingSource: 'callCenterItem' | 'systemSettings';
  /** Anonymous callers: never popped, or as the server's system setting says. */
  anonymousPop: 'never' | 'setting';
  /** The outbound pop setting exists (Lightning only; Classic never pops outbound calls). */
  outboundPopSetting: boolean;
  /** Outbound pops search by the caller-ID (source) number, or by the dialled (destination) number. */
  outboundPopSearch: 'callerId' | 'dialled';
  /** Softphone layout used for internal calls this agent places. */
  internalOutboundLayout: 'outbound' | 'internal';
  /** Directory-number names shown for numbers. */
  directoryNames: boolean;
  /** Salesforce enhanced domains work with this server. */
  enhancedDomains: boolean;
  /** The vendor package the manual's compatibility table pairs with this server. */
  manualPackage: OpenCtiPackage | null;
}

export function capabilitiesFor(version: Version): Capabilities {
  return {
    version,
    supported: atLeast(version, MIN_SUPPORTED_VERSION),
    clickToCallSettings: atLeast(version, '3.2.20'),
    popTimingSource: atLeast(version, '3.3.0') ? 'systemSettings' : 'callCenterItem',
    anonymousPop: atLeast(version, '3.3.0') ? 'setting' : 'never',
    outboundPopSetting: atLeast(version, '3.4.0'),
    outboundPopSearch: atLeast(version, '3.5.10') ? 'dialled' : 'callerId',
    internalOutboundLayout: atLeast(version, '3.7.0') ? 'internal' : 'outbound',
    directoryNames: atLeast(version, '3.9.0'),
    enhancedDomains: atLeast(version, '3.4.20'),
    manualPackage: packageFor(version),
  };
}

/**
 * The outbound pop default after an upgrade from 3.3.x to 3.4 or later (the manual's upgrade table):
 * never → never, on ring → never, on answer → on answer.
 */
export function outboundPopupAfterUpgrade(inboundPopup: 'never' | 'ring' | 'answer'): 'never' | 'answer' {
  return inboundPopup === 'answer' ? 'answer' : 'never';
}
