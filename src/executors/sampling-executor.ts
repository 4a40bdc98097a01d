import { MopsError } from '../errors/index.js';
import { formatRepairPrompt } from './format-repair-request.js';
import type { StepExecutor, StepRequest, StepResult, StepExecuteOptions } from './step-executor.js';

/** Asks a model outside the server for text; the MCP server plugs in the client's `sampling/createMessage`. */
export type SampleFunction = (request: { system: string; prompt: string; signal: AbortSignal }) => Promise<string>;

/**
 * Runs a step on the connected MCP client's own model. Sampling carries no tools, so the
 * model works from the prompt alone (it says so) and hands off with the marker line; a
 * repair sends the earlier answer and the violations in the one prompt sampling takes.
 */
export class SamplingExecutor implements StepExecutor {
  readonly kind = 'sampling';
  readonly toolAccess = 'none';
  readonly #sample: SampleFunction;

  constructor(sample: SampleFunction) {
    this.#sample = sample;
  }

  async execute(request: StepRequest, { signal }: StepExecuteOptions): Promise<StepResult> {
    let text: string;
    try {
      const prompt = request.repair ? formatRepairPrompt(request.prompt.user, request.repair.output, request.repair.violations) : request.prompt.user;
      text = await this.#sample({ system: request.prompt.system, prompt, signal });
    } catch (error) {
      if (error instanceof MopsError) throw error;
      if (signal.aborted) throw signal.reason;
      const reason = error instanceof Error ? error.message : String(error);
      throw new MopsError('MODEL_ERROR', `The client's model could not produce step "${request.stepId}": ${reason}.`, {
        cause: error,
        details: { retryable: false, executor: 'sampling' },
      });
    }
    if (typeof text !== 'string' || text.trim() === '') {
      throw new MopsError(
        'MODEL_ERROR',
        `The client's model returned no text for step "${request.stepId}". Expected the step's Markdown output.`,
        { details: { retryable: false, executor: 'sampling' } },
      );
    }
    return { status: 'done', output: text };
  }
}
