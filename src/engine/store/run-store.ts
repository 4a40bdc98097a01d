import type {
  AttemptRecord,
  AttemptStatus,
  RunLease,
  RunRecord,
  RunStatus,
  StepRecord,
  StepStatus,
  StoredError,
  StoredEvent,
  ToolCallRecord,
  Usage,
} from '../run-records.js';

/** A new run and its steps, written together. */
export interface NewRun {
  run: Omit<RunRecord, 'status' | 'startedAt' | 'finishedAt' | 'error' | 'report'> &
    Partial<Pick<RunRecord, 'status' | 'startedAt' | 'finishedAt' | 'error' | 'report'>>;
  steps: Array<
    Pick<StepRecord, 'stepId' | 'name' | 'kind' | 'skill' | 'needs'> & Partial<Pick<StepRecord, 'status'>>
  >;
}

export type RunPatch = Partial<
  Pick<RunRecord, 'status' | 'startedAt' | 'finishedAt' | 'error' | 'report' | 'executor' | 'contextSnapshot'>
>;

export type StepPatch = Partial<
  Pick<
    StepRecord,
    'status' | 'inputs' | 'output' | 'instructions' | 'startedAt' | 'finishedAt' | 'attempts' | 'error' | 'usage'
  >
>;

/** Inserts an attempt, or updates the one with the same (step, number). */
export interface AttemptWrite {
  stepId: string;
  number: number;
  status: AttemptStatus;
  startedAt?: string;
  finishedAt?: string | null;
  error?: StoredError | null;
  output?: string | null;
  usage?: Usage | null;
}

export interface EventWrite {
  type: string;
  stepId?: string | null;
  at: string;
  data?: Record<string, unknown>;
}

/**
 * One state change of a run, applied atomically: the run and step updates, the
 * attempt rows and the events that describe them either all land or none do.
 */
export interface RunWrite {
  run?: RunPatch;
  steps?: Array<{ stepId: string; patch: StepPatch }>;
  attempts?: AttemptWrite[];
  events?: EventWrite[];
}

export interface NewToolCall {
  runId: string;
  stepId: string;
  attempt: number;
  name: string;
  input: unknown;
  result: unknown;
  startedAt: string;
  durationMs: number;
}

export interface ListRunsQuery {
  status?: RunStatus;
  playbookId?: string;
  /** Newest first; at most this many. */
  limit?: number;
}

export interface LeaseRequest {
  owner: string;
  pid: number;
  host: string;
  now: string;
  /**
   * Decides whether a lease held by someone else may be taken over (its owner died or
   * stopped heart-beating). Called inside the store's transaction.
   */
  canTakeOver: (current: RunLease) => boolean;
}

export type LeaseResult = { acquired: true } | { acquired: false; holder: RunLease };

/**
 * Where runs live. Every method is atomic. Implementations: `SqliteRunStore` (shared
 * between processes through one file) and `MemoryRunStore` (tests, embedding); both
 * pass the same conformance suite.
 */
export interface RunStore {
  /** Creates a run and its steps (status `pending` unless given). Fails if the id exists. */
  createRun(input: NewRun): Promise<void>;
  getRun(runId: string): Promise<RunRecord | undefined>;
  /** Newest first (by creation time, then id). */
  listRuns(query?: ListRunsQuery): Promise<RunRecord[]>;
  /** Steps in plan order. */
  listSteps(runId: string): Promise<StepRecord[]>;
  /** Applies one state change atomically. Fails with STORE_ERROR for an unknown run or step. */
  write(runId: string, change: RunWrite): Promise<void>;
  listAttempts(runId: string, stepId?: string): Promise<AttemptRecord[]>;
  recordToolCall(call: NewToolCall): Promise<ToolCallRecord>;
  listToolCalls(runId: string, stepId?: string): Promise<ToolCallRecord[]>;
  /** Events in the order they were written; `afterSeq` skips those already seen. */
  listEvents(runId: string, options?: { afterSeq?: number }): Promise<StoredEvent[]>;
  getLease(runId: string): Promise<RunLease | undefined>;
  /** Takes the run's lease when it is free, already ours, or `canTakeOver` allows it. */
  acquireLease(runId: string, request: LeaseRequest): Promise<LeaseResult>;
  /** Refreshes our heartbeat; false when the lease is no longer ours. */
  renewLease(runId: string, owner: string, now: string): Promise<boolean>;
  /** Gives the lease up if it is ours. */
  releaseLease(runId: string, owner: string): Promise<void>;
  close(): Promise<void>;
}

/** Step statuses as the store records them (re-exported for implementers). */
export type { StepStatus, RunStatus };
