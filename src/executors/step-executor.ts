import type { Usage } from '../engine/run-records.js';
import type { AgentToolbox } from './agent-tool-catalog.js';
import type { StepPrompt } from './assemble-step-prompt.js';

/** What an executor gets to produce one skill step's text. */
export interface StepRequest {
  runId: string;
  stepId: string;
  /** 1 for the first try, 2 for the first retry or repair... */
  attempt: number;
  skillId: string;
  /** The assembled prompt (`assembleStepPrompt`): skill instructions, context, inputs, earlier outputs. */
  prompt: StepPrompt;
  /**
   * The skill's tools and what they read, for executors whose model calls tools in
   * process (`toolAccess: 'agent'`). Others ignore it.
   */
  tools?: AgentToolbox;
  /** Set when this attempt repairs an earlier answer that broke the output contract. */
  repair?: RepairRequest;
}

/** An answer that broke the skill's output contract, and the exact violations to fix. */
export interface RepairRequest {
  output: string;
  violations: readonly string[];
}

export type StepResult =
  | { status: 'done'; output: string; usage?: Usage }
  /** The step's agent says another skill should handle the request (`handoff_to_skill`). */
  | { status: 'handoff'; to: string; reason: string; output: string; usage?: Usage }
  /** The step's text will come from outside (a person or the chat client); the run pauses. */
  | { status: 'waiting'; instructions: string };

/**
 * How the model behind an executor reaches a skill's tools:
 * - `agent`: it calls them in process while it works (the AI SDK tool loop);
 * - `mcp`: a chat client does the work and calls them as this server's MCP tools;
 * - `none`: it cannot call tools (MCP sampling carries none).
 */
export type ToolAccess = 'agent' | 'mcp' | 'none';

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
  /** How this executor's model reaches the skill's tools. @default 'none' */
  readonly toolAccess?: ToolAccess;
  execute(request: StepRequest, options: StepExecuteOptions): Promise<StepResult>;
}
