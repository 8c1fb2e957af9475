/** Saves a value as a pretty-printed JSON file through the browser's download (QA attaches it to a bug report). */
export function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the browser has taken the file (a click starts the download asynchronously).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `biztel-<what>-<agent>-<time>.json`, with a time that sorts and is safe in file names. */
export function logFileName(what: string, user: string, at = new Date()): string {
  return `mock-cti-${what}-${user}-${at.toISOString().replace(/[:.]/g, '-')}.json`;
}
