/**
 * Where the project's files are, for the dev scripts and tests. Only node: imports, so that
 * `npm run build` (which needs these paths) loads nothing of the mock stack or the simulator.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, ending in a path separator. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The production panel's build: what the static resource ships. */
export const DIST = join(PROJECT_ROOT, 'dist');
/** The mock page's build, which the mock stack serves beside `dist/`. */
export const DIST_MOCK = join(PROJECT_ROOT, 'dist-mock');
/** The sfdx project (`sf project deploy start` runs from here). */
export const SFDX_PROJECT = join(PROJECT_ROOT, 'visualforce');
/** Its only package directory (sfdx-project.json). */
export const FORCE_APP = join(SFDX_PROJECT, 'force-app');
const SFDX_DEFAULT = join(FORCE_APP, 'main', 'default');
/** The static resource `biztelcti`, written by the build. */
export const RESOURCE_FILE = join(SFDX_DEFAULT, 'staticresources', 'biztelcti.resource');
export const PAGES_DIR = join(SFDX_DEFAULT, 'pages');
