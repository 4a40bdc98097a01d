import type { Usage } from '../engine/run-records.js';
import type { StepPrompt } from './assemble-step-prompt.js';

/** What an executor gets to produce one skill step's text. */
export interface StepRequest {
  runId: string;
  stepId: string;
  /** 1 for the first try, 2 for the first retry... */
  attempt: number;
  skillId: string;
  /** The assembled prompt (`assembleStepPrompt`): skill instructions, context, inputs, earlier outputs. */
  prompt: StepPrompt;
}

export type StepResult =
  | { status: 'done'; output: string; usage?: Usage }
  /** The step's text will come from outside (a person or the chat client); the run pauses. */
  | { status: 'waiting'; instructions: string };

export interface StepExecuteOptions {
  /** Aborted when the run is cancelled or the step times out; executors stop work on it. */
  signal: AbortSignal;
}

/**
 * How a skill step's text gets produced. Implementations: `openai` (AI SDK against any
 * OpenAI-compatible endpoint), `sampling` (the MCP client's model), `handoff` (no model:
 * hand the instructions out and wait for the output).
 */
export interface StepExecutor {
  readonly kind: string;
  execute(request: StepRequest, options: StepExecuteOptions): Promise<StepResult>;
}
