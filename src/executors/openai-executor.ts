import { createOpenAI } from '@ai-sdk/openai';
import { generateText, type LanguageModel } from 'ai';
import { MopsError } from '../errors/index.js';
import { mapModelError } from './map-model-error.js';
import type { StepExecuteOptions, StepExecutor, StepRequest, StepResult } from './step-executor.js';

export interface OpenAiExecutorOptions {
  /** The model to call; tests pass `MockLanguageModelV3` from `ai/test`. */
  model: LanguageModel;
  /** The name shown in error messages. @default the model's id */
  modelName?: string;
  /** Upper bound on output tokens per step. @default unlimited (the endpoint's default) */
  maxOutputTokens?: number;
}

/**
 * Runs a step on a language model through the AI SDK. The engine owns retries, so the
 * SDK's own retry loop is off (`maxRetries: 0`): one call per attempt, recorded as such.
 */
export class OpenAiExecutor implements StepExecutor {
  readonly kind = 'openai';
  readonly #model: LanguageModel;
  readonly #modelName: string;
  readonly #maxOutputTokens?: number;

  constructor(options: OpenAiExecutorOptions) {
    this.#model = options.model;
    this.#modelName = options.modelName ?? (typeof options.model === 'string' ? options.model : options.model.modelId);
    this.#maxOutputTokens = options.maxOutputTokens;
  }

  async execute(request: StepRequest, { signal }: StepExecuteOptions): Promise<StepResult> {
    const where = { stepId: request.stepId, model: this.#modelName };
    let result: Awaited<ReturnType<typeof generateText>>;
    try {
      result = await generateText({
        model: this.#model,
        system: request.prompt.system,
        prompt: request.prompt.user,
        abortSignal: signal,
        maxRetries: 0,
        ...(this.#maxOutputTokens !== undefined && { maxOutputTokens: this.#maxOutputTokens }),
      });
    } catch (error) {
      // The engine aborts with a typed reason (TIMEOUT or CANCELLED); surface that, not the SDK's AbortError.
      if (signal.aborted && signal.reason instanceof MopsError) throw signal.reason;
      throw mapModelError(error, where);
    }
    const output = result.text;
    if (output.trim() === '') {
      throw new MopsError(
        'MODEL_ERROR',
        `Model "${this.#modelName}" returned no text for step "${request.stepId}" (finish reason: ${result.finishReason}). Expected the step's Markdown output.`,
        { details: { retryable: false, finishReason: result.finishReason } },
      );
    }
    return {
      status: 'done',
      output,
      usage: {
        ...(result.usage.inputTokens !== undefined && { inputTokens: result.usage.inputTokens }),
        ...(result.usage.outputTokens !== undefined && { outputTokens: result.usage.outputTokens }),
      },
    };
  }
}

export interface OpenAiConnection {
  /** The model id, e.g. `gpt-4o-mini` or `llama3.1` on Ollama. */
  model: string;
  /** An OpenAI-compatible base URL ending in `/v1`. @default https://api.openai.com/v1 */
  baseURL?: string;
  /** @default 'not-needed' (local servers ignore it) */
  apiKey?: string;
  maxOutputTokens?: number;
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
  });
}
