/** The fake org's searchPhone, which plays BIZTELOpenCTIController.searchPhone for Classic's call logs. */
import { describe, expect, it } from 'vitest';
import { apexMethodParams } from '../../salesforce/apex-params';
import { FakeOrg } from './org';

const org = new FakeOrg('http://localhost:8000/');
const user = org.user('agent01');
const searchPhone = async (phone: string, objects: string | string[]) =>
  JSON.parse(await org.apex(user, 'en_US', 'BIZTELOpenCTIController', 'searchPhone', apexMethodParams({ phone, objects: [objects].flat().join(',') }))) as { Id: string; RecordType: string }[];

describe('searchPhone of the mock org, as the Apex', () => {
  it('searches Contact, Lead and Account when no objects are named', async () => {
    expect((await searchPhone('03-5555-0101', '')).map((r) => r.Id)).toEqual(['0035555000001AA']);
    expect(await searchPhone('080-2222-3333', ' ')).toEqual([]); // a Case: not among the defaults
  });

  it("matches the org's object names in any case and answers with their own spelling", async () => {
    expect(await searchPhone('080-2222-3333', 'case')).toEqual([{ Id: '5005555000001AA', Name: '00001001 配送の遅れ', RecordType: 'Case' }]);
    expect((await searchPhone('045-222-1111', ' CUSTOMER_SITE__C ')).map((r) => r.RecordType)).toEqual(['Customer_Site__c']);
  });

  it('counts an object named twice once and skips unknown names before the cap of 46', async () => {
    expect((await searchPhone('080-2222-3333', [...Array<string>(46).fill('Contact'), 'Case'])).map((r) => r.RecordType)).toEqual(['Case']);
    expect((await searchPhone('080-2222-3333', [...Array.from({ length: 46 }, (_, i) => `Nope${i}__c`), 'Case'])).map((r) => r.RecordType)).toEqual(['Case']);
  });

  it('finds nothing with fewer than two digits, or in objects not named', async () => {
    expect(await searchPhone('3', 'Contact')).toEqual([]);
    expect(await searchPhone('山田', 'Contact')).toEqual([]);
    expect(await searchPhone('045-333-4444', 'Lead,Account')).toEqual([]);
  });
});
