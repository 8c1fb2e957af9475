/** The fake org's seed (the README lists it), plus a Case and a custom object for QA. */
import type { DirectoryNumber, LayoutForCallType, LayoutObjectField, ObjectType, OrgRecord, OrgUser, SoftphoneLayout } from './types.ts';

export const SEED_RECORDS: readonly OrgRecord[] = [
  { Id: '0035555000001AA', objectType: 'Contact', Name: '山田 太郎', LastModifiedDate: '2026-10-02T01:15:00.000Z', fields: { Phone: '03-5555-0101', Email: 'taro.yamada@example.jp', AccountId: '0015555000001AA' } },
  { Id: '0035555000002AA', objectType: 'Contact', Name: '佐藤 花子', LastModifiedDate: '2026-09-18T06:40:00.000Z', fields: { MobilePhone: '090-1234-5678', Email: 'hanako.sato@example.jp' } },
  { Id: '00Q5555000001AA', objectType: 'Lead', Name: '鈴木 一郎', LastModifiedDate: '2026-08-30T23:05:00.000Z', fields: { Phone: '06-7777-0202', Company: '鈴木商店' } },
  { Id: '0015555000001AA', objectType: 'Account', Name: '株式会社テスト', LastModifiedDate: '2026-10-21T02:30:00.000Z', fields: { Phone: '03-5555-0100', Website: 'https://example.jp' } },
  { Id: '0035555000003AA', objectType: 'Contact', Name: '高橋 健', LastModifiedDate: '2026-07-11T04:00:00.000Z', fields: { Phone: '045-333-4444' } },
  { Id: '0035555000004AA', objectType: 'Contact', Name: '田中 美咲', LastModifiedDate: '2026-07-12T08:20:00.000Z', fields: { Phone: '045-333-4444' } },
  { Id: '5005555000001AA', objectType: 'Case', Name: '00001001 配送の遅れ', LastModifiedDate: '2026-11-03T00:45:00.000Z', fields: { Subject: '配送の遅れ', ContactId: '0035555000001AA', Status: 'New', SuppliedPhone: '080-2222-3333' } },
  { Id: 'a015555000001AA', objectType: 'Customer_Site__c', Name: '横浜倉庫', LastModifiedDate: '2026-05-27T10:10:00.000Z', fields: { Site_Phone__c: '045-222-1111' } },
];

export const SEED_USERS: readonly OrgUser[] = [1, 2, 3, 4, 5].map((n) => ({
  Id: `005555500000${n}AA`,
  username: `agent0${n}`,
  Name: `エージェント0${n}`,
}));

/** The fields a softphone layout shows for each object the org has (Name and its phone fields). */
export const OBJECT_FIELDS: Record<ObjectType, LayoutObjectField[]> = {
  Contact: [
    { displayName: 'Name', apiName: 'Name' },
    { displayName: 'Phone', apiName: 'Phone' },
    { displayName: 'Mobile', apiName: 'MobilePhone' },
  ],
  Lead: [
    { displayName: 'Name', apiName: 'Name' },
    { displayName: 'Phone', apiName: 'Phone' },
  ],
  Account: [
    { displayName: 'Account Name', apiName: 'Name' },
    { displayName: 'Phone', apiName: 'Phone' },
  ],
  Case: [
    { displayName: 'Case Number', apiName: 'Name' },
    { displayName: 'Web Phone', apiName: 'SuppliedPhone' },
  ],
  Customer_Site__c: [
    { displayName: 'Site Name', apiName: 'Name' },
    { displayName: 'Site Phone', apiName: 'Site_Phone__c' },
  ],
};

const fields = { Contact: OBJECT_FIELDS.Contact, Lead: OBJECT_FIELDS.Lead, Account: OBJECT_FIELDS.Account };

const searching = (): LayoutForCallType => ({
  callRelatedFields: ['ANI', 'DNIS'],
  objects: structuredClone(fields),
  screenPopSettings: {
    screenPopsOpenWithin: 'ExistingWindow',
    SingleMatch: { screenPopType: 'PopToEntity' },
    MultipleMatches: { screenPopType: 'PopToSearch' },
  },
});

export const seedLayout = (): SoftphoneLayout => ({
  Inbound: searching(),
  Outbound: searching(),
  Internal: { callRelatedFields: ['ANI', 'DNIS'], objects: structuredClone(fields), screenPopSettings: { screenPopsOpenWithin: 'ExistingWindow' } },
});

export function seedCallCenter(simulatorUrl: string): Record<string, string> {
  return {
    '/reqGeneralInfo/reqInternalName': 'BIZTELOpenCTICallCenterAdapter',
    '/reqGeneralInfo/reqDisplayName': 'BIZTEL Open CTI Call Center Adapter',
    '/reqGeneralInfo/reqAdapterUrl': '/apex/biztelcti',
    '/reqGeneralInfo/reqUseApi': 'true',
    '/reqGeneralInfo/reqSoftphoneHeight': '480',
    '/reqGeneralInfo/reqSoftphoneWidth': '300',
    '/reqGeneralInfo/reqSalesforceCompatibilityMode': 'Classic_and_Lightning',
    '/biztelSettings/serverUrl': simulatorUrl,
    '/biztelSettings/popupMode': '1',
  };
}

export const SEED_DIRECTORY_NUMBERS: readonly DirectoryNumber[] = [];
