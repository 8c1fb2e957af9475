import { describe, expect, it } from 'vitest';
import { directoryPage } from './directory-page';

describe("the mock Classic's getDirectoryNumbers pages", () => {
  const list = Array.from({ length: 12_001 }, (_, i) => i);

  it('answers 5,000 a page by default and says hasNext while more remain', () => {
    expect(directoryPage(list, undefined, undefined)).toMatchObject({ hasNext: true });
    expect(directoryPage(list, 0, undefined).directoryNumbers).toHaveLength(5000);
    expect(directoryPage(list, 2, 5000)).toEqual({ directoryNumbers: list.slice(10_000), hasNext: false });
  });

  it('caps the page size at 10,000 and ignores nonsense paging', () => {
    expect(directoryPage(list, 0, 50_000).directoryNumbers).toHaveLength(10_000);
    expect(directoryPage(list, -1, 'x').directoryNumbers[0]).toBe(0);
    expect(directoryPage(list, 9, 5000)).toEqual({ directoryNumbers: [], hasNext: false });
  });
});
