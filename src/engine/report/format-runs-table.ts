import type { RunRecord } from '../run-records.js';
import { elapsed } from './format-duration.js';
import { RUN_MARKS } from './status-marks.js';

/** `mops runs`: id, playbook, status, started, duration; newest first. */
export function formatRunsTable(runs: readonly RunRecord[], now: Date): string {
  if (runs.length === 0) return 'No runs yet. Start one with: mops run <playbook>\n';
  const rows = runs.map((run) => [
    run.id,
    run.playbookId,
    `${RUN_MARKS[run.status]} ${run.status}`,
    (run.startedAt ?? run.createdAt).replace('T', ' ').slice(0, 19),
    run.finishedAt || run.status === 'running' ? elapsed(run.startedAt ?? run.createdAt, run.finishedAt, now) : '-',
  ]);
  const header = ['ID', 'PLAYBOOK', 'STATUS', 'STARTED (UTC)', 'DURATION'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
