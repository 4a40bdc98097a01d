import type { Playbook } from '../playbooks/index.js';
import type { RunEventEmitter } from './run-event-emitter.js';
import type { RunPlan } from './run-plan.js';
import type { AttemptRecord, RunLease, RunRecord, RunView, StoredEvent, ToolCallRecord } from './run-records.js';
import type { ListRunsQuery } from './store/index.js';

export interface StartRunRequest {
  /** Playbook id, path, or an already loaded playbook. */
  playbook: string | Playbook;
  inputs?: Record<string, unknown>;
  /** Context name or path; absent: the default context. */
  context?: string;
  /** Draft a missing or thin context with the marketing-context skill first. */
  draftContext?: boolean;
  /** Executor kind for skill steps. */
  executor?: string;
}

export interface RunDetails extends RunView {
  attempts: AttemptRecord[];
  toolCalls: ToolCallRecord[];
  events: StoredEvent[];
  lease: RunLease | undefined;
}

export interface Engine {
  readonly events: RunEventEmitter;
  /** Plans without running: what `mops plan` and `plan_campaign` show. */
  plan(request: StartRunRequest): Promise<RunPlan>;
  /** Creates the run and starts it; returns at once (use `waitForRun`). A context that falls short gives a `blocked` run. */
  startRun(request: StartRunRequest): Promise<RunView>;
  /** Continues a run that stopped (killed process, failure, block); finished steps are kept. */
  resumeRun(runId: string, options?: { executor?: string }): Promise<RunView>;
  cancelRun(runId: string, options?: { reason?: string }): Promise<RunView>;
  /** Gives a waiting (handoff) step its output and continues the run. */
  submitStepOutput(runId: string, stepId: string, output: string): Promise<RunView>;
  /** Approves a waiting approval step; only its named approver may. */
  approveStep(runId: string, stepId: string, approval: { approver: string; note?: string }): Promise<RunView>;
  getRun(runId: string): Promise<RunView>;
  getRunDetails(runId: string): Promise<RunDetails>;
  listRuns(query?: ListRunsQuery): Promise<RunRecord[]>;
  /** Resolves when the run stops moving here (done, failed, waiting, blocked, cancelled). */
  waitForRun(runId: string): Promise<RunView>;
  /** Stops heartbeats of runs still executing here (they stay resumable) and closes the store. */
  close(): Promise<void>;
}
