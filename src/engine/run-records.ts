import { z } from 'zod';

/**
 * The persisted shape of runs, steps, attempts, tool calls and events.
 * These zod schemas are the single source of truth: the store, the CLI's `--json`
 * output and the MCP server's `outputSchema` all derive from them.
 */

export const RUN_STATUSES = ['pending', 'running', 'waiting', 'done', 'failed', 'cancelled', 'blocked'] as const;
export const runStatusSchema = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof runStatusSchema>;

export const STEP_STATUSES = [
  'pending',
  'running',
  'waiting',
  'done',
  'failed',
  'skipped',
  'cancelled',
  'blocked',
] as const;
export const stepStatusSchema = z.enum(STEP_STATUSES);
export type StepStatus = z.infer<typeof stepStatusSchema>;

/** Run statuses after which nothing happens without a user acting (resume, submit, approve). */
export const SETTLED_RUN_STATUSES: ReadonlySet<RunStatus> = new Set(['waiting', 'done', 'failed', 'cancelled', 'blocked']);

export const ATTEMPT_STATUSES = ['running', 'done', 'waiting', 'failed', 'cancelled', 'interrupted'] as const;
export const attemptStatusSchema = z.enum(ATTEMPT_STATUSES);
export type AttemptStatus = z.infer<typeof attemptStatusSchema>;

export const usageSchema = z.object({
  inputTokens: z.number().int().nonnegative().optional(),
  outputTokens: z.number().int().nonnegative().optional(),
});
export type Usage = z.infer<typeof usageSchema>;

/** An error as stored: the typed code, the message and the facts needed to act. */
export const storedErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type StoredError = z.infer<typeof storedErrorSchema>;

export const STEP_KINDS = ['skill', 'gate', 'approval'] as const;
export const stepKindSchema = z.enum(STEP_KINDS);
export type StepKind = z.infer<typeof stepKindSchema>;

export const runRecordSchema = z.object({
  id: z.string(),
  playbookId: z.string(),
  playbookName: z.string(),
  /** The playbook as it was when the run started, so a resume never depends on the file. */
  playbookSnapshot: z.unknown(),
  contextName: z.string().nullable(),
  /** The context as it was when the run started (null when there was none). */
  contextSnapshot: z.unknown(),
  inputs: z.record(z.string(), z.unknown()),
  /** Executor kind for skill steps (openai, handoff, sampling). */
  executor: z.string(),
  status: runStatusSchema,
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: storedErrorSchema.nullable(),
  /** Why a run is blocked (context report, failed gate), as readable text. */
  report: z.string().nullable(),
});
export type RunRecord = z.infer<typeof runRecordSchema>;

export const stepRecordSchema = z.object({
  runId: z.string(),
  stepId: z.string(),
  /** Position in the plan's order, so listings keep the playbook's sequence. */
  position: z.number().int(),
  name: z.string(),
  kind: stepKindSchema,
  skill: z.string().nullable(),
  needs: z.array(z.string()),
  status: stepStatusSchema,
  /** The step's `with:` inputs after template rendering (null until it starts). */
  inputs: z.record(z.string(), z.unknown()).nullable(),
  output: z.string().nullable(),
  /** For a waiting step: what the person or client has to do (handoff instructions). */
  instructions: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  error: storedErrorSchema.nullable(),
  usage: usageSchema.nullable(),
});
export type StepRecord = z.infer<typeof stepRecordSchema>;

export const attemptRecordSchema = z.object({
  runId: z.string(),
  stepId: z.string(),
  number: z.number().int().positive(),
  status: attemptStatusSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: storedErrorSchema.nullable(),
  output: z.string().nullable(),
  usage: usageSchema.nullable(),
});
export type AttemptRecord = z.infer<typeof attemptRecordSchema>;

export const toolCallRecordSchema = z.object({
  id: z.number().int(),
  runId: z.string(),
  stepId: z.string(),
  attempt: z.number().int().positive(),
  name: z.string(),
  input: z.unknown(),
  result: z.unknown(),
  startedAt: z.string(),
  durationMs: z.number().nonnegative(),
});
export type ToolCallRecord = z.infer<typeof toolCallRecordSchema>;

export const storedEventSchema = z.object({
  seq: z.number().int(),
  runId: z.string(),
  stepId: z.string().nullable(),
  type: z.string(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type StoredEvent = z.infer<typeof storedEventSchema>;

/** Who is executing a run right now (one process at a time). */
export const runLeaseSchema = z.object({
  owner: z.string(),
  pid: z.number().int(),
  host: z.string(),
  heartbeatAt: z.string(),
});
export type RunLease = z.infer<typeof runLeaseSchema>;

/** A run with its steps: what `getRun`, `mops show --json` and `get_run` return. */
export const runViewSchema = z.object({
  run: runRecordSchema,
  steps: z.array(stepRecordSchema),
});
export type RunView = z.infer<typeof runViewSchema>;
