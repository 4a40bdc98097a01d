import type { RunRecordForHealth, StepRecordForHealth } from '../ops/health/run-record-for-health.js';
import { gateFailureCount } from './gate-step.js';
import type { RunStatus, StepStatus } from './run-records.js';
import type { ListRunsQuery, RunStore } from './store/index.js';

const RUN_STATUS: Record<RunStatus, RunRecordForHealth['status']> = {
  pending: 'pending',
  running: 'running',
  waiting: 'waiting',
  // A blocked run waits for someone to fix the context or the flagged outputs.
  blocked: 'waiting',
  done: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
};

const STEP_STATUS: Record<StepStatus, StepRecordForHealth['status']> = {
  pending: 'pending',
  running: 'running',
  waiting: 'waiting',
  done: 'completed',
  failed: 'failed',
  blocked: 'failed',
  skipped: 'skipped',
  cancelled: 'cancelled',
};

/**
 * The run store's runs in the shape the `workflow_health` ops tool reads
 * (`OpsDeps.listRunRecords`). QA defects are the errors gate tools reported, plus one
 * per step whose output was let through with a flagged contract violation.
 */
export async function listRunRecordsForHealth(store: RunStore, query: ListRunsQuery = {}): Promise<RunRecordForHealth[]> {
  const runs = await store.listRuns(query);
  return Promise.all(
    runs.map(async (run): Promise<RunRecordForHealth> => {
      const [steps, calls] = await Promise.all([store.listSteps(run.id), store.listToolCalls(run.id)]);
      return {
        id: run.id,
        playbookId: run.playbookId,
        status: RUN_STATUS[run.status],
        createdAt: run.createdAt,
        ...(run.startedAt && { startedAt: run.startedAt }),
        ...(run.finishedAt && { finishedAt: run.finishedAt }),
        steps: steps.map((step) => {
          const gateDefects = Math.max(0, ...calls.filter((c) => c.stepId === step.stepId).map((c) => gateFailureCount(c.result)));
          const flagged = step.error?.details?.flagged === true ? 1 : 0;
          return {
            id: step.stepId,
            status: STEP_STATUS[step.status],
            attempts: step.attempts,
            revisions: 0,
            qaDefects: gateDefects + flagged,
          };
        }),
      };
    }),
  );
}
