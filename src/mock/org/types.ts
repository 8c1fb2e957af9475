/** Shapes of the fake Salesforce org, shared by its server side and the mock host page. */
export type ObjectType = 'Contact' | 'Lead' | 'Account' | 'Case' | 'Customer_Site__c';

export interface OrgRecord {
  Id: string;
  objectType: ObjectType;
  Name: string;
  /** When the record last changed (ISO 8601, as the API gives it); search results carry it. */
  LastModifiedDate: string;
  /** Field API name → value, phone fields included. */
  fields: Record<string, string>;
}

export interface OrgUser {
  Id: string;
  username: string;
  Name: string;
}

export interface LayoutObjectField {
  displayName: string;
  apiName: string;
}

export type ScreenPopType = 'PopToEntity' | 'PopToVisualforce' | 'PopToSearch' | 'PopToFlow';
export interface ScreenPopSetting {
  screenPopType: ScreenPopType;
  /** PopToEntity on no match: the object of the new-record form; Visualforce: the page; Flow: its API name. */
  screenPopData?: string;
}

export interface LayoutForCallType {
  callRelatedFields: string[];
  objects: Partial<Record<ObjectType, LayoutObjectField[]>>;
  screenPopSettings: {
    screenPopsOpenWithin: 'ExistingWindow' | 'NewWindow';
    NoMatch?: ScreenPopSetting;
    SingleMatch?: ScreenPopSetting;
    MultipleMatches?: ScreenPopSetting;
  };
}

/** getSoftphoneLayout's shape. */
export interface SoftphoneLayout {
  Inbound: LayoutForCallType;
  Outbound: LayoutForCallType;
  Internal: LayoutForCallType;
}

export interface DirectoryNumber {
  name: string;
  phone: string;
}

export type Task = Record<string, unknown> & { Id: string; OwnerId: string };

export interface OrgSnapshot {
  records: OrgRecord[];
  users: OrgUser[];
  tasks: Task[];
  layout: SoftphoneLayout;
  /** "/section/item" → value. */
  callCenter: Record<string, string>;
  directoryNumbers: DirectoryNumber[];
  /** Bumped on every change; the host page uses it to drop stale snapshots. */
  version: number;
}

export type CallTypeKey = 'inbound' | 'outbound' | 'internal';
export const LAYOUT_KEY: Record<CallTypeKey, keyof SoftphoneLayout> = { inbound: 'Inbound', outbound: 'Outbound', internal: 'Internal' };
