import { approverOf } from '../submitted-output.js';
import type { RunView } from '../run-records.js';
import { elapsed } from './format-duration.js';
import { RUN_MARKS } from './status-marks.js';

/**
 * What to tell the user when a run stops moving: the verdict, and the exact commands
 * that continue it (submit, approve, resume) or show more.
 */
export function formatRunOutcome(view: RunView, now: Date): string {
  const { run, steps } = view;
  const lines: string[] = [];
  const done = steps.filter((s) => s.status === 'done').length;
  const took = elapsed(run.startedAt ?? run.createdAt, run.finishedAt, now);
  switch (run.status) {
    case 'done':
      lines.push(`${RUN_MARKS.done} Run ${run.id} finished: ${done} of ${steps.length} steps done in ${took}.`);
      lines.push(`  Outputs: mops show ${run.id}`);
      break;
    case 'waiting': {
      const waiting = steps.filter((s) => s.status === 'waiting');
      lines.push(`${RUN_MARKS.waiting} Run ${run.id} is waiting (${done} of ${steps.length} steps done).`);
      for (const step of waiting) {
        if (step.kind === 'approval') {
          const approver = approverOf(run, step.stepId);
          lines.push(`  - ${step.stepId} needs approval by ${approver}:`, `      mops approve ${run.id} ${step.stepId} --as ${approver}`);
        } else {
          lines.push(
            `  - ${step.stepId} (${step.skill}) needs its output:`,
            `      mops show ${run.id}            # the full instructions for this step`,
            `      mops submit ${run.id} ${step.stepId} --file out.md`,
          );
        }
      }
      break;
    }
    case 'failed': {
      const failed = steps.find((s) => s.status === 'failed');
      lines.push(`${RUN_MARKS.failed} Run ${run.id} failed${failed ? ` at step ${failed.stepId}` : ''}: ${run.error?.message ?? 'unknown error'}`);
      lines.push(`  Finished steps are kept. After fixing the cause: mops resume ${run.id}`);
      break;
    }
    case 'blocked':
      lines.push(`${RUN_MARKS.blocked} Run ${run.id} is blocked.`);
      lines.push(...(run.report ?? run.error?.message ?? '').split('\n').map((line) => `  ${line}`));
      lines.push(`  After fixing it: mops resume ${run.id}`);
      break;
    case 'cancelled':
      lines.push(`${RUN_MARKS.cancelled} Run ${run.id} was cancelled (${done} of ${steps.length} steps done).`);
      break;
    default:
      lines.push(`${RUN_MARKS[run.status]} Run ${run.id} is ${run.status}. Follow it with: mops show ${run.id}`);
  }
  return lines.join('\n') + '\n';
}

/** Exit code for a settled run: 0 done or waiting, 1 failed or blocked, 130 cancelled. */
export function exitCodeForRun(view: RunView): number {
  switch (view.run.status) {
    case 'done':
    case 'waiting':
      return 0;
    case 'cancelled':
      return 130;
    default:
      return 1;
  }
}
