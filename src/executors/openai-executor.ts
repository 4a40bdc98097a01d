import { createOpenAI } from '@ai-sdk/openai';
import { APICallError, generateText, stepCountIs, type LanguageModel, type LanguageModelUsage, type ModelMessage } from 'ai';
import { MopsError } from '../errors/index.js';
import type { Usage } from '../engine/run-records.js';
import { createAgentTools, type AgentTools } from './agent-tools.js';
import { formatRepairRequest } from './format-repair-request.js';
import { mapModelError } from './map-model-error.js';
import type { StepExecuteOptions, StepExecutor, StepRequest, StepResult, ToolAccess } from './step-executor.js';

export interface OpenAiExecutorOptions {
  /** The model to call; tests pass `MockLanguageModelV3` from `ai/test`. */
  model: LanguageModel;
  /** The name shown in error messages. @default the model's id */
  modelName?: string;
  /** Upper bound on output tokens per model call. @default unlimited (the endpoint's default) */
  maxOutputTokens?: number;
  /**
   * Most model calls in one attempt's tool loop; each round of tool calls takes one. The
   * last call gets no tools, so the model has to answer.
   * @default 8
   */
  maxSteps?: number;
  /**
   * Offer the skill's tools (`metadata.tools` and `handoff_to_skill`) to the model. Turned
   * off by itself for the rest of the process when the endpoint rejects tool calling.
   * @default true
   */
  tools?: boolean;
}

/** The default step limit of the agent loop. */
export const DEFAULT_AGENT_MAX_STEPS = 8;

/**
 * Runs a step on a language model through the AI SDK: an agent loop with the skill's
 * tools (every call recorded in the run store), ending in the step's Markdown, or in a
 * handoff to another skill. A repair attempt continues the conversation with the earlier
 * answer and the exact contract violations. The engine owns retries, so the SDK's own
 * retry loop is off (`maxRetries: 0`): one attempt, one loop.
 *
 * Structured output (a JSON schema response format) is not requested: the contract is
 * Markdown sections checked deterministically afterwards, and many local
 * OpenAI-compatible servers reject a response format next to tools.
 */
export class OpenAiExecutor implements StepExecutor {
  readonly kind = 'openai';
  readonly #model: LanguageModel;
  readonly #modelName: string;
  readonly #maxOutputTokens?: number;
  readonly #maxSteps: number;
  #toolsOn: boolean;

  constructor(options: OpenAiExecutorOptions) {
    const maxSteps = options.maxSteps ?? DEFAULT_AGENT_MAX_STEPS;
    if (!Number.isInteger(maxSteps) || maxSteps < 1) {
      throw new MopsError('INVALID_INPUT', `Expected \`maxSteps\` to be a whole number from 1 up, got \`${maxSteps}\`.`);
    }
    this.#model = options.model;
    this.#modelName = options.modelName ?? (typeof options.model === 'string' ? options.model : options.model.modelId);
    this.#maxOutputTokens = options.maxOutputTokens;
    this.#maxSteps = maxSteps;
    this.#toolsOn = options.tools ?? true;
  }

  get toolAccess(): ToolAccess {
    return this.#toolsOn ? 'agent' : 'none';
  }

  async execute(request: StepRequest, { signal }: StepExecuteOptions): Promise<StepResult> {
    const where = { stepId: request.stepId, model: this.#modelName };
    let agent = this.#toolsOn && request.tools ? createAgentTools(request.tools) : undefined;
    let result: Awaited<ReturnType<typeof generateText>>;
    try {
      try {
        result = await this.#generate(request, agent, signal);
      } catch (error) {
        if (!agent || signal.aborted || !rejectsTools(error)) throw error;
        // The endpoint (e.g. an Ollama model without tool support) refuses tools: answer without them from now on.
        this.#toolsOn = false;
        agent = undefined;
        result = await this.#generate(request, undefined, signal);
      }
    } catch (error) {
      // The engine aborts with a typed reason (TIMEOUT or CANCELLED); surface that, not the SDK's AbortError.
      if (signal.aborted && signal.reason instanceof MopsError) throw signal.reason;
      throw mapModelError(error, where);
    }
    const recordingError = agent?.recordingError();
    if (recordingError) throw recordingError;
    const usage = toUsage(result.totalUsage);
    const handoff = agent?.handoff();
    if (handoff) return { status: 'handoff', ...handoff, output: result.text.trim(), usage };
    const output = result.text;
    if (output.trim() === '') {
      const loop = agent && result.steps.length >= this.#maxSteps ? ` after ${result.steps.length} model calls of tool use (the step limit)` : '';
      throw new MopsError(
        'MODEL_ERROR',
        `Model "${this.#modelName}" returned no text for step "${request.stepId}"${loop} (finish reason: ${result.finishReason}). Expected the step's Markdown output.`,
        { details: { retryable: false, finishReason: result.finishReason } },
      );
    }
    return { status: 'done', output, usage };
  }

  #generate(request: StepRequest, agent: AgentTools | undefined, signal: AbortSignal) {
    const messages: ModelMessage[] = [{ role: 'user', content: request.prompt.user }];
    if (request.repair) {
      messages.push({ role: 'assistant', content: request.repair.output }, { role: 'user', content: formatRepairRequest(request.repair.violations) });
    }
    const last = this.#maxSteps - 1;
    return generateText({
      model: this.#model,
      system: request.prompt.system,
      messages,
      abortSignal: signal,
      maxRetries: 0,
      ...(this.#maxOutputTokens !== undefined && { maxOutputTokens: this.#maxOutputTokens }),
      ...(agent && {
        tools: agent.tools,
        // A refused handoff (unknown skill) goes back to the model; an accepted one ends the loop.
        stopWhen: [stepCountIs(this.#maxSteps), () => agent.handoff() !== undefined],
        // The last allowed call has no tools, so the loop ends in an answer rather than a call.
        prepareStep: ({ stepNumber }: { stepNumber: number }) => (stepNumber >= last ? { activeTools: [] } : undefined),
      }),
    });
  }
}

function toUsage(usage: LanguageModelUsage): Usage {
  return {
    ...(usage.inputTokens !== undefined && { inputTokens: usage.inputTokens }),
    ...(usage.outputTokens !== undefined && { outputTokens: usage.outputTokens }),
  };
}

/** Whether an endpoint refused the request because of the tools in it. */
function rejectsTools(error: unknown): boolean {
  if (!APICallError.isInstance(error)) return false;
  const status = error.statusCode ?? 0;
  if (![400, 404, 422, 500, 501].includes(status)) return false;
  return /\btools?\b|function.?call/i.test(`${error.message} ${error.responseBody ?? ''}`);
}

export interface OpenAiConnection {
  /** The model id, e.g. `gpt-4o-mini` or `llama3.1` on Ollama. */
  model: string;
  /** An OpenAI-compatible base URL ending in `/v1`. @default https://api.openai.com/v1 */
  baseURL?: string;
  /** @default 'not-needed' (local servers ignore it) */
  apiKey?: string;
  maxOutputTokens?: number;
  /** @default 8 */
  maxSteps?: number;
  /** @default true */
  tools?: boolean;
}

/**
 * An executor on any OpenAI-compatible Chat Completions endpoint (OpenAI, Ollama, vLLM,
 * llama.cpp, LM Studio). `.chat()` selects Chat Completions rather than the Responses API,
 * which local servers do not implement.
 */
export function createOpenAiExecutor(connection: OpenAiConnection): OpenAiExecutor {
  const provider = createOpenAI({
    ...(connection.baseURL && { baseURL: connection.baseURL }),
    apiKey: connection.apiKey || 'not-needed',
  });
  return new OpenAiExecutor({
    model: provider.chat(connection.model),
    modelName: connection.model,
    maxOutputTokens: connection.maxOutputTokens,
    ...(connection.maxSteps !== undefined && { maxSteps: connection.maxSteps }),
    ...(connection.tools !== undefined && { tools: connection.tools }),
  });
}
