import type { AgentToolCall } from '../executors/agent-tool-catalog.js';
import type { AttemptOutcome, StepHandoff } from './execute-attempt.js';
import type { StepStatus, StoredError } from './run-records.js';
import type { RunEvent } from './run-events.js';
import type { RunWrite } from './store/index.js';
import { toStoredError } from './to-stored-error.js';

export interface OutcomeWrite {
  /** The step and attempt rows to write, atomically with `events`. */
  change: Pick<RunWrite, 'steps' | 'attempts'>;
  events: RunEvent[];
  /** The step's status afterwards. */
  status: StepStatus;
  /** For a blocked step: the error to block the run with. */
  error?: StoredError;
}

/**
 * What the store records for an attempt's outcome. Pure. Every attempt keeps its output
 * and, when it broke the contract, the violations, so `mops show` can tell the story of
 * a repaired step; a flagged step keeps the violations or the handoff in its error.
 */
export function attemptOutcomeWrite(
  where: { runId: string; stepId: string; attempt: number; now: string; approver?: string },
  outcome: AttemptOutcome,
): OutcomeWrite {
  const { runId, stepId, attempt, now } = where;
  const at = { runId, at: now, stepId };
  switch (outcome.kind) {
    case 'waiting':
      return {
        change: {
          steps: [{ stepId, patch: { status: 'waiting', instructions: outcome.instructions } }],
          attempts: [{ stepId, number: attempt, status: 'waiting' }],
        },
        events: [{ type: 'step.waiting', ...at, reason: outcome.reason, ...(where.approver && outcome.reason === 'approval' && { approver: where.approver }) }],
        status: 'waiting',
      };
    case 'blocked': {
      const error = toStoredError(outcome.error);
      return {
        change: {
          steps: [{ stepId, patch: { status: 'blocked', output: outcome.output, finishedAt: now, error } }],
          attempts: [{ stepId, number: attempt, status: 'failed', finishedAt: now, error, output: outcome.output }],
        },
        events: [{ type: 'step.blocked', ...at, error }],
        status: 'blocked',
        error,
      };
    }
    case 'repair': {
      const error: StoredError = {
        code: 'CONTRACT_VIOLATION',
        message: `Attempt ${attempt} broke the output contract; the model was asked to repair it: ${outcome.problems.join(' ')}`,
        details: { problems: outcome.problems, repair: true },
      };
      const usage = outcome.usage ?? null;
      return {
        change: {
          steps: [{ stepId, patch: { status: 'pending', error, usage } }],
          attempts: [{ stepId, number: attempt, status: 'failed', finishedAt: now, error, output: outcome.output, usage }],
        },
        events: [{ type: 'step.repairing', ...at, attempt, problems: outcome.problems }],
        status: 'pending',
      };
    }
    case 'done': {
      const flag: StoredError | null = outcome.flagged
        ? {
            code: 'CONTRACT_VIOLATION',
            message: outcome.flagged,
            details: { flagged: true, ...(outcome.problems && { problems: outcome.problems }), ...(outcome.handoff && { handoff: outcome.handoff }) },
          }
        : null;
      const usage = outcome.usage ?? null;
      const events: RunEvent[] = outcome.handoff ? [handoffEvent(at, attempt, outcome.handoff)] : [];
      events.push({
        type: 'step.finished',
        ...at,
        attempt,
        ...(outcome.usage && { usage: outcome.usage }),
        ...(outcome.flagged && { flagged: outcome.flagged }),
      });
      return {
        change: {
          steps: [{ stepId, patch: { status: 'done', output: outcome.output, finishedAt: now, usage, error: flag } }],
          attempts: [{ stepId, number: attempt, status: 'done', finishedAt: now, output: outcome.output, usage }],
        },
        events,
        status: 'done',
      };
    }
  }
}

/** The `step.handoff` event for a failed attempt whose error carries a handoff, if any. */
export function handoffEventsOf(where: { runId: string; stepId: string; attempt: number; now: string }, error: StoredError): RunEvent[] {
  const handoff = error.details?.handoff as StepHandoff | undefined;
  if (!handoff || typeof handoff.to !== 'string' || typeof handoff.reason !== 'string') return [];
  return [handoffEvent({ runId: where.runId, at: where.now, stepId: where.stepId }, where.attempt, handoff)];
}

function handoffEvent(at: { runId: string; at: string; stepId: string }, attempt: number, handoff: StepHandoff): RunEvent {
  return { type: 'step.handoff', ...at, attempt, to: handoff.to, reason: handoff.reason };
}

/** A gate's ops tool run, as the tool call the store records. */
export function gateCall(name: string, startedAt: string, now: string, gate: { input: unknown; result: unknown }): AgentToolCall {
  return { name, input: gate.input, result: gate.result, startedAt, durationMs: Math.max(0, Date.parse(now) - Date.parse(startedAt)) };
}
