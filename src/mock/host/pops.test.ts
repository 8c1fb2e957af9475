import { describe, expect, it } from 'vitest';
import { seedLayout } from '../org/seed';
import { layoutPop } from './pops';

describe('the mock host applies the softphone layout to a search result', () => {
  const inbound = seedLayout().Inbound;
  it('seed layout: no match → no pop, one → record page, several → search page', () => {
    expect(layoutPop(inbound, [], '0399990000')).toBeNull();
    expect(layoutPop(inbound, ['0035555000001AA'], '0355550101')).toEqual({ type: 'sobject', params: { recordId: '0035555000001AA' } });
    expect(layoutPop(inbound, ['a', 'b'], '0453334444')).toEqual({ type: 'search', params: { searchString: '0453334444' } });
  });

  it('no match with "pop to new" opens the new-record form with the number', () => {
    const layout = { ...inbound, screenPopSettings: { ...inbound.screenPopSettings, NoMatch: { screenPopType: 'PopToEntity' as const, screenPopData: 'Lead' } } };
    expect(layoutPop(layout, [], '0399990000')).toEqual({ type: 'newRecord', params: { entityName: 'Lead', defaultFieldValues: { Phone: '0399990000' } } });
  });

  it('pops to a Visualforce page or a flow', () => {
    const vf = { ...inbound, screenPopSettings: { screenPopsOpenWithin: 'ExistingWindow' as const, SingleMatch: { screenPopType: 'PopToVisualforce' as const, screenPopData: 'CallerPage' } } };
    expect(layoutPop(vf, ['x'], '0355550101')).toEqual({ type: 'url', params: { url: '/apex/CallerPage?phone=0355550101' } });
    // searchAndScreenPop's queryParams reach the Visualforce page, and only it.
    expect(layoutPop(vf, ['x'], '0355550101', 'biztelCallId=BZ1')).toEqual({ type: 'url', params: { url: '/apex/CallerPage?phone=0355550101&biztelCallId=BZ1' } });
    expect(layoutPop(inbound, ['0035555000001AA'], '0355550101', 'biztelCallId=BZ1')).toEqual({ type: 'sobject', params: { recordId: '0035555000001AA' } });
    const flow = { ...inbound, screenPopSettings: { screenPopsOpenWithin: 'ExistingWindow' as const, MultipleMatches: { screenPopType: 'PopToFlow' as const, screenPopData: 'Pick_Caller' } } };
    expect(layoutPop(flow, ['x', 'y'], '0355550101')).toMatchObject({ type: 'flow', params: { flowDevName: 'Pick_Caller' } });
  });
});
