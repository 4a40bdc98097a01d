import type { RunEvent } from './run-events.js';
import type { RunStatus, StepStatus, StoredError } from './run-records.js';
import type { RunPatch, StepPatch } from './store/index.js';

export interface SettleInput {
  runId: string;
  now: string;
  /** Steps in plan order with their current status. */
  steps: readonly { id: string; status: StepStatus }[];
  cancelReason?: string;
  failure?: StoredError;
  blocked?: { error: StoredError; report: string };
}

export interface SettleVerdict {
  status: RunStatus;
  run: RunPatch;
  steps: { stepId: string; patch: StepPatch }[];
  events: RunEvent[];
}

/**
 * How a run ends once nothing is in flight. Pure. Cancel wins, then failure, then a
 * block; otherwise the run is done when every step is, and waiting when some step
 * waits for a person. Steps that never got to run are skipped (or cancelled).
 */
export function settleVerdict(input: SettleInput): SettleVerdict {
  const { runId, now } = input;
  const open = input.steps.filter((s) => s.status === 'pending' || s.status === 'running');
  const leftovers = (steps: readonly { id: string }[], status: 'skipped' | 'cancelled', reason: string) => ({
    steps: steps.map((s) => ({ stepId: s.id, patch: { status, ...(status === 'cancelled' && { finishedAt: now }) } as StepPatch })),
    events: steps.map(
      (s): RunEvent =>
        status === 'cancelled' ? { type: 'step.cancelled', runId, at: now, stepId: s.id } : { type: 'step.skipped', runId, at: now, stepId: s.id, reason },
    ),
  });

  if (input.cancelReason !== undefined) {
    const left = leftovers(input.steps.filter((s) => ['pending', 'running', 'waiting'].includes(s.status)), 'cancelled', '');
    return {
      status: 'cancelled',
      run: { status: 'cancelled', finishedAt: now, error: { code: 'CANCELLED', message: input.cancelReason } },
      steps: left.steps,
      events: [...left.events, { type: 'run.cancelled', runId, at: now, reason: input.cancelReason }],
    };
  }
  if (input.failure) {
    const left = leftovers(open, 'skipped', 'not run: an earlier step failed');
    return {
      status: 'failed',
      run: { status: 'failed', finishedAt: now, error: input.failure },
      steps: left.steps,
      events: [...left.events, { type: 'run.failed', runId, at: now, error: input.failure }],
    };
  }
  if (input.blocked) {
    const left = leftovers(open, 'skipped', 'not run: the run was blocked');
    const { error, report } = input.blocked;
    return {
      status: 'blocked',
      run: { status: 'blocked', finishedAt: now, error, report },
      steps: left.steps,
      events: [...left.events, { type: 'run.blocked', runId, at: now, report, error }],
    };
  }
  if (input.steps.every((s) => s.status === 'done')) {
    return { status: 'done', run: { status: 'done', finishedAt: now }, steps: [], events: [{ type: 'run.finished', runId, at: now }] };
  }
  const waitingOn = input.steps.filter((s) => s.status === 'waiting').map((s) => s.id);
  return { status: 'waiting', run: { status: 'waiting' }, steps: [], events: [{ type: 'run.waiting', runId, at: now, waitingOn }] };
}
