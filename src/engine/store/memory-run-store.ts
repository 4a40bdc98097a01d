import { MopsError } from '../../errors/index.js';
import type { AttemptRecord, RunLease, RunRecord, StepRecord, StoredEvent, ToolCallRecord } from '../run-records.js';
import type {
  LeaseRequest,
  LeaseResult,
  ListRunsQuery,
  NewRun,
  NewToolCall,
  RunStore,
  RunWrite,
} from './run-store.js';
import { applyAttemptWrite, buildRunRecord, buildStepRecords, compareRunsNewestFirst } from './store-records.js';

interface RunEntry {
  run: RunRecord;
  steps: StepRecord[];
  attempts: AttemptRecord[];
  toolCalls: ToolCallRecord[];
  events: StoredEvent[];
  lease?: RunLease;
}

/**
 * A run store in process memory. Values are copied in and out, so callers can never
 * change stored state by mutating what they passed or received.
 */
export class MemoryRunStore implements RunStore {
  readonly #runs = new Map<string, RunEntry>();
  #nextToolCallId = 1;
  #nextSeq = 1;

  async createRun(input: NewRun): Promise<void> {
    if (this.#runs.has(input.run.id)) {
      throw new MopsError('STORE_ERROR', `A run with id "${input.run.id}" already exists; run ids must be unique.`);
    }
    const run = buildRunRecord(structuredClone(input.run));
    // Snapshots never change after creation: freeze them once and share them on reads.
    deepFreeze(run.playbookSnapshot);
    deepFreeze(run.contextSnapshot);
    this.#runs.set(run.id, {
      run,
      steps: buildStepRecords(run.id, structuredClone(input.steps)),
      attempts: [],
      toolCalls: [],
      events: [],
    });
  }

  async getRun(runId: string): Promise<RunRecord | undefined> {
    const entry = this.#runs.get(runId);
    return entry ? copyRun(entry.run) : undefined;
  }

  async listRuns(query: ListRunsQuery = {}): Promise<RunRecord[]> {
    let runs = [...this.#runs.values()].map((entry) => entry.run);
    if (query.status) runs = runs.filter((run) => run.status === query.status);
    if (query.playbookId) runs = runs.filter((run) => run.playbookId === query.playbookId);
    runs.sort(compareRunsNewestFirst);
    if (query.limit !== undefined) runs = runs.slice(0, query.limit);
    return runs.map(copyRun);
  }

  async listSteps(runId: string): Promise<StepRecord[]> {
    return structuredClone(this.#runs.get(runId)?.steps ?? []);
  }

  async write(runId: string, change: RunWrite): Promise<void> {
    const entry = this.#entry(runId);
    // Validate everything first so a bad step id leaves the run untouched (atomicity).
    const stepIndexes = (change.steps ?? []).map(({ stepId }) => this.#stepIndex(entry, stepId));
    for (const attempt of change.attempts ?? []) this.#stepIndex(entry, attempt.stepId);
    const next = structuredClone(change);
    if (next.run) {
      entry.run = { ...entry.run, ...next.run };
      if (next.run.contextSnapshot !== undefined) deepFreeze(entry.run.contextSnapshot);
    }
    (next.steps ?? []).forEach(({ patch }, i) => {
      const index = stepIndexes[i]!;
      entry.steps[index] = { ...entry.steps[index]!, ...patch };
    });
    for (const attempt of next.attempts ?? []) {
      entry.attempts = applyAttemptWrite(runId, entry.attempts, attempt);
    }
    for (const event of next.events ?? []) {
      entry.events.push({ seq: this.#nextSeq++, runId, stepId: event.stepId ?? null, type: event.type, at: event.at, data: event.data ?? {} });
    }
  }

  async listAttempts(runId: string, stepId?: string): Promise<AttemptRecord[]> {
    const entry = this.#runs.get(runId);
    if (!entry) return [];
    const position = new Map(entry.steps.map((step) => [step.stepId, step.position]));
    const attempts = entry.attempts
      .filter((a) => stepId === undefined || a.stepId === stepId)
      .sort((a, b) => position.get(a.stepId)! - position.get(b.stepId)! || a.number - b.number);
    return structuredClone(attempts);
  }

  async recordToolCall(call: NewToolCall): Promise<ToolCallRecord> {
    const entry = this.#entry(call.runId);
    this.#stepIndex(entry, call.stepId);
    const record: ToolCallRecord = { id: this.#nextToolCallId++, ...structuredClone(call) };
    entry.toolCalls.push(record);
    return structuredClone(record);
  }

  async listToolCalls(runId: string, stepId?: string): Promise<ToolCallRecord[]> {
    const calls = this.#runs.get(runId)?.toolCalls ?? [];
    return structuredClone(stepId === undefined ? calls : calls.filter((c) => c.stepId === stepId));
  }

  async listEvents(runId: string, options: { afterSeq?: number } = {}): Promise<StoredEvent[]> {
    const after = options.afterSeq ?? 0;
    return structuredClone((this.#runs.get(runId)?.events ?? []).filter((e) => e.seq > after));
  }

  async getLease(runId: string): Promise<RunLease | undefined> {
    const lease = this.#entry(runId).lease;
    return lease ? { ...lease } : undefined;
  }

  async acquireLease(runId: string, request: LeaseRequest): Promise<LeaseResult> {
    const entry = this.#entry(runId);
    const current = entry.lease;
    if (current && current.owner !== request.owner && !request.canTakeOver({ ...current })) {
      return { acquired: false, holder: { ...current } };
    }
    entry.lease = { owner: request.owner, pid: request.pid, host: request.host, heartbeatAt: request.now };
    return { acquired: true };
  }

  async renewLease(runId: string, owner: string, now: string): Promise<boolean> {
    const entry = this.#entry(runId);
    if (entry.lease?.owner !== owner) return false;
    entry.lease = { ...entry.lease, heartbeatAt: now };
    return true;
  }

  async releaseLease(runId: string, owner: string): Promise<void> {
    const entry = this.#runs.get(runId);
    if (entry?.lease?.owner === owner) entry.lease = undefined;
  }

  async close(): Promise<void> {}

  #entry(runId: string): RunEntry {
    const entry = this.#runs.get(runId);
    if (!entry) throw new MopsError('STORE_ERROR', `No run "${runId}" in the store.`, { details: { runId } });
    return entry;
  }

  #stepIndex(entry: RunEntry, stepId: string): number {
    const index = entry.steps.findIndex((step) => step.stepId === stepId);
    if (index < 0) {
      throw new MopsError('STORE_ERROR', `Run "${entry.run.id}" has no step "${stepId}".`, {
        details: { runId: entry.run.id, stepId },
      });
    }
    return index;
  }
}

/** A copy of a run record whose mutable parts are cloned and frozen snapshots shared. */
function copyRun(run: RunRecord): RunRecord {
  const { playbookSnapshot, contextSnapshot, ...rest } = run;
  return { ...structuredClone(rest), playbookSnapshot, contextSnapshot };
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
