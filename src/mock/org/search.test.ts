import { describe, expect, it } from 'vitest';
import { SEED_RECORDS } from './seed';
import { phoneMatches, searchRecords } from './search';

const ids = (query: string) => searchRecords(SEED_RECORDS, query).map((r) => r.Id);

describe('the fake org searches phone numbers as Salesforce does', () => {
  it.each(['03-5555-0101', '0355550101', '(03) 5555-0101', '０３－５５５５－０１０１', '+81 3-5555-0101', '+81 (0)3 5555 0101', '03 5555 0101'])(
    'finds 山田 太郎 by %s',
    (query) => {
      expect(ids(query)).toEqual(['0035555000001AA']);
    },
  );

  it('finds a number typed without its area code, but not a short fragment', () => {
    expect(ids('5555-0101')).toEqual(['0035555000001AA']);
    expect(ids('0101')).toEqual([]);
    expect(phoneMatches('03-5555-0101', '0455550101')).toBe(false);
  });

  it('searches every phone field (mobile, custom phone fields)', () => {
    expect(ids('090-1234-5678')).toEqual(['0035555000002AA']);
    expect(ids('045-222-1111')).toEqual(['a015555000001AA']);
  });

  it('returns every record sharing a number', () => {
    expect(ids('045-333-4444')).toEqual(['0035555000003AA', '0035555000004AA']);
  });

  it('matches names for text, and nothing for an empty (anonymous) search', () => {
    expect(ids('山田')).toEqual(['0035555000001AA']);
    expect(ids('テスト')).toEqual(['0015555000001AA']);
    expect(ids('')).toEqual([]);
    expect(ids('03-9999-0000')).toEqual([]);
  });
});
