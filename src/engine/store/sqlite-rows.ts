import type {
  AttemptRecord,
  RunLease,
  RunRecord,
  StepRecord,
  StoredEvent,
  ToolCallRecord,
} from '../run-records.js';

/** Row ↔ record mapping for the SQLite store. JSON columns are marked `:json`. */

export type Row = Record<string, unknown>;

export const RUN_COLUMNS: Record<string, string> = {
  status: 'status',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
  error: 'error:json',
  report: 'report',
  executor: 'executor',
};

export const STEP_COLUMNS: Record<string, string> = {
  status: 'status',
  inputs: 'inputs:json',
  output: 'output',
  instructions: 'instructions',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
  attempts: 'attempts',
  error: 'error:json',
  usage: 'usage:json',
};

/** JSON text for a value; null (SQL NULL) for null or undefined. */
export function toJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

function fromJson<T>(value: unknown): T | null {
  return typeof value === 'string' ? (JSON.parse(value) as T) : null;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A property parsed from JSON on first read: most reads of a run only want its status. */
function lazyJson<T extends object>(target: T, key: string, json: unknown): void {
  let parsed: unknown;
  let done = false;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!done) {
        parsed = fromJson(json);
        done = true;
      }
      return parsed;
    },
    set: (value: unknown) => {
      parsed = value;
      done = true;
    },
  });
}

export function rowToRun(row: Row): RunRecord {
  // The playbook and context snapshots are the run's largest values.
  const run = {
    id: row.id as string,
    playbookId: row.playbook_id as string,
    playbookName: row.playbook_name as string,
    contextName: text(row.context_name),
    inputs: fromJson<Record<string, unknown>>(row.inputs) ?? {},
    executor: row.executor as string,
    status: row.status as RunRecord['status'],
    createdAt: row.created_at as string,
    startedAt: text(row.started_at),
    finishedAt: text(row.finished_at),
    error: fromJson(row.error),
    report: text(row.report),
  } as RunRecord;
  lazyJson(run, 'playbookSnapshot', row.playbook_snapshot);
  lazyJson(run, 'contextSnapshot', row.context_snapshot);
  return run;
}

export function rowToStep(row: Row): StepRecord {
  return {
    runId: row.run_id as string,
    stepId: row.step_id as string,
    position: row.position as number,
    name: row.name as string,
    kind: row.kind as StepRecord['kind'],
    skill: text(row.skill),
    needs: fromJson<string[]>(row.needs) ?? [],
    status: row.status as StepRecord['status'],
    inputs: fromJson(row.inputs),
    output: text(row.output),
    instructions: text(row.instructions),
    startedAt: text(row.started_at),
    finishedAt: text(row.finished_at),
    attempts: row.attempts as number,
    error: fromJson(row.error),
    usage: fromJson(row.usage),
  };
}

export function rowToAttempt(row: Row): AttemptRecord {
  return {
    runId: row.run_id as string,
    stepId: row.step_id as string,
    number: row.number as number,
    status: row.status as AttemptRecord['status'],
    startedAt: row.started_at as string,
    finishedAt: text(row.finished_at),
    error: fromJson(row.error),
    output: text(row.output),
    usage: fromJson(row.usage),
  };
}

export function rowToToolCall(row: Row): ToolCallRecord {
  return {
    id: row.id as number,
    runId: row.run_id as string,
    stepId: row.step_id as string,
    attempt: row.attempt as number,
    name: row.name as string,
    input: fromJson(row.input),
    result: fromJson(row.result),
    startedAt: row.started_at as string,
    durationMs: row.duration_ms as number,
  };
}

export function rowToEvent(row: Row): StoredEvent {
  return {
    seq: row.seq as number,
    runId: row.run_id as string,
    stepId: text(row.step_id),
    type: row.type as string,
    at: row.at as string,
    data: fromJson<Record<string, unknown>>(row.data) ?? {},
  };
}

export function rowToLease(row: Row): RunLease | undefined {
  if (typeof row.lease_owner !== 'string') return undefined;
  return {
    owner: row.lease_owner,
    pid: row.lease_pid as number,
    host: row.lease_host as string,
    heartbeatAt: row.lease_heartbeat_at as string,
  };
}
