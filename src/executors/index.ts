export type { StepExecutor, StepRequest, StepResult, StepExecuteOptions } from './step-executor.js';
export {
  assembleStepPrompt,
  type StepPrompt,
  type StepPromptInput,
  type PromptSkill,
  type PromptDependency,
} from './assemble-step-prompt.js';
export { HandoffExecutor, formatHandoffInstructions } from './handoff-executor.js';
export { SamplingExecutor, type SampleFunction } from './sampling-executor.js';
export {
  OpenAiExecutor,
  createOpenAiExecutor,
  type OpenAiExecutorOptions,
  type OpenAiConnection,
} from './openai-executor.js';
export { mapModelError, isRetryableStatus, NON_RETRYABLE_STATUSES } from './map-model-error.js';
export { createExecutorFromEnv, EXECUTOR_KINDS, type EnvExecutorKind } from './create-executor-from-env.js';
