/**
 * The package's call center in its two spellings: the Setup → Call Centers → Import file
 * (`<callCenter><section sortOrder name label><item sortOrder name label>value`) and the Metadata API
 * file (`<CallCenter>` with `sections`/`items`), read into one shape so a test can check the format
 * rules of the import file (Salesforce's Metadata API and import formats, README) and that both files say the same.
 */
import { XMLParser } from 'fast-xml-parser';
import { CALL_CENTER_ITEMS } from '../salesforce/package-names';

export interface CallCenterItem {
  name: string;
  label: string;
  value: string;
}
export interface CallCenterSection {
  name: string;
  label: string;
  items: CallCenterItem[];
}

/** reqGeneralInfo items Salesforce requires (Salesforce's Metadata API and import formats, README). */
export const REQUIRED_GENERAL_ITEMS = ['reqInternalName', 'reqDisplayName', 'reqAdapterUrl', 'reqUseApi', 'reqSoftphoneHeight', 'reqSoftphoneWidth'] as const;
/** Words Salesforce reserves besides the `req` prefix. */
const RESERVED_NAMES = new Set(['label', 'sortorder', 'internalnamelabel', 'displaynamelabel']);

/** The items the panel reads (src/salesforce/package-names.ts), as [section, item] names. */
const PANEL_ITEMS = Object.values(CALL_CENTER_ITEMS).map((key) => key.split('/').slice(1) as [string, string]);

interface RawNode {
  name?: string;
  label?: string;
  sortOrder?: string;
  '#text'?: string;
}
interface RawImportSection extends RawNode {
  item?: RawNode[];
}

// Tag and attribute values stay strings (parseTagValue/parseAttributeValue off); an empty element has none.
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function readImport(xml: string): RawImportSection[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => name === 'section' || name === 'item',
  });
  const doc = parser.parse(xml) as { callCenter?: { section?: RawImportSection[] } };
  if (!doc.callCenter) throw new Error('The import file has no <callCenter> element.');
  return doc.callCenter.section ?? [];
}

/** Why `values` are not the sortOrders 0…n-1 (each once), or null. */
function sortOrderProblem(where: string, values: (string | undefined)[]): string | null {
  const sorted = values.map((v) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : NaN)).sort((a, b) => a - b);
  return sorted.every((v, i) => v === i) ? null : `${where}: sortOrder must run 0…${values.length - 1} without gaps or repeats (got ${values.join(', ')}).`;
}

function nameProblems(kind: string, name: string | undefined, inRequiredSection: boolean): string[] {
  if (!name) return [`A ${kind} has no name.`];
  const problems: string[] = [];
  if (!/^[A-Za-z0-9]{1,40}$/.test(name)) problems.push(`${kind} ${name}: names are letters and digits only, at most 40.`);
  if (RESERVED_NAMES.has(name.toLowerCase())) problems.push(`${kind} ${name}: the name is reserved by Salesforce.`);
  if (!inRequiredSection && name.startsWith('req')) problems.push(`${kind} ${name}: names starting with "req" are reserved for Salesforce.`);
  return problems;
}

/** Every way the import file breaks the format rules; empty when it follows them. */
export function importFileProblems(xml: string): string[] {
  const sections = readImport(xml);
  const problems: string[] = [];
  const push = (p: string | null) => p && problems.push(p);
  push(sortOrderProblem('sections', sections.map((s) => s.sortOrder)));
  const sectionNames = new Set<string>();
  const itemNames = new Set<string>();
  for (const section of sections) {
    const salesforceSection = section.name === 'reqGeneralInfo';
    problems.push(...nameProblems('section', section.name, salesforceSection));
    if (section.name && sectionNames.has(section.name)) problems.push(`section ${section.name} appears twice.`);
    sectionNames.add(section.name ?? '');
    const items = section.item ?? [];
    if (items.length === 0) problems.push(`section ${section.name ?? '?'} has no items.`);
    push(sortOrderProblem(`items of ${section.name ?? '?'}`, items.map((i) => i.sortOrder)));
    for (const item of items) {
      problems.push(...nameProblems('item', item.name, salesforceSection));
      if (salesforceSection && !item.name?.startsWith('req')) problems.push(`item ${item.name ?? '?'}: reqGeneralInfo holds Salesforce's req items only.`);
      if (item.name && itemNames.has(item.name)) problems.push(`item ${item.name} appears twice.`);
      itemNames.add(item.name ?? '');
    }
  }
  const general = sections.find((s) => s.name === 'reqGeneralInfo');
  if (!general) problems.push('The required section reqGeneralInfo is missing.');
  for (const required of REQUIRED_GENERAL_ITEMS) {
    if (general && !(general.item ?? []).some((i) => i.name === required)) problems.push(`reqGeneralInfo lacks the required item ${required}.`);
  }
  for (const [sectionName, itemName] of PANEL_ITEMS) {
    const section = sections.find((s) => s.name === sectionName);
    if (!section?.item?.some((i) => i.name === itemName)) problems.push(`The item ${itemName} the panel reads is missing from section ${sectionName}.`);
  }
  return problems;
}

const bySortOrder = (a: RawNode, b: RawNode) => Number(a.sortOrder) - Number(b.sortOrder);

/** The import file's call center, sections and items in their sortOrder. */
export function callCenterFromImport(xml: string): CallCenterSection[] {
  return [...readImport(xml)].sort(bySortOrder).map((section) => ({
    name: text(section.name),
    label: text(section.label),
    items: [...(section.item ?? [])].sort(bySortOrder).map((item) => ({ name: text(item.name), label: text(item.label), value: text(item['#text']) })),
  }));
}

interface RawMetadata {
  CallCenter?: {
    adapterUrl?: string;
    displayName?: string;
    displayNameLabel?: string;
    internalNameLabel?: string;
    sections?: { name?: string; label?: string; items?: { name?: string; label?: string; value?: string }[] }[];
  };
}

/**
 * The metadata file's call center in import terms. Metadata keeps the internal name in the file name
 * (`fullName`) and the display name in `displayName`; the import file has them as reqGeneralInfo's
 * first two items, so they are put back there.
 */
export function callCenterFromMetadata(xml: string, fullName: string): CallCenterSection[] {
  const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'sections' || name === 'items' });
  const center = (parser.parse(xml) as RawMetadata).CallCenter;
  if (!center) throw new Error('The metadata file has no <CallCenter> element.');
  const sections: CallCenterSection[] = (center.sections ?? []).map((section) => ({
    name: text(section.name),
    label: text(section.label),
    items: (section.items ?? []).map((item) => ({ name: text(item.name), label: text(item.label), value: text(item.value) })),
  }));
  const general = sections.find((s) => s.name === 'reqGeneralInfo');
  if (!general) throw new Error('The metadata file has no reqGeneralInfo section.');
  const adapterItem = general.items.find((i) => i.name === 'reqAdapterUrl');
  if (center.adapterUrl !== adapterItem?.value) {
    throw new Error(`adapterUrl (${text(center.adapterUrl)}) and the reqAdapterUrl item (${text(adapterItem?.value)}) differ.`);
  }
  general.items.unshift(
    { name: 'reqInternalName', label: text(center.internalNameLabel), value: fullName },
    { name: 'reqDisplayName', label: text(center.displayNameLabel), value: text(center.displayName) },
  );
  return sections;
}

/** `"/section/item"` → value, the flat map Open CTI's getCallCenterSettings hands the panel. */
export function settingsMap(sections: CallCenterSection[]): Record<string, string> {
  return Object.fromEntries(sections.flatMap((s) => s.items.map((i) => [`/${s.name}/${i.name}`, i.value] as const)));
}
