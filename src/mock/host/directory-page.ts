/** getDirectoryNumbers paging as Salesforce documents it: pages from 0, 5,000 numbers a page by default, 10,000 at most. */
export function directoryPage<T>(list: readonly T[], page: unknown, size: unknown): { directoryNumbers: T[]; hasNext: boolean } {
  const pageSize = Number.isInteger(size) && (size as number) > 0 ? Math.min(size as number, 10_000) : 5000;
  const from = (Number.isInteger(page) && (page as number) > 0 ? (page as number) : 0) * pageSize;
  return { directoryNumbers: list.slice(from, from + pageSize), hasNext: from + pageSize < list.length };
}
