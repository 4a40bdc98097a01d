import { MopsError } from '../errors/index.js';
import { HandoffExecutor } from './handoff-executor.js';
import { requireModelName } from './model-env.js';
import { createOpenAiExecutor } from './openai-executor.js';
import type { StepExecutor } from './step-executor.js';

export const EXECUTOR_KINDS = ['openai', 'handoff'] as const;
export type EnvExecutorKind = (typeof EXECUTOR_KINDS)[number];

/**
 * Picks the executor from the environment: `openai` when MOPS_MODEL is set (with
 * OPENAI_BASE_URL and OPENAI_API_KEY; MOPS_AGENT_MAX_STEPS caps the tool loop, default 8;
 * MOPS_AGENT_TOOLS=off for endpoints without tool calling), otherwise `handoff`. An explicit `kind` wins;
 * asking for `openai` without MOPS_MODEL is an input error that says what to set.
 */
export function createExecutorFromEnv(env: NodeJS.ProcessEnv, kind?: string): StepExecutor {
  const chosen = kind ?? (env.MOPS_MODEL ? 'openai' : 'handoff');
  if (chosen === 'handoff') return new HandoffExecutor();
  if (chosen === 'openai') {
    const model = requireModelName(env);
    const maxTokens = env.MOPS_MAX_OUTPUT_TOKENS ? Number(env.MOPS_MAX_OUTPUT_TOKENS) : undefined;
    const maxSteps = wholeNumber(env, 'MOPS_AGENT_MAX_STEPS');
    const tools = env.MOPS_AGENT_TOOLS?.trim().toLowerCase();
    if (tools && !['on', 'off', 'true', 'false', '1', '0'].includes(tools)) {
      throw new MopsError('INVALID_INPUT', `Expected MOPS_AGENT_TOOLS to be "on" or "off", got "${env.MOPS_AGENT_TOOLS}".`);
    }
    return createOpenAiExecutor({
      model,
      baseURL: env.OPENAI_BASE_URL || undefined,
      apiKey: env.OPENAI_API_KEY,
      ...(maxTokens !== undefined && Number.isInteger(maxTokens) && maxTokens > 0 && { maxOutputTokens: maxTokens }),
      ...(maxSteps !== undefined && { maxSteps }),
      ...(tools && { tools: ['on', 'true', '1'].includes(tools) }),
    });
  }
  throw new MopsError('INVALID_INPUT', `Unknown executor "${chosen}". Expected one of: ${EXECUTOR_KINDS.join(', ')}.`);
}

/** A positive whole number from the environment, or undefined when unset; anything else is an input error. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new MopsError('INVALID_INPUT', `Expected ${name} to be a whole number from 1 up, got "${raw}".`);
  return value;
}
