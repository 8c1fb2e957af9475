/**
 * What Salesforce does with a search result, per the softphone layout's screen-pop settings
 * (no match / one match / several). Pure, so the rules are tested on their own.
 */
import type { LayoutForCallType } from '../org/types';

export type PopAction =
  | { type: 'sobject'; params: { recordId: string } }
  | { type: 'search'; params: { searchString: string } }
  | { type: 'newRecord'; params: { entityName: string; defaultFieldValues: Record<string, string> } }
  | { type: 'url'; params: { url: string } }
  | { type: 'flow'; params: { flowDevName: string; flowArgs: { name: string; type: string; value: string }[] } };

/** `queryParams` (searchAndScreenPop's) go only to a Visualforce page, after the number. */
export function layoutPop(layout: LayoutForCallType, recordIds: string[], searchParams: string, queryParams = ''): PopAction | null {
  const settings = layout.screenPopSettings;
  const setting = recordIds.length === 0 ? settings.NoMatch : recordIds.length === 1 ? settings.SingleMatch : settings.MultipleMatches;
  if (!setting) return null;
  switch (setting.screenPopType) {
    case 'PopToEntity':
      if (recordIds.length === 1 && recordIds[0]) return { type: 'sobject', params: { recordId: recordIds[0] } };
      if (recordIds.length === 0) {
        const entityName = setting.screenPopData || 'Contact';
        return { type: 'newRecord', params: { entityName, defaultFieldValues: searchParams ? { Phone: searchParams } : {} } };
      }
      return { type: 'search', params: { searchString: searchParams } };
    case 'PopToSearch':
      return { type: 'search', params: { searchString: searchParams } };
    case 'PopToVisualforce':
      return { type: 'url', params: { url: `/apex/${setting.screenPopData ?? 'page'}?phone=${encodeURIComponent(searchParams)}${queryParams ? `&${queryParams}` : ''}` } };
    case 'PopToFlow':
      return {
        type: 'flow',
        params: { flowDevName: setting.screenPopData ?? 'Flow', flowArgs: [{ name: 'phone', type: 'String', value: searchParams }] },
      };
  }
}
