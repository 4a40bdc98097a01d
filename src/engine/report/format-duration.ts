/** "850ms", "4.2s", "3m 05s", "1h 02m": short and readable in tables and progress lines. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '-';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 3600) return `${Math.floor(totalSeconds / 60)}m ${String(totalSeconds % 60).padStart(2, '0')}s`;
  const minutes = Math.floor(totalSeconds / 60);
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** Time between two ISO timestamps (the end defaults to `now`). */
export function elapsed(startIso: string | null, endIso: string | null, now: Date): string {
  if (!startIso) return '-';
  const end = endIso ? Date.parse(endIso) : now.getTime();
  return formatDuration(end - Date.parse(startIso));
}
