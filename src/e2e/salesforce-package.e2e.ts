/**
 * The Salesforce package after the build (it needs the built static resource): the sfdx source
 * converts to Metadata API format with Salesforce's own library and holds exactly our components,
 * and the static resource holds every file the Visualforce page and the bundle refer to.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORCE_APP, SFDX_PROJECT, convertToMetadata, type Conversion } from '../dev/sfdx-convert';
import { FIXED_ENTRIES, RESOURCE_FILE, SALESFORCE_LIMIT_BYTES, readDist, readStaticResource } from '../dev/static-resource';
import { PAGES_DIR, resourcePaths } from '../dev/visualforce-page';

const APEX_CLASSES = [
  'BIZTELOpenCTICallLog',
  'BIZTELOpenCTICallLogTest',
  'BIZTELOpenCTIController',
  'BIZTELOpenCTIControllerTest',
  'BIZTELOpenCTIParams',
  'BIZTELOpenCTISearch',
  'BIZTELOpenCTITaskFields',
  'BIZTELOpenCTITestData',
];
const EXPECTED_COMPONENTS = [
  ...APEX_CLASSES.map((name) => `ApexClass:${name}`),
  'ApexPage:biztelcti',
  'ApexPage:biztelctistandby',
  'CallCenter:BIZTELOpenCTICallCenterAdapter',
  'CspTrustedSite:BIZTEL_Server',
  'CspTrustedSite:BIZTEL_Server_WebSocket',
  'CustomField:Activity.BIZTEL_Call_And_Owner__c',
  'CustomField:Activity.BIZTEL_Recording_URL__c',
  'CustomObject:BIZTEL_Call_Log_Lock__c',
  'PermissionSet:BIZTEL_Open_CTI_User',
  'StaticResource:biztelcti',
];

describe('the sfdx project converts to Metadata API format (source-deploy-retrieve)', () => {
  let out: string;
  let conversion: Conversion;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'biztel-mdapi-'));
    conversion = await convertToMetadata(out);
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it(`runs on this Node.js (${process.version}) and finds exactly the package's components`, () => {
    expect(conversion.components).toEqual(EXPECTED_COMPONENTS);
  });

  it('writes a package.xml naming each of them (and the lock object\'s field), at the project source API version', async () => {
    const parsed = new XMLParser({ isArray: (name) => name === 'types' || name === 'members', parseTagValue: false }).parse(conversion.packageXml) as {
      Package: { types: { name: string; members: string[] }[]; version: string };
    };
    const named = parsed.Package.types.flatMap((t) => t.members.map((m) => `${t.name}:${m}`)).sort();
    // A custom object's own fields are listed beside it; the source set counts them as part of the object.
    expect(named).toEqual([...EXPECTED_COMPONENTS, 'CustomField:BIZTEL_Call_Log_Lock__c.Call_And_Owner__c'].sort());
    const project = JSON.parse(await readFile(join(SFDX_PROJECT, 'sfdx-project.json'), 'utf8')) as { sourceApiVersion: string; namespace: string };
    expect(parsed.Package.version).toBe(project.sourceApiVersion);
    // No namespace: the adapter URL is /apex/biztelcti (the vendor's managed package: /apex/biztel3cti__biztelcti).
    expect(project.namespace).toBe('');
  });

  it('writes the Metadata API files, the activity fields inside Activity.object and the built resource as is', async () => {
    expect(conversion.files).toEqual([
      'callCenters/BIZTELOpenCTICallCenterAdapter.callCenter',
      ...APEX_CLASSES.flatMap((name) => [`classes/${name}.cls`, `classes/${name}.cls-meta.xml`]),
      'cspTrustedSites/BIZTEL_Server.cspTrustedSite',
      'cspTrustedSites/BIZTEL_Server_WebSocket.cspTrustedSite',
      'objects/Activity.object',
      'objects/BIZTEL_Call_Log_Lock__c.object',
      'package.xml',
      'pages/biztelcti.page',
      'pages/biztelcti.page-meta.xml',
      'pages/biztelctistandby.page',
      'pages/biztelctistandby.page-meta.xml',
      'permissionsets/BIZTEL_Open_CTI_User.permissionset',
      'staticresources/biztelcti.resource',
      'staticresources/biztelcti.resource-meta.xml',
    ]);
    const activity = await readFile(join(out, 'objects', 'Activity.object'), 'utf8');
    expect(activity).toContain('<fullName>BIZTEL_Recording_URL__c</fullName>');
    expect(activity).toContain('<fullName>BIZTEL_Call_And_Owner__c</fullName>');
    const lock = await readFile(join(out, 'objects', 'BIZTEL_Call_Log_Lock__c.object'), 'utf8');
    expect(lock).toMatch(/<fields>\s*<fullName>Call_And_Owner__c<\/fullName>[\s\S]*<unique>true<\/unique>/);
    expect(lock).toContain('<sharingModel>Private</sharingModel>');
    const converted = await readFile(join(out, 'staticresources', 'biztelcti.resource'));
    expect(converted.equals(await readFile(RESOURCE_FILE))).toBe(true);
  });

  it("the README's update command deploys every type of the package but the call center and the CSP sites", async () => {
    const readme = await readFile(join(SFDX_PROJECT, '..', 'README.md'), 'utf8');
    const command = /sf project deploy start --target-org biztel \\\n\s*--metadata ([A-Za-z ]+)\n/.exec(readme);
    expect(command, 'the update command in the README').not.toBeNull();
    const named = command![1]!.trim().split(/\s+/);
    const types = new Set(conversion.components.map((c) => c.split(':')[0]!));
    expect([...named, 'CallCenter', 'CspTrustedSite'].sort()).toEqual([...types].sort());
  });

  it('the check fails when a component is missing', async () => {
    const partial = await mkdtemp(join(tmpdir(), 'biztel-mdapi-'));
    try {
      const without = await convertToMetadata(partial, join(FORCE_APP, 'main', 'default', 'classes'));
      expect(without.components).toEqual(EXPECTED_COMPONENTS.filter((c) => c.startsWith('ApexClass:')));
    } finally {
      await rm(partial, { recursive: true, force: true });
    }
  });
});

describe('the built static resource biztelcti', () => {
  let zip: Map<string, Uint8Array>;
  beforeAll(async () => {
    zip = await readStaticResource();
  });

  it('is within Salesforce\'s 5 MB limit (what agents download has its gzip budget: size-budget.e2e.ts)', async () => {
    const bytes = (await readFile(RESOURCE_FILE)).byteLength;
    expect(bytes).toBeLessThanOrEqual(SALESFORCE_LIMIT_BYTES);
  });

  it('holds every file biztelcti.page names with URLFOR($Resource.biztelcti, …)', async () => {
    const references = resourcePaths(await readFile(join(PAGES_DIR, 'biztelcti.page'), 'utf8'));
    expect(references.length).toBeGreaterThan(0);
    for (const path of references) expect([...zip.keys()], path).toContain(path);
  });

  it('has the fixed entry names, and the bundle only loads files that are in it', () => {
    for (const entry of FIXED_ENTRIES) expect([...zip.keys()]).toContain(entry);
    const js = new TextDecoder().decode(zip.get('assets/biztelcti.js'));
    const chunks = [...js.matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)].map((m) => `assets/${m[1]!}`);
    expect(chunks.length).toBeGreaterThan(0); // the pattern finds the lazy chunks (Classic's at least)
    for (const chunk of chunks) expect([...zip.keys()], chunk).toContain(chunk);
    for (const name of zip.keys()) expect(name).toMatch(/^(index\.html|favicon\.svg|assets\/biztelcti\.(js|css)|assets\/[\w-]+-[\w-]{8}\.(js|css|svg|woff2))$/);
  });

  it('is this build: the same files as dist/', async () => {
    const dist = await readDist();
    expect([...zip.keys()].sort()).toEqual([...dist.keys()].sort());
    for (const [name, bytes] of dist) expect(Buffer.from(zip.get(name)!).equals(Buffer.from(bytes)), name).toBe(true);
  });
});
