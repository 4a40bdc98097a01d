import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database, Statement } from 'better-sqlite3';
import { MopsError } from '../../errors/index.js';
import type { AttemptRecord, RunLease, RunRecord, StepRecord, StoredEvent, ToolCallRecord } from '../run-records.js';
import type {
  AttemptWrite,
  LeaseRequest,
  LeaseResult,
  ListRunsQuery,
  NewRun,
  NewToolCall,
  RunPatch,
  RunStore,
  RunWrite,
  StepPatch,
} from './run-store.js';
import { migrate } from './sqlite-schema.js';
import { buildRunRecord, buildStepRecords } from './store-records.js';
import {
  RUN_COLUMNS,
  STEP_COLUMNS,
  rowToAttempt,
  rowToEvent,
  rowToLease,
  rowToRun,
  rowToStep,
  rowToToolCall,
  toJson,
  type Row,
} from './sqlite-rows.js';

export interface SqliteRunStoreOptions {
  /** Path of the database file; its folder is created if needed. `:memory:` works too. */
  file: string;
  /**
   * How long a write waits for another process holding the lock before failing.
   * @default 5000
   */
  busyTimeoutMs?: number;
}

// Loaded with the first store opened: the native module costs a start that never opens
// one (`mops route`, an MCP server answering tools/list) tens of milliseconds.
let betterSqlite3: typeof BetterSqlite3 | undefined;
function loadBetterSqlite3(): typeof BetterSqlite3 {
  betterSqlite3 ??= createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  return betterSqlite3;
}

/**
 * The run store on one SQLite file, shared safely by several `mops` processes: WAL
 * journal, a busy timeout, every write in a transaction, statements prepared once.
 */
export class SqliteRunStore implements RunStore {
  readonly file: string;
  readonly #db: Database;
  readonly #patchStatements = new Map<string, Statement>();
  readonly #s: ReturnType<typeof prepareStatements>;
  /** One transaction wrapper for every write: better-sqlite3 prepares BEGIN/COMMIT per wrapper. */
  #transaction!: ReturnType<Database['transaction']>;

  constructor(options: SqliteRunStoreOptions) {
    this.file = options.file;
    try {
      if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
      this.#db = new (loadBetterSqlite3())(options.file);
      this.#db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = NORMAL');
      this.#db.pragma('foreign_keys = ON');
      migrate(this.#db, options.file);
      this.#s = prepareStatements(this.#db);
      this.#transaction = this.#db.transaction((work: () => unknown) => work());
    } catch (error) {
      throw asStoreError(error, `open the run store at ${options.file}`);
    }
  }

  async createRun(input: NewRun): Promise<void> {
    const run = buildRunRecord(input.run);
    const steps = buildStepRecords(run.id, input.steps);
    this.#tx(`create run ${run.id}`, () => {
      if (this.#s.runExists.get(run.id)) {
        throw new MopsError('STORE_ERROR', `A run with id "${run.id}" already exists; run ids must be unique.`);
      }
      this.#s.insertRun.run({
        id: run.id,
        playbook_id: run.playbookId,
        playbook_name: run.playbookName,
        context_name: run.contextName,
        inputs: toJson(run.inputs),
        executor: run.executor,
        status: run.status,
        created_at: run.createdAt,
        started_at: run.startedAt,
        finished_at: run.finishedAt,
        error: toJson(run.error),
        report: run.report,
      });
      this.#s.insertSnapshots.run(run.id, toJson(run.playbookSnapshot), toJson(run.contextSnapshot));
      for (const step of steps) {
        this.#s.insertStep.run({
          run_id: run.id,
          step_id: step.stepId,
          position: step.position,
          name: step.name,
          kind: step.kind,
          skill: step.skill,
          needs: JSON.stringify(step.needs),
          status: step.status,
        });
      }
    });
  }

  async getRun(runId: string): Promise<RunRecord | undefined> {
    const row = this.#read(() => this.#s.getRun.get(runId) as Row | undefined);
    return row ? rowToRun(row) : undefined;
  }

  async listRuns(query: ListRunsQuery = {}): Promise<RunRecord[]> {
    const rows = this.#read(
      () =>
        this.#s.listRuns.all({
          status: query.status ?? null,
          playbook_id: query.playbookId ?? null,
          limit: query.limit ?? -1,
        }) as Row[],
    );
    return rows.map(rowToRun);
  }

  async listSteps(runId: string): Promise<StepRecord[]> {
    return this.#read(() => this.#s.listSteps.all(runId) as Row[]).map(rowToStep);
  }

  async write(runId: string, change: RunWrite): Promise<void> {
    this.#tx(`update run ${runId}`, () => {
      if (!this.#s.runExists.get(runId)) {
        throw new MopsError('STORE_ERROR', `No run "${runId}" in the store.`, { details: { runId } });
      }
      if (change.run) {
        const { contextSnapshot, ...rest } = change.run;
        if (contextSnapshot !== undefined) this.#s.setContextSnapshot.run(toJson(contextSnapshot), runId);
        this.#patch('runs', RUN_COLUMNS, rest, { id: runId });
      }
      for (const { stepId, patch } of change.steps ?? []) {
        const changed = this.#patch('steps', STEP_COLUMNS, patch, { run_id: runId, step_id: stepId });
        if (changed === 0 && !this.#s.stepExists.get(runId, stepId)) throw unknownStep(runId, stepId);
      }
      for (const attempt of change.attempts ?? []) this.#writeAttempt(runId, attempt);
      for (const event of change.events ?? []) {
        this.#s.insertEvent.run(runId, event.stepId ?? null, event.type, event.at, JSON.stringify(event.data ?? {}));
      }
    });
  }

  async listAttempts(runId: string, stepId?: string): Promise<AttemptRecord[]> {
    const rows = this.#read(
      () => (stepId === undefined ? this.#s.listAttempts.all(runId) : this.#s.listStepAttempts.all(runId, stepId)) as Row[],
    );
    return rows.map(rowToAttempt);
  }

  async recordToolCall(call: NewToolCall): Promise<ToolCallRecord> {
    return this.#tx(`record tool call ${call.name}`, () => {
      if (!this.#s.stepExists.get(call.runId, call.stepId)) throw unknownStep(call.runId, call.stepId);
      const info = this.#s.insertToolCall.run(
        call.runId,
        call.stepId,
        call.attempt,
        call.name,
        JSON.stringify(call.input ?? null),
        JSON.stringify(call.result ?? null),
        call.startedAt,
        call.durationMs,
      );
      return rowToToolCall(this.#s.getToolCall.get(info.lastInsertRowid) as Row);
    });
  }

  async listToolCalls(runId: string, stepId?: string): Promise<ToolCallRecord[]> {
    const rows = this.#read(
      () =>
        (stepId === undefined ? this.#s.listToolCalls.all(runId) : this.#s.listStepToolCalls.all(runId, stepId)) as Row[],
    );
    return rows.map(rowToToolCall);
  }

  async listEvents(runId: string, options: { afterSeq?: number } = {}): Promise<StoredEvent[]> {
    return this.#read(() => this.#s.listEvents.all(runId, options.afterSeq ?? 0) as Row[]).map(rowToEvent);
  }

  async getLease(runId: string): Promise<RunLease | undefined> {
    const row = this.#read(() => this.#s.getLease.get(runId) as Row | undefined);
    if (!row) throw new MopsError('STORE_ERROR', `No run "${runId}" in the store.`, { details: { runId } });
    return rowToLease(row);
  }

  async acquireLease(runId: string, request: LeaseRequest): Promise<LeaseResult> {
    return this.#tx(`take the lease of run ${runId}`, (): LeaseResult => {
      const row = this.#s.getLease.get(runId) as Row | undefined;
      if (!row) throw new MopsError('STORE_ERROR', `No run "${runId}" in the store.`, { details: { runId } });
      const current = rowToLease(row);
      if (current && current.owner !== request.owner && !request.canTakeOver(current)) {
        return { acquired: false, holder: current };
      }
      this.#s.setLease.run(request.owner, request.pid, request.host, request.now, runId);
      return { acquired: true };
    });
  }

  async renewLease(runId: string, owner: string, now: string): Promise<boolean> {
    return this.#tx(`renew the lease of run ${runId}`, () => this.#s.renewLease.run(now, runId, owner).changes > 0);
  }

  async releaseLease(runId: string, owner: string): Promise<void> {
    this.#tx(`release the lease of run ${runId}`, () => this.#s.releaseLease.run(runId, owner));
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }

  #writeAttempt(runId: string, attempt: AttemptWrite): void {
    const existing = this.#s.getAttempt.get(runId, attempt.stepId, attempt.number) as Row | undefined;
    if (!existing) {
      if (!this.#s.stepExists.get(runId, attempt.stepId)) throw unknownStep(runId, attempt.stepId);
      this.#s.insertAttempt.run({
        run_id: runId,
        step_id: attempt.stepId,
        number: attempt.number,
        status: attempt.status,
        started_at: attempt.startedAt ?? '',
        finished_at: attempt.finishedAt ?? null,
        error: toJson(attempt.error ?? null),
        output: attempt.output ?? null,
        usage: toJson(attempt.usage ?? null),
      });
      return;
    }
    const { stepId, number, ...patch } = attempt;
    this.#patch(
      'attempts',
      { status: 'status', startedAt: 'started_at', finishedAt: 'finished_at', error: 'error:json', output: 'output', usage: 'usage:json' },
      patch,
      { run_id: runId, step_id: stepId, number },
    );
  }

  /** Updates only the given columns, with one cached prepared statement per column set. */
  #patch(
    table: string,
    columns: Record<string, string>,
    patch: RunPatch | StepPatch | Omit<AttemptWrite, 'stepId' | 'number'>,
    where: Record<string, string | number>,
  ): number {
    const keys = Object.keys(patch).filter((key) => (patch as Record<string, unknown>)[key] !== undefined);
    if (keys.length === 0) return 0;
    const cacheKey = `${table}:${keys.sort().join(',')}`;
    let statement = this.#patchStatements.get(cacheKey);
    if (!statement) {
      const sets = keys.map((key) => {
        const column = columns[key];
        if (!column) throw new MopsError('STORE_ERROR', `Cannot update "${key}" on ${table}.`);
        return `${column.split(':')[0]} = @${key}`;
      });
      const conditions = Object.keys(where).map((column) => `${column} = @where_${column}`);
      statement = this.#db.prepare(`UPDATE ${table} SET ${sets.join(', ')} WHERE ${conditions.join(' AND ')}`);
      this.#patchStatements.set(cacheKey, statement);
    }
    const params: Record<string, unknown> = {};
    for (const key of keys) {
      const value = (patch as Record<string, unknown>)[key];
      params[key] = columns[key]!.endsWith(':json') ? toJson(value) : value;
    }
    for (const [column, value] of Object.entries(where)) params[`where_${column}`] = value;
    return statement.run(params).changes;
  }

  #tx<T>(what: string, work: () => T): T {
    try {
      // IMMEDIATE: take the write lock up front so concurrent processes queue on busy_timeout
      // instead of failing half-way through a read-then-write.
      return this.#transaction.immediate(work) as T;
    } catch (error) {
      throw asStoreError(error, what);
    }
  }

  #read<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw asStoreError(error, `read ${this.file}`);
    }
  }
}

function prepareStatements(db: Database) {
  return {
    runExists: db.prepare('SELECT 1 FROM runs WHERE id = ?').pluck(),
    stepExists: db.prepare('SELECT 1 FROM steps WHERE run_id = ? AND step_id = ?').pluck(),
    insertRun: db.prepare(
      `INSERT INTO runs (id, playbook_id, playbook_name, context_name, inputs,
         executor, status, created_at, started_at, finished_at, error, report)
       VALUES (@id, @playbook_id, @playbook_name, @context_name, @inputs,
         @executor, @status, @created_at, @started_at, @finished_at, @error, @report)`,
    ),
    insertSnapshots: db.prepare('INSERT INTO run_snapshots (run_id, playbook_snapshot, context_snapshot) VALUES (?, ?, ?)'),
    setContextSnapshot: db.prepare('UPDATE run_snapshots SET context_snapshot = ? WHERE run_id = ?'),
    insertStep: db.prepare(
      `INSERT INTO steps (run_id, step_id, position, name, kind, skill, needs, status)
       VALUES (@run_id, @step_id, @position, @name, @kind, @skill, @needs, @status)`,
    ),
    getRun: db.prepare(
      `SELECT r.*, s.playbook_snapshot, s.context_snapshot FROM runs r JOIN run_snapshots s ON s.run_id = r.id WHERE r.id = ?`,
    ),
    listRuns: db.prepare(
      `SELECT r.*, s.playbook_snapshot, s.context_snapshot FROM runs r JOIN run_snapshots s ON s.run_id = r.id
       WHERE (@status IS NULL OR status = @status) AND (@playbook_id IS NULL OR playbook_id = @playbook_id)
       ORDER BY created_at DESC, id DESC LIMIT @limit`,
    ),
    listSteps: db.prepare('SELECT * FROM steps WHERE run_id = ? ORDER BY position'),
    getAttempt: db.prepare('SELECT * FROM attempts WHERE run_id = ? AND step_id = ? AND number = ?'),
    insertAttempt: db.prepare(
      `INSERT INTO attempts (run_id, step_id, number, status, started_at, finished_at, error, output, usage)
       VALUES (@run_id, @step_id, @number, @status, @started_at, @finished_at, @error, @output, @usage)`,
    ),
    listAttempts: db.prepare(
      `SELECT a.* FROM attempts a JOIN steps s ON s.run_id = a.run_id AND s.step_id = a.step_id
       WHERE a.run_id = ? ORDER BY s.position, a.number`,
    ),
    listStepAttempts: db.prepare('SELECT * FROM attempts WHERE run_id = ? AND step_id = ? ORDER BY number'),
    insertToolCall: db.prepare(
      `INSERT INTO tool_calls (run_id, step_id, attempt, name, input, result, started_at, duration_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    getToolCall: db.prepare('SELECT * FROM tool_calls WHERE id = ?'),
    listToolCalls: db.prepare('SELECT * FROM tool_calls WHERE run_id = ? ORDER BY id'),
    listStepToolCalls: db.prepare('SELECT * FROM tool_calls WHERE run_id = ? AND step_id = ? ORDER BY id'),
    insertEvent: db.prepare('INSERT INTO events (run_id, step_id, type, at, data) VALUES (?, ?, ?, ?, ?)'),
    listEvents: db.prepare('SELECT * FROM events WHERE run_id = ? AND seq > ? ORDER BY seq'),
    getLease: db.prepare('SELECT lease_owner, lease_pid, lease_host, lease_heartbeat_at FROM runs WHERE id = ?'),
    setLease: db.prepare(
      'UPDATE runs SET lease_owner = ?, lease_pid = ?, lease_host = ?, lease_heartbeat_at = ? WHERE id = ?',
    ),
    renewLease: db.prepare('UPDATE runs SET lease_heartbeat_at = ? WHERE id = ? AND lease_owner = ?'),
    releaseLease: db.prepare(
      `UPDATE runs SET lease_owner = NULL, lease_pid = NULL, lease_host = NULL, lease_heartbeat_at = NULL
       WHERE id = ? AND lease_owner = ?`,
    ),
  };
}

function unknownStep(runId: string, stepId: string): MopsError {
  return new MopsError('STORE_ERROR', `Run "${runId}" has no step "${stepId}".`, { details: { runId, stepId } });
}

function asStoreError(error: unknown, what: string): MopsError {
  if (error instanceof MopsError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new MopsError('STORE_ERROR', `Could not ${what}: ${reason}.`, { cause: error });
}
