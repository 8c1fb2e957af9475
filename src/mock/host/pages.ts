/**
 * The pages of the fake Salesforce (home, record, search, new-record form, flow, URL) and how an
 * explicit `screenPop` request becomes one. Pure.
 */
import { SALESFORCE_ID } from '../../protocol';
import type { PopAction } from './pops';

export type HostPage =
  | { kind: 'home' }
  | { kind: 'record'; recordId: string }
  | { kind: 'search'; searchString: string }
  | { kind: 'newRecord'; entityName: string; defaultFieldValues: Record<string, string> }
  | { kind: 'flow'; flowDevName: string }
  | { kind: 'url'; url: string };

export class InvalidParam extends Error {}

const RECORD_ID = SALESFORCE_ID;

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [name, v] of Object.entries(value)) if (typeof v === 'string' || typeof v === 'number') out[name] = String(v);
  return out;
}

/** `screenPop({type, params})` as Salesforce validates it. */
export function toAction(type: string, params: Record<string, unknown>): PopAction {
  const text = (name: string) => (typeof params[name] === 'string' ? params[name] : '');
  switch (type) {
    case 'sobject':
      if (!RECORD_ID.test(text('recordId'))) throw new InvalidParam('screenPop sobject needs params.recordId.');
      return { type, params: { recordId: text('recordId') } };
    case 'search':
      if (text('searchString').trim().length < 3) throw new InvalidParam('searchString must be at least 3 characters.');
      return { type, params: { searchString: text('searchString') } };
    case 'newRecord':
      if (!text('entityName')) throw new InvalidParam('newRecord needs params.entityName.');
      return { type, params: { entityName: text('entityName'), defaultFieldValues: stringMap(params.defaultFieldValues) } };
    case 'flow':
      if (!text('flowDevName')) throw new InvalidParam('flow needs params.flowDevName.');
      return { type, params: { flowDevName: text('flowDevName'), flowArgs: [] } };
    case 'url':
      if (!text('url')) throw new InvalidParam('url needs params.url.');
      return { type, params: { url: text('url') } };
    case 'objecthome':
      if (!text('scope')) throw new InvalidParam('objecthome needs params.scope.');
      return { type: 'url', params: { url: `/lightning/o/${text('scope')}/home` } };
    case 'list':
      if (!text('listViewId') || !text('scope')) throw new InvalidParam('list needs params.listViewId and params.scope.');
      return { type: 'url', params: { url: `/lightning/o/${text('scope')}/list?filterName=${text('listViewId')}` } };
    default:
      throw new InvalidParam(`Unknown screenPop type ${type}.`);
  }
}

/** What a pop action opens. */
export function pageFor(action: PopAction): HostPage {
  switch (action.type) {
    case 'sobject':
      return { kind: 'record', recordId: action.params.recordId };
    case 'search':
      return { kind: 'search', searchString: action.params.searchString };
    case 'newRecord':
      return { kind: 'newRecord', entityName: action.params.entityName, defaultFieldValues: action.params.defaultFieldValues };
    case 'flow':
      return { kind: 'flow', flowDevName: action.params.flowDevName };
    case 'url':
      return { kind: 'url', url: action.params.url };
  }
}

/** The page's address in the fake Salesforce (getAppViewInfo's `url`). */
export function pageHash(page: HostPage): string {
  switch (page.kind) {
    case 'record':
      return `/r/${page.recordId}/view`;
    case 'search':
      return `/search/${encodeURIComponent(page.searchString)}`;
    case 'newRecord':
      return `/o/${page.entityName}/new`;
    case 'flow':
      return `/flow/${page.flowDevName}`;
    case 'url':
      return `/url/${encodeURIComponent(page.url)}`;
    case 'home':
      return '/home';
  }
}
