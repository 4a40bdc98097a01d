export * from './run-records.js';
export type { RunEvent, RunEventType, RunEventOf } from './run-events.js';
export { RunEventEmitter, type RunEventListener } from './run-event-emitter.js';
export { DRAFT_CONTEXT_STEP_ID, type RunPlan, type PlannedStep, type PlanContext, type PlanStatus } from './run-plan.js';
export { planRun, type PlanRunOptions, type PlanSkills } from './plan-run.js';
export { planToMermaid } from './plan-to-mermaid.js';
export { formatPlan } from './format-plan.js';
export { formatContextReport } from './format-context-report.js';
export { coerceInputs, parseInputArgs } from './coerce-inputs.js';
export { checkOutputContract } from './check-output-contract.js';
export { runGate, gateFailure, gateFailureCount, type GateOutcome, type GateToolLookup } from './gate-step.js';
export { listRunRecordsForHealth } from './run-records-for-health.js';
export { isRetryableError, backoffDelay, NON_RETRYABLE_CODES, MAX_BACKOFF_MS } from './retry-policy.js';
export type { EngineOptions, EngineSkills, NamedContext } from './engine-options.js';
export { createEngine, type Engine, type StartRunRequest, type RunDetails } from './create-engine.js';
export {
  runSkill,
  handoffOf,
  singleSkillPlaybook,
  type SkillRun,
  type SkillRunRequest,
  type SkillRunHandoff,
  type FollowSkillRun,
  type RunSkillOptions,
} from './run-skill.js';
export type { StepHandoff } from './execute-attempt.js';
export { createProjectEngine, type ProjectEngine, type ProjectEngineOptions } from './create-project-engine.js';
export * from './store/index.js';
