import { describe, expect, it } from 'vitest';
import { FakeOrg } from './org';

describe('the fake org', () => {
  it("gives each search result the record's own LastModifiedDate", () => {
    const org = new FakeOrg('http://localhost:8000/');
    const found = org.search('045-333-4444', 'inbound');
    const map = org.resultMap(found, 'inbound');
    const dates = found.map((r) => map[r.Id]?.LastModifiedDate);
    expect(dates).toEqual(found.map((r) => r.LastModifiedDate));
    expect(new Set(dates).size).toBe(2); // two Contacts, two different dates
  });
});
