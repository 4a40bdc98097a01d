import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CreateMessageResult, RequestId } from '@modelcontextprotocol/sdk/types.js';
import { MopsError } from '../errors/index.js';
import { SamplingExecutor, type SampleFunction } from '../executors/sampling-executor.js';
import type { StepExecuteOptions, StepExecutor, StepRequest, StepResult } from '../executors/step-executor.js';
import type { SamplingRoutes } from './sampling-routes.js';

/** Longest we wait for the client's model (a person may have to approve the request). */
const SAMPLING_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_MAX_TOKENS = 4096;

/** Whether the connected client declared the sampling capability. */
export function clientCanSample(server: McpServer): boolean {
  return Boolean(server.server.getClientCapabilities()?.sampling);
}

function textOf(result: CreateMessageResult): string {
  const blocks = Array.isArray(result.content) ? result.content : [result.content];
  return blocks
    .map((block) => (block.type === 'text' ? block.text : ''))
    .join('')
    .trim();
}

/**
 * A `SampleFunction` over the client's `sampling/createMessage`. With `relatedRequestId`
 * the request travels with the tool call that caused it (over HTTP: on that call's
 * stream), which is how clients tie the model request to what the user is looking at.
 */
export function createClientSampler(
  server: McpServer,
  options: { relatedRequestId?: RequestId; maxTokens?: number } = {},
): SampleFunction {
  return async ({ system, prompt, signal }) => {
    if (!clientCanSample(server)) {
      throw new MopsError(
        'INVALID_STATE',
        "The connected client does not offer sampling, so the server cannot use the client's model. Use executor \"handoff\" (you produce each step) or set MOPS_MODEL on the server.",
      );
    }
    const result = await server.server.createMessage(
      {
        systemPrompt: system,
        messages: [{ role: 'user', content: { type: 'text', text: prompt } }],
        maxTokens: options.maxTokens ?? DEFAULT_MAX_TOKENS,
        includeContext: 'none',
      },
      { signal, timeout: SAMPLING_TIMEOUT_MS, ...(options.relatedRequestId !== undefined && { relatedRequestId: options.relatedRequestId }) },
    );
    return textOf(result);
  };
}

/**
 * The engine's `sampling` executor, shared by every session: each step asks the model of
 * the client whose session drives the step's run (see `SamplingRoutes`).
 */
export class ClientSamplingExecutor implements StepExecutor {
  readonly kind = 'sampling';
  readonly #routes: SamplingRoutes;
  readonly #maxTokens: number | undefined;

  constructor(routes: SamplingRoutes, maxTokens?: number) {
    this.#routes = routes;
    this.#maxTokens = maxTokens;
  }

  execute(request: StepRequest, options: StepExecuteOptions): Promise<StepResult> {
    const route = this.#routes.get(request.runId);
    if (!route) {
      throw new MopsError(
        'INVALID_STATE',
        `No connected client can write step "${request.stepId}" of run ${request.runId}: the session that ran it on its model has closed. Resume the run with resume_run from a client that offers sampling, or with executor "handoff".`,
        { details: { runId: request.runId, retryable: false } },
      );
    }
    const sample = createClientSampler(route.server, { relatedRequestId: route.requestId, maxTokens: this.#maxTokens });
    return new SamplingExecutor(sample).execute(request, options);
  }
}
