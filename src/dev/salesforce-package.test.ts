/**
 * The Salesforce package in `visualforce/`, checked without an org: the Apex parses and exposes what
 * the panel calls, the mock org plays the same controller, and the call center's import file follows
 * the format rules and says the same as the metadata file (and as the mock's seed call center).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APEX_CLASS, APEX_METHODS } from '../salesforce/package-names';
import { buildTask } from '../domain/call-log';
import { FakeOrg, OrgError } from '../mock/org/org';
import { seedCallCenter } from '../mock/org/seed';
import { makeCall } from '../protocol/fixtures';
import { apexMethodParams } from '../salesforce/apex-params';
import { apexClassShape, apexSyntaxErrors } from './apex-source';
import { REQUIRED_GENERAL_ITEMS, callCenterFromImport, callCenterFromMetadata, importFileProblems, settingsMap } from './call-center';
import { PROJECT_ROOT } from './mock-stack';

const VISUALFORCE = join(PROJECT_ROOT, 'visualforce');
const DEFAULT = join(VISUALFORCE, 'force-app', 'main', 'default');
const CLASSES = join(DEFAULT, 'classes');
const read = (path: string) => readFileSync(path, 'utf8');
const controllerSource = read(join(CLASSES, `${APEX_CLASS}.cls`));
const taskFieldsSource = read(join(CLASSES, 'BIZTELOpenCTITaskFields.cls'));
/** Every Apex class of the package. */
const APEX_CLASSES = [
  'BIZTELOpenCTICallLog', 'BIZTELOpenCTICallLogTest', 'BIZTELOpenCTIController', 'BIZTELOpenCTIControllerTest',
  'BIZTELOpenCTIParams', 'BIZTELOpenCTISearch', 'BIZTELOpenCTITaskFields', 'BIZTELOpenCTITestData',
] as const;
const IMPORT_XML = read(join(VISUALFORCE, 'call-center-import.xml'));
const CALL_CENTER_NAME = 'BIZTELOpenCTICallCenterAdapter';
const METADATA_XML = read(join(DEFAULT, 'callCenters', `${CALL_CENTER_NAME}.callCenter-meta.xml`));

/** What the panel passes each method (call-logger.ts, salesforce/classic.ts, directory.ts, read-startup.ts). */
const PANEL_PARAMS: Record<keyof typeof APEX_METHODS, string[]> = {
  getUserInfo: [],
  upsertCallLog: ['log'],
  fillCallLog: ['log'],
  searchPhone: ['phone', 'objects'],
  getDirectoryNumbers: [],
};

describe('the Apex classes', () => {
  const files = readdirSync(CLASSES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cls'));

  it('are the controller, the classes it uses, and their tests and test data', () => {
    expect(files.sort()).toEqual([...APEX_CLASSES].map((name) => `${name}.cls`).sort());
    for (const file of files) expect(readdirSync(CLASSES), file).toContain(`${file}-meta.xml`);
  });

  it.each(files)('%s parses with zero syntax errors', (file) => {
    expect(apexSyntaxErrors(read(join(CLASSES, file)))).toEqual([]);
  });

  it('the check reports errors in broken Apex', () => {
    expect(apexSyntaxErrors('public class Broken { void f( { }')).not.toEqual([]);
    // An unterminated string is a lexer error, reported too.
    expect(apexSyntaxErrors("public class Broken { String s = 'open; }")).not.toEqual([]);
    // Salesforce's SOSL has WITH USER_MODE; the grammar (like the compiler) refuses clauses out of place.
    expect(apexSyntaxErrors('public class Q { void f() { List<List<SObject>> r = [FIND :d RETURNING Contact(Id) LIMIT 2 WITH USER_MODE]; } }')).not.toEqual([]);
  });

  it('the controller is global and exposes exactly the webService methods the panel calls, with its parameter names', () => {
    const shape = apexClassShape(controllerSource);
    expect(shape.name).toBe(APEX_CLASS);
    expect(shape.global).toBe(true); // runApex reaches webService methods of global classes only
    expect(Object.fromEntries(shape.webServiceMethods.map((m) => [m.name, m.params]))).toEqual(PANEL_PARAMS);
    expect(Object.keys(PANEL_PARAMS).sort()).toEqual(Object.values(APEX_METHODS).sort());
  });
});

describe('the mock org plays the same controller', () => {
  const org = new FakeOrg('http://localhost:8000/');
  const user = org.user('agent01');
  const apex = (method: string, params: Record<string, string> = {}) => org.apex(user, 'en_US', APEX_CLASS, method, apexMethodParams(params));
  const apexTaskFields = /TASK_FIELDS = new Set<String>\{([^}]*)\}/.exec(taskFieldsSource)?.[1]?.match(/'[^']+'/g)?.map((s) => s.slice(1, -1)) ?? [];

  it('answers every webService method of the Apex class, with its parameter names, and no other', async () => {
    const sample: Record<string, Record<string, string>> = {
      upsertCallLog: { log: JSON.stringify({ CallObject: '17900000000000000011', Subject: 'x' }) },
      fillCallLog: { log: JSON.stringify({ CallObject: '17900000000000000011', Description: 'y' }) },
      searchPhone: { phone: '03-5555-0101', objects: 'Contact,Lead,Account' },
    };
    for (const { name, params } of apexClassShape(controllerSource).webServiceMethods) {
      expect(Object.keys(sample[name] ?? {})).toEqual(params);
      await expect(apex(name, sample[name])).resolves.toEqual(expect.any(String));
      await expect(apex(name, { ...sample[name], other: 'x' })).rejects.toThrow(/no parameter other/);
    }
    await expect(apex('deleteEverything')).rejects.toThrow(OrgError);
  });

  it('accepts the Task fields the Apex accepts and refuses others, as the Apex does', async () => {
    const log: Record<string, unknown> = {
      Subject: '着信 03-5555-0101', Status: 'Completed', Priority: 'Normal', TaskSubtype: 'Call', Type: 'Call', CallType: 'Inbound',
      CallDurationInSeconds: 12, CallObject: '17900000000000000012', CallDisposition: 'Completed', Description: 'memo', ActivityDate: '2026-11-24',
      WhoId: '0035555000001AA', WhatId: '0015555000001AA', BIZTEL_Recording_URL__c: 'https://s0.u.biztel.jp:8000/monitor_link/17900000000000000012',
    };
    expect(Object.keys(log).sort()).toEqual([...apexTaskFields].sort());
    expect(await apex('upsertCallLog', { log: JSON.stringify(log) })).toMatch(/^00T/);
    await expect(apex('upsertCallLog', { log: JSON.stringify({ CallObject: '17900000000000000013', OwnerId: user.Id }) })).rejects.toThrow(/OwnerId/);
  });

  it('every field the panel writes is one the Apex accepts', () => {
    const call = makeCall({ state: 'ended', connectedAt: 1_000, endedAt: 9_000, endReason: 'completed', recordingUrl: 'https://s0.u.biztel.jp:8000/monitor_link/17900000000000000014' });
    for (const record of ['0035555000001AA', '0015555000001AA']) {
      const task = buildTask({ call, lang: 'ja', record: { recordId: record }, notes: 'n', utcOffsetMinutes: 540 });
      for (const field of Object.keys(task)) expect(apexTaskFields).toContain(field);
    }
  });

  it('getUserInfo and getDirectoryNumbers answer the shapes the Apex serialises', async () => {
    expect(Object.keys(JSON.parse(await apex('getUserInfo')) as object).sort()).toEqual(['language', 'userId', 'userName']);
    expect(controllerSource).toMatch(/'userId' => [\s\S]*'userName' => [\s\S]*'language' =>/);
    org.setDirectoryNumbers([{ name: 'サポート窓口', phone: '050-1111-2222' }]);
    const numbers = JSON.parse(await apex('getDirectoryNumbers')) as unknown[];
    expect(numbers).toEqual([{ name: 'サポート窓口', phone: '050-1111-2222' }]);
    expect(Object.keys(numbers[0] as object).sort()).toEqual(['name', 'phone']);
    expect(controllerSource).toMatch(/'name' => directoryNumber\.Name, 'phone' => directoryNumber\.Phone/);
  });
});

describe('the call center import file (Setup → Call Centers → Import)', () => {
  it('follows the format rules', () => {
    expect(importFileProblems(IMPORT_XML)).toEqual([]);
  });

  it('has the required general items and our section with the server URL and popup mode', () => {
    const sections = callCenterFromImport(IMPORT_XML);
    const general = sections.find((s) => s.name === 'reqGeneralInfo')!;
    expect(general.items.map((i) => i.name)).toEqual(expect.arrayContaining([...REQUIRED_GENERAL_ITEMS]));
    const settings = settingsMap(sections);
    expect(settings).toMatchObject({
      '/reqGeneralInfo/reqInternalName': CALL_CENTER_NAME,
      '/reqGeneralInfo/reqAdapterUrl': '/apex/biztelcti',
      '/reqGeneralInfo/reqUseApi': 'true',
      '/reqGeneralInfo/reqSalesforceCompatibilityMode': 'Classic_and_Lightning',
      '/reqGeneralInfo/reqStandbyUrl': '/apex/biztelctistandby',
      '/biztelSettings/popupMode': '1',
    });
    expect(settings['/biztelSettings/serverUrl']).toMatch(/^https:\/\/[^/]+:8000\/$/);
    // Open CTI's panel bounds (setSoftphonePanelWidth/Height).
    expect(Number(settings['/reqGeneralInfo/reqSoftphoneWidth'])).toBeGreaterThanOrEqual(200);
    expect(Number(settings['/reqGeneralInfo/reqSoftphoneHeight'])).toBeGreaterThanOrEqual(240);
  });

  it('the check finds each kind of mistake', () => {
    const broken = IMPORT_XML.replace('sortOrder="1" name="reqDisplayName"', 'sortOrder="9" name="reqDisplayName"')
      .replace('name="popupMode"', 'name="reqPopupMode"')
      .replace(/<item sortOrder="5" name="reqSoftphoneWidth"[^\n]*\n/, '')
      .replace('name="serverUrl"', 'name="popupMode"');
    const problems = importFileProblems(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('items of reqGeneralInfo: sortOrder'),
        expect.stringContaining('item reqPopupMode: names starting with "req"'),
        'reqGeneralInfo lacks the required item reqSoftphoneWidth.',
        'The item serverUrl the panel reads is missing from section biztelSettings.',
      ]),
    );
    expect(importFileProblems(IMPORT_XML.replace('name="biztelSettings"', 'name="reqGeneralInfo"'))).toContain('section reqGeneralInfo appears twice.');
  });

  it('carries the same sections, items, labels and values as the call center metadata file', () => {
    expect(callCenterFromMetadata(METADATA_XML, CALL_CENTER_NAME)).toEqual(callCenterFromImport(IMPORT_XML));
    const changed = METADATA_XML.replace('<value>1</value>', '<value>2</value>');
    expect(callCenterFromMetadata(changed, CALL_CENTER_NAME)).not.toEqual(callCenterFromImport(IMPORT_XML));
    expect(() => callCenterFromMetadata(METADATA_XML.replace('<adapterUrl>/apex/biztelcti<', '<adapterUrl>/apex/other<'), CALL_CENTER_NAME)).toThrow(/differ/);
  });

  it("the mock org's seed call center is this one (with the simulator as the server)", () => {
    const settings = settingsMap(callCenterFromImport(IMPORT_XML));
    const seed = seedCallCenter('http://localhost:8000/');
    for (const [key, value] of Object.entries(seed)) {
      expect(settings, key).toHaveProperty([key]);
      if (!key.endsWith('/serverUrl')) expect(settings[key], key).toBe(value);
    }
  });
});
