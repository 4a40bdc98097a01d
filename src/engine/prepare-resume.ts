import type { RunEvent } from './run-events.js';
import type { StepRecord } from './run-records.js';
import type { AttemptWrite, StepPatch } from './store/index.js';

export interface ResumePreparation {
  /** The step records as they will be after the write. */
  steps: StepRecord[];
  patches: { stepId: string; patch: StepPatch }[];
  attempts: AttemptWrite[];
  events: RunEvent[];
}

/**
 * What taking over a run changes, before any step runs again. Pure.
 * - `done` steps are kept with their outputs: never re-run.
 * - `running` steps lost their process: the attempt is recorded as interrupted and the
 *   step goes back to pending.
 * - `failed`, `skipped`, `cancelled` and `blocked` steps go back to pending.
 * - `waiting` skill steps are handed to the model when the run now has one; approvals and
 *   handoff waits stay waiting.
 */
export function prepareResume(runId: string, steps: StepRecord[], executorKind: string, now: string): ResumePreparation {
  const patches: ResumePreparation['patches'] = [];
  const attempts: AttemptWrite[] = [];
  const events: RunEvent[] = [];
  const next = steps.map((step): StepRecord => {
    switch (step.status) {
      case 'running': {
        const number = Math.max(1, step.attempts);
        attempts.push({ stepId: step.stepId, number, status: 'interrupted', startedAt: step.startedAt ?? now, finishedAt: now });
        events.push({ type: 'step.interrupted', runId, at: now, stepId: step.stepId, attempt: number });
        patches.push({ stepId: step.stepId, patch: { status: 'pending', attempts: number } });
        return { ...step, status: 'pending', attempts: number };
      }
      case 'failed':
      case 'skipped':
      case 'cancelled':
      case 'blocked': {
        const patch: StepPatch = { status: 'pending', error: null, finishedAt: null, ...(step.status === 'blocked' && { output: null }) };
        patches.push({ stepId: step.stepId, patch });
        return { ...step, ...patch } as StepRecord;
      }
      case 'waiting': {
        if (step.kind !== 'skill' || executorKind === 'handoff') return step;
        patches.push({ stepId: step.stepId, patch: { status: 'pending', instructions: null } });
        return { ...step, status: 'pending', instructions: null };
      }
      default:
        return step;
    }
  });
  return { steps: next, patches, attempts, events };
}
