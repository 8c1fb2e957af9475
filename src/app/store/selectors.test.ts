import { describe, expect, it } from 'vitest';
import { TAKAHASHI, TANAKA, endedEntry } from '../testing/fake-host.test-support';
import { linkedRecordOf, recordChoices } from './selectors';

const CASE = { recordId: '5005555000001AA', name: '00001001 配送の遅れ' };

describe('the related-record choice', () => {
  it('shows the click-to-call record selected among the matches that share its number', () => {
    const entry = endedEntry({}, { records: [TAKAHASHI, TANAKA], contextRecord: { recordId: TANAKA.recordId, name: TANAKA.name } });
    expect(recordChoices(entry)).toEqual([TAKAHASHI, TANAKA]);
    expect(linkedRecordOf(entry)?.recordId).toBe(TANAKA.recordId);
  });

  it('lists the record the call came with first when the search did not find it, so the linked record is one to see', () => {
    const entry = endedEntry({}, { records: [TAKAHASHI, TANAKA], contextRecord: { recordId: CASE.recordId, name: CASE.name } });
    expect(recordChoices(entry)).toEqual([{ recordId: CASE.recordId, name: CASE.name, objectType: '' }, TAKAHASHI, TANAKA]);
    expect(linkedRecordOf(entry)).toEqual({ recordId: CASE.recordId, name: CASE.name });
  });

  it('adds nothing when the search found nothing or there is no such record', () => {
    expect(recordChoices(endedEntry({}, { records: [], contextRecord: { recordId: CASE.recordId, name: null } }))).toEqual([]);
    expect(recordChoices(endedEntry({}, { records: [TAKAHASHI] }))).toEqual([TAKAHASHI]);
  });
});
