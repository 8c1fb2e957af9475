import { describe, expect, it } from 'vitest';
import { capabilitiesFor, checkScheduledUpgrade, compareVersions, outboundPopupAfterUpgrade, packageFor, parseVersion, type Version } from './version';

const v = (text: string): Version => {
  const parsed = parseVersion(text);
  if (!parsed) throw new Error(text);
  return parsed;
};
const caps = (text: string) => capabilitiesFor(v(text));

describe('server versions', () => {
  it('parses and compares numerically, not as text', () => {
    expect(parseVersion('3.10.2')).toEqual([3, 10, 2]);
    expect(parseVersion('3.9')).toBeNull();
    expect(parseVersion('v3.9.0')).toBeNull();
    expect(compareVersions(v('3.10.0'), v('3.9.9'))).toBeGreaterThan(0);
    expect(compareVersions(v('3.5.10'), v('3.5.3'))).toBeGreaterThan(0);
  });

  // Each row of the version table (README), at both sides of its boundary.
  it.each([
    ['clickToCallSettings', '3.2.19', false, '3.2.20', true],
    ['outboundPopSetting', '3.3.21', false, '3.4.0', true],
    ['directoryNames', '3.8.9', false, '3.9.0', true],
    ['enhancedDomains', '3.4.19', false, '3.4.20', true],
    ['supported', '3.1.9', false, '3.1.10', true],
  ] as const)('%s: %s → %s, %s → %s', (key, before, was, from, is) => {
    expect(caps(before)[key]).toBe(was);
    expect(caps(from)[key]).toBe(is);
  });

  it.each([
    ['popTimingSource', '3.2.21', 'callCenterItem', '3.3.0', 'systemSettings'],
    ['anonymousPop', '3.2.21', 'never', '3.3.0', 'setting'],
    ['outboundPopSearch', '3.5.9', 'callerId', '3.5.10', 'dialled'],
    ['outboundPopSearch', '3.5.3', 'callerId', '3.6.0', 'dialled'],
    ['internalOutboundLayout', '3.6.99', 'outbound', '3.7.0', 'internal'],
  ] as const)('%s: %s → %s, %s → %s', (key, before, was, from, is) => {
    expect(caps(before)[key]).toBe(was);
    expect(caps(from)[key]).toBe(is);
  });

  it('maps servers to the packages of the manual’s compatibility table, each range running to the next start', () => {
    expect(packageFor(v('3.1.9'))).toBeNull();
    expect(packageFor(v('3.1.10'))).toBe('3.13');
    expect(packageFor(v('3.1.22'))).toBe('3.13');
    expect(packageFor(v('3.1.30'))).toBe('3.13');
    expect(packageFor(v('3.2.0'))).toBe('3.22');
    expect(packageFor(v('3.2.21'))).toBe('3.22');
    expect(packageFor(v('3.3.0'))).toBe('3.33');
    expect(packageFor(v('3.3.21'))).toBe('3.33');
    expect(packageFor(v('3.4.0'))).toBe('3.41');
    expect(packageFor(v('3.4.10'))).toBe('3.41');
    expect(packageFor(v('3.4.11'))).toBe('3.42');
    expect(packageFor(v('3.7.20'))).toBe('3.42');
    expect(packageFor(v('3.7.99'))).toBe('3.42');
    expect(packageFor(v('3.8.0'))).toBe('3.80');
    expect(packageFor(v('4.0.0'))).toBe('3.80');
  });

  it('says a package upgrade is needed exactly when the packages differ (the manual’s examples)', () => {
    expect(checkScheduledUpgrade(v('3.3.21'), v('3.7.1'))).toEqual({ packageUpgradeNeeded: true, reason: 'packagesDiffer', currentPackage: '3.33', scheduledPackage: '3.42' });
    expect(checkScheduledUpgrade(v('3.5.0'), v('3.7.1'))).toMatchObject({ packageUpgradeNeeded: false, reason: null });
    // From 3.2.x an upgrade is always needed
    for (const to of ['3.3.0', '3.4.11', '3.9.0']) expect(checkScheduledUpgrade(v('3.2.5'), v(to)).packageUpgradeNeeded).toBe(true);
  });

  it('needs a package upgrade from 3.2.x even when the target is 3.2.y, the same package (the manual’s rule for 3.2.x)', () => {
    expect(checkScheduledUpgrade(v('3.2.5'), v('3.2.21'))).toEqual({ packageUpgradeNeeded: true, reason: 'from32', currentPackage: '3.22', scheduledPackage: '3.22' });
    expect(checkScheduledUpgrade(v('3.2.0'), v('3.2.1')).reason).toBe('from32');
    // Not an upgrade at all: nothing to do.
    expect(checkScheduledUpgrade(v('3.2.5'), v('3.2.5')).packageUpgradeNeeded).toBe(false);
    // Other minor versions keep the rule that packages must differ.
    expect(checkScheduledUpgrade(v('3.3.0'), v('3.3.21')).packageUpgradeNeeded).toBe(false);
    expect(checkScheduledUpgrade(v('3.1.10'), v('3.1.22')).packageUpgradeNeeded).toBe(false);
  });

  it('sets the outbound pop default after an upgrade from 3.3.x as the manual’s upgrade table says', () => {
    expect(outboundPopupAfterUpgrade('never')).toBe('never');
    expect(outboundPopupAfterUpgrade('ring')).toBe('never');
    expect(outboundPopupAfterUpgrade('answer')).toBe('answer');
  });
});
