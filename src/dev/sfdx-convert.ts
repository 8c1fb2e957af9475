/**
 * Converts the sfdx source in `visualforce/` to Metadata API format with Salesforce's own
 * @salesforce/source-deploy-retrieve (what `sf project deploy start` does before it uploads), so a
 * test can prove the project converts cleanly without an org.
 *
 * On Node 20 the library's main entry cannot be loaded: it pulls in @salesforce/core → jsforce →
 * undici 8, which needs Node 22 (it calls zlib.createZstdDecompress and other newer APIs while it
 * loads). Converting never opens a connection, so we load only the two submodules we use and give
 * jsforce an offline stand-in for undici while they load; the real undici is left out of the module
 * cache, as before. The stand-in refuses any request.
 */
import { readFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ComponentSet as ComponentSetClass, MetadataConverter as MetadataConverterClass } from '@salesforce/source-deploy-retrieve';
import { FORCE_APP, SFDX_PROJECT } from './paths';
import { listFiles } from './static-files';

export { FORCE_APP, SFDX_PROJECT };

interface Sdr {
  ComponentSet: typeof ComponentSetClass;
  MetadataConverter: typeof MetadataConverterClass;
}

const require = createRequire(import.meta.url);
let loaded: Sdr | undefined;

/** jsforce makes its HTTP agent when it loads; nothing here ever sends through it. */
class Offline {
  readonly offline = true;
}
const offlineUndici = {
  Agent: Offline,
  ProxyAgent: Offline,
  fetch: () => Promise.reject(new Error('No network: this undici is an offline stand-in for converting metadata.')),
};

/** The undici file jsforce (inside @salesforce/core) would load. */
function undiciPath(): string {
  const core = require.resolve('@salesforce/core', { paths: [dirname(require.resolve('@salesforce/source-deploy-retrieve'))] });
  const jsforce = require.resolve('@jsforce/jsforce-node', { paths: [dirname(core)] });
  return require.resolve('undici', { paths: [dirname(jsforce)] });
}

function loadSourceDeployRetrieve(): Sdr {
  if (loaded) return loaded;
  const path = undiciPath();
  const stubbed = require.cache[path] === undefined;
  if (stubbed) {
    const stub = new Module(path);
    stub.filename = path;
    stub.loaded = true;
    stub.exports = offlineUndici;
    require.cache[path] = stub;
  }
  try {
    const { ComponentSet } = require('@salesforce/source-deploy-retrieve/lib/src/collections/componentSet') as Pick<Sdr, 'ComponentSet'>;
    const { MetadataConverter } = require('@salesforce/source-deploy-retrieve/lib/src/convert/metadataConverter') as Pick<Sdr, 'MetadataConverter'>;
    loaded = { ComponentSet, MetadataConverter };
    return loaded;
  } finally {
    // Anything else in this process that loads undici gets the real one.
    if (stubbed) Reflect.deleteProperty(require.cache, path);
  }
}

export interface Conversion {
  /** `Type:fullName` of every component found in the source, sorted. */
  components: string[];
  packageXml: string;
  /** Every file written, relative to the output directory, sorted. */
  files: string[];
}

/** Converts `force-app` into `outputDirectory` (Metadata API format, with package.xml). */
export async function convertToMetadata(outputDirectory: string, sourceDir = FORCE_APP): Promise<Conversion> {
  const { ComponentSet, MetadataConverter } = loadSourceDeployRetrieve();
  const components = ComponentSet.fromSource(sourceDir);
  // `sf` takes package.xml's version from sfdx-project.json; read from here it would fall back to a default.
  const project = JSON.parse(await readFile(join(SFDX_PROJECT, 'sfdx-project.json'), 'utf8')) as { sourceApiVersion?: string };
  components.sourceApiVersion = project.sourceApiVersion;
  await new MetadataConverter().convert(components, 'metadata', { type: 'directory', outputDirectory, genUniqueDir: false });
  return {
    components: components
      .getSourceComponents()
      .toArray()
      .map((c) => `${c.type.name}:${c.fullName}`)
      .sort(),
    packageXml: await readFile(join(outputDirectory, 'package.xml'), 'utf8'),
    files: await listFiles(outputDirectory),
  };
}
