import { MS_PER_HOUR, parseIsoTimestamp } from '../shared/dates.js';
import { median, percentile, round } from '../shared/stats.js';
import { z } from 'zod';
import { parseToolInput } from '../shared/parse-tool-input.js';
import { RunRecordForHealth } from './run-record-for-health.js';

type Run = z.output<typeof RunRecordForHealth>;

export interface PlaybookHealth {
  playbookId: string;
  runs: { total: number; completed: number; failed: number; cancelled: number; inProgress: number; overdue: number };
  /** completed ÷ (completed + failed + cancelled); null before any run finished. */
  successRate: number | null;
  /** Request → finish, completed runs only. */
  cycleTimeHours: { count: number; median: number | null; p90: number | null };
  /** Completed runs with a due date that finished by it. */
  onTime: { onTime: number; withDueDate: number; rate: number | null };
  /** Over steps that ran at least once: attempts beyond the first. */
  avgRetriesPerStep: number | null;
  avgRevisionsPerStep: number | null;
  /** Finished runs (completed or failed) with at least one QA defect. */
  qaDefectRate: number | null;
  defectsPerRun: number | null;
}

export interface WorkflowHealthResult {
  playbooks: PlaybookHealth[];
  /** Every playbook together. */
  overall: PlaybookHealth;
  now: string;
  notes: string[];
  definitions: Record<string, string>;
}

export const HEALTH_DEFINITIONS = {
  cycleTime: 'Hours from request (createdAt) to finish (finishedAt) of completed runs; median and 90th percentile (nearest rank).',
  onTimeRate: 'Share of completed runs with a due date that finished on or before it. Unfinished runs past their due date count as overdue.',
  retries: 'Average attempts beyond the first, over steps that ran at least once.',
  revisions: 'Average times a step output was sent back for changes, over steps that ran at least once.',
  qaDefectRate: 'Share of finished runs (completed or failed) in which a QA gate found at least one defect.',
  successRate: 'Completed runs out of all finished runs (completed, failed, cancelled).',
};

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : round(part / whole, 4));

function health(playbookId: string, runs: readonly Run[], nowMs: number, notes: string[]): PlaybookHealth {
  const counts = { total: runs.length, completed: 0, failed: 0, cancelled: 0, inProgress: 0, overdue: 0 };
  const cycle: number[] = [];
  let onTime = 0;
  let withDueDate = 0;
  let stepsRun = 0;
  let retries = 0;
  let revisions = 0;
  let withDefects = 0;
  let defects = 0;
  for (const run of runs) {
    const created = parseIsoTimestamp(run.createdAt) ?? 0;
    const finished = run.finishedAt ? parseIsoTimestamp(run.finishedAt) : undefined;
    const due = run.dueAt ? parseIsoTimestamp(run.dueAt) : undefined;
    if (run.status === 'completed') counts.completed += 1;
    else if (run.status === 'failed') counts.failed += 1;
    else if (run.status === 'cancelled') counts.cancelled += 1;
    else {
      counts.inProgress += 1;
      if (due !== undefined && due < nowMs) counts.overdue += 1;
    }
    if (run.status === 'completed') {
      if (finished === undefined) notes.push(`run ${run.id} is completed but has no finishedAt; left out of cycle time and on-time rate`);
      else if (finished < created) notes.push(`run ${run.id} finished before it was created; left out of cycle time`);
      else cycle.push((finished - created) / MS_PER_HOUR);
      if (due !== undefined && finished !== undefined) {
        withDueDate += 1;
        if (finished <= due) onTime += 1;
      }
    }
    let runDefects = 0;
    for (const step of run.steps) {
      runDefects += step.qaDefects;
      if (step.attempts < 1) continue;
      stepsRun += 1;
      retries += step.attempts - 1;
      revisions += step.revisions;
    }
    if (run.status === 'completed' || run.status === 'failed') {
      defects += runDefects;
      if (runDefects > 0) withDefects += 1;
    }
  }
  const finishedForQa = counts.completed + counts.failed;
  const med = median(cycle);
  const p90 = percentile(cycle, 90);
  return {
    playbookId,
    runs: counts,
    successRate: rate(counts.completed, counts.completed + counts.failed + counts.cancelled),
    cycleTimeHours: { count: cycle.length, median: med === undefined ? null : round(med), p90: p90 === undefined ? null : round(p90) },
    onTime: { onTime, withDueDate, rate: rate(onTime, withDueDate) },
    avgRetriesPerStep: rate(retries, stepsRun),
    avgRevisionsPerStep: rate(revisions, stepsRun),
    qaDefectRate: rate(withDefects, finishedForQa),
    defectsPerRun: rate(defects, finishedForQa),
  };
}

export interface WorkflowHealthOptions {
  now: Date;
  /** Only this playbook. */
  playbookId?: string | undefined;
  /** Only runs created at or after this moment (ISO). */
  since?: string | undefined;
}

const runsSchema = z.object({ runs: z.array(RunRecordForHealth) });

/**
 * Workflow health KPIs per playbook from run records: a pure function of its input.
 * Records are validated first; a bad one fails with its path (`runs[2].createdAt: ...`).
 */
export function computeWorkflowHealth(records: readonly RunRecordForHealth[], options: WorkflowHealthOptions): WorkflowHealthResult {
  const { runs } = parseToolInput(runsSchema, { runs: records }, 'workflow health');
  const sinceMs = options.since ? parseIsoTimestamp(options.since) : undefined;
  const selected = runs.filter(
    (run) => (options.playbookId === undefined || run.playbookId === options.playbookId) && (sinceMs === undefined || (parseIsoTimestamp(run.createdAt) ?? 0) >= sinceMs),
  );
  const byPlaybook = new Map<string, Run[]>();
  for (const run of selected) byPlaybook.set(run.playbookId, [...(byPlaybook.get(run.playbookId) ?? []), run]);
  const notes: string[] = [];
  const nowMs = options.now.getTime();
  const playbooks = [...byPlaybook.keys()].sort().map((id) => health(id, byPlaybook.get(id) ?? [], nowMs, notes));
  const overall = health('(all)', selected, nowMs, []);
  if (selected.length === 0) notes.push(runs.length === 0 ? 'no runs yet' : 'no runs match the filters');
  return { playbooks, overall, now: options.now.toISOString(), notes, definitions: HEALTH_DEFINITIONS };
}
