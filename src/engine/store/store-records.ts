import type { AttemptRecord, RunRecord, StepRecord } from '../run-records.js';
import type { AttemptWrite, NewRun } from './run-store.js';

/** Shared record-building rules, so both stores fill defaults the same way. */

export function buildRunRecord(run: NewRun['run']): RunRecord {
  return {
    ...run,
    contextSnapshot: run.contextSnapshot ?? null,
    status: run.status ?? 'pending',
    startedAt: run.startedAt ?? null,
    finishedAt: run.finishedAt ?? null,
    error: run.error ?? null,
    report: run.report ?? null,
  };
}

export function buildStepRecords(runId: string, steps: NewRun['steps']): StepRecord[] {
  return steps.map((step, position) => ({
    runId,
    stepId: step.stepId,
    position,
    name: step.name,
    kind: step.kind,
    skill: step.skill,
    needs: step.needs,
    status: step.status ?? 'pending',
    inputs: null,
    output: null,
    instructions: null,
    startedAt: null,
    finishedAt: null,
    attempts: 0,
    error: null,
    usage: null,
  }));
}

export function applyAttemptWrite(runId: string, attempts: AttemptRecord[], write: AttemptWrite): AttemptRecord[] {
  const index = attempts.findIndex((a) => a.stepId === write.stepId && a.number === write.number);
  if (index < 0) {
    const record: AttemptRecord = {
      runId,
      stepId: write.stepId,
      number: write.number,
      status: write.status,
      startedAt: write.startedAt ?? '',
      finishedAt: write.finishedAt ?? null,
      error: write.error ?? null,
      output: write.output ?? null,
      usage: write.usage ?? null,
    };
    return [...attempts, record];
  }
  const current = attempts[index]!;
  const updated: AttemptRecord = {
    ...current,
    status: write.status,
    ...(write.startedAt !== undefined && { startedAt: write.startedAt }),
    ...(write.finishedAt !== undefined && { finishedAt: write.finishedAt }),
    ...(write.error !== undefined && { error: write.error }),
    ...(write.output !== undefined && { output: write.output }),
    ...(write.usage !== undefined && { usage: write.usage }),
  };
  return attempts.map((a, i) => (i === index ? updated : a));
}

export function compareRunsNewestFirst(a: RunRecord, b: RunRecord): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
