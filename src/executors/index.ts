export type { StepExecutor, StepRequest, StepResult, StepExecuteOptions, RepairRequest, ToolAccess } from './step-executor.js';
export {
  agentToolDefinition,
  agentToolDefinitions,
  checkHandoffTarget,
  HANDOFF_TOOL,
  READ_CONTEXT_TOOL,
  READ_STEP_OUTPUT_TOOL,
  type AgentToolbox,
  type AgentToolCall,
  type AgentToolDefinition,
} from './agent-tool-catalog.js';
export { createAgentTools, type AgentTools, type AgentHandoff } from './agent-tools.js';
export { readHandoffMarker, HANDOFF_MARKER_EXAMPLE, type HandoffMarker } from './handoff-marker.js';
export { formatRepairRequest, formatRepairPrompt } from './format-repair-request.js';
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
  DEFAULT_AGENT_MAX_STEPS,
  type OpenAiExecutorOptions,
  type OpenAiConnection,
} from './openai-executor.js';
export { mapModelError, isRetryableStatus, NON_RETRYABLE_STATUSES } from './map-model-error.js';
export { createExecutorFromEnv, EXECUTOR_KINDS, type EnvExecutorKind } from './create-executor-from-env.js';
