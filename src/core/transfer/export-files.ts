// Export file names: made by the engine only, so a name that does not match is none of its files
// (browser mode's /exports route serves nothing else, which also rules out any path in a name).

/** What an export file's name looks like: what, when (UTC), a piece of the job id, the format. */
export const EXPORT_FILE_NAME =
  /^channel-desk-(calendar|archive|all)-\d{8}-\d{6}-[0-9a-f]{8}\.(csv|json)$/;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `channel-desk-calendar-20300304-093000-1a2b3c4d.csv` */
export function exportFileName(
  what: 'calendar' | 'archive' | 'all',
  format: 'csv' | 'json',
  at: Date,
  jobId: string,
): string {
  const day = `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`;
  const time = `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`;
  return `channel-desk-${what}-${day}-${time}-${jobId.replace(/-/g, '').slice(0, 8)}.${format}`;
}

/** Whether a requested name is one of the engine's export files (never a path). */
export function isExportFileName(name: string): boolean {
  return EXPORT_FILE_NAME.test(name);
}
