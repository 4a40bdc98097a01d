import type { RunStatus, StoredError, Usage } from './run-records.js';

/**
 * Every state change of a run, as a typed event. The engine writes each one to the
 * store's event log in the same transaction as the change, then emits it to subscribers
 * (the CLI's progress view, the MCP server's notifications).
 */
export type RunEvent =
  | { type: 'run.started'; runId: string; at: string; playbookId: string; resumed: boolean }
  | { type: 'run.waiting'; runId: string; at: string; waitingOn: string[] }
  | { type: 'run.finished'; runId: string; at: string }
  | { type: 'run.failed'; runId: string; at: string; error: StoredError }
  | { type: 'run.cancelled'; runId: string; at: string; reason: string }
  | { type: 'run.blocked'; runId: string; at: string; report: string; error: StoredError }
  | {
      type: 'step.started';
      runId: string;
      at: string;
      stepId: string;
      attempt: number;
      /** The attempt repairs the previous answer's contract violations. */
      repair?: boolean;
    }
  /** The answer broke the output contract; the model is asked to repair it (the next attempt). */
  | { type: 'step.repairing'; runId: string; at: string; stepId: string; attempt: number; problems: string[] }
  /** The step's agent said the request belongs to another skill. */
  | { type: 'step.handoff'; runId: string; at: string; stepId: string; attempt: number; to: string; reason: string }
  | {
      type: 'step.finished';
      runId: string;
      at: string;
      stepId: string;
      attempt: number;
      usage?: Usage;
      /** A contract violation the step was allowed to pass with (`on_contract_violation: flag`). */
      flagged?: string;
      /** For approval steps: who approved. */
      approvedBy?: string;
    }
  | { type: 'step.failed'; runId: string; at: string; stepId: string; attempt: number; error: StoredError }
  | {
      type: 'step.retrying';
      runId: string;
      at: string;
      stepId: string;
      attempt: number;
      delayMs: number;
      error: StoredError;
    }
  | { type: 'step.waiting'; runId: string; at: string; stepId: string; reason: 'handoff' | 'approval'; approver?: string }
  | { type: 'step.skipped'; runId: string; at: string; stepId: string; reason: string }
  | { type: 'step.cancelled'; runId: string; at: string; stepId: string }
  | { type: 'step.blocked'; runId: string; at: string; stepId: string; error: StoredError }
  | { type: 'step.interrupted'; runId: string; at: string; stepId: string; attempt: number };

export type RunEventType = RunEvent['type'];
export type RunEventOf<T extends RunEventType> = Extract<RunEvent, { type: T }>;

/** The run status an event leaves the run in, for events that change it. */
export const RUN_STATUS_AFTER: Partial<Record<RunEventType, RunStatus>> = {
  'run.started': 'running',
  'run.waiting': 'waiting',
  'run.finished': 'done',
  'run.failed': 'failed',
  'run.cancelled': 'cancelled',
  'run.blocked': 'blocked',
};

/** Splits an event into the store's event-log row shape. */
export function toEventWrite(event: RunEvent): { type: string; stepId: string | null; at: string; data: Record<string, unknown> } {
  const { type, runId: _runId, at, ...rest } = event;
  const stepId = 'stepId' in rest ? rest.stepId : null;
  const { stepId: _stepId, ...data } = rest as Record<string, unknown>;
  return { type, stepId, at, data };
}
