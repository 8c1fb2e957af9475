/**
 * Java for Salesforce Code Analyzer's PMD engine (it needs Java 11 or later): found on the PATH, or
 * Debian's default-jre-headless installed when we are root, as the browser tests do with Chromium.
 */
import { execFileSync, spawnSync } from 'node:child_process';

/** The oldest Java the PMD engine runs on. */
export const MINIMUM_JAVA = 11;

/** The major version in `java -version` output (`openjdk version "17.0.15"`, `java version "1.8.0_402"`), or null. */
export function javaMajorVersion(versionOutput: string): number | null {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (!match) return null;
  const first = Number(match[1]);
  // Up to Java 8 the version read 1.x; from 9 on it starts with the major number.
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/** `java -version`'s major version (it writes to stderr), or null when there is no `java` to run. */
export function installedJava(): number | null {
  const run = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return null;
  return javaMajorVersion(`${run.stdout}${run.stderr}`);
}

/** Finds Java 11+; installs Debian's default-jre-headless when running as root; otherwise says what to do. */
export function ensureJava(): number {
  const found = installedJava();
  if (found !== null && found >= MINIMUM_JAVA) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const what = found === null ? 'Java is missing' : `Java ${found} is too old`;
  if (!isRoot) {
    throw new Error(`${what}: Salesforce Code Analyzer needs Java ${MINIMUM_JAVA}+. Run \`sudo apt-get install -y default-jre-headless\` (or put a JDK on the PATH), then npm test again.`);
  }
  console.log(`${what}; installing Debian default-jre-headless for Salesforce Code Analyzer…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'default-jre-headless'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = installedJava();
  if (installed === null || installed < MINIMUM_JAVA) throw new Error(`apt-get installed default-jre-headless, but \`java -version\` still reads ${String(installed)}.`);
  return installed;
}
