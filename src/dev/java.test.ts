import { describe, expect, it } from 'vitest';
import { MINIMUM_JAVA, installedJava, javaMajorVersion } from './java';

describe('the Java version for Salesforce Code Analyzer', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_402"', 8],
    ['openjdk version "11.0.22" 2024-01-16 LTS', 11],
    ['no java here', null],
  ])('reads %j as %s', (output, major) => {
    expect(javaMajorVersion(output)).toBe(major);
  });

  it('finds the Java on this machine (npm test installs one first), new enough for the PMD engine', () => {
    expect(installedJava()).toBeGreaterThanOrEqual(MINIMUM_JAVA);
  });
});
