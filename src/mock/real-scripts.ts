/**
 * Salesforce's own Open CTI scripts, saved from an org, served instead of our stand-ins at the same
 * paths, by the dev server and by the test servers alike: `OPENCTI_MIN_JS=<file>` at the Lightning
 * path (it refuses to start unless the page runs under Salesforce-like names, so use it behind the
 * HTTPS proxy), `INTERACTION_JS=<file>` at the Classic path (it runs on localhost too). Never
 * committed: a QA engineer brings the file.
 */

/** Script path → the environment variable that may name a file for it. */
const REAL_SCRIPT_ENV: Readonly<Record<string, string>> = {
  '/support/api/57.0/lightning/opencti_min.js': 'OPENCTI_MIN_JS',
  '/support/api/57.0/interaction.js': 'INTERACTION_JS',
};

/** The file to serve at `path` instead of the stand-in, or null. */
export function realScriptFile(path: string, env: Record<string, string | undefined> = process.env): string | null {
  const name = Object.hasOwn(REAL_SCRIPT_ENV, path) ? REAL_SCRIPT_ENV[path] : undefined;
  return (name && env[name]) || null;
}
