import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RequestId } from '@modelcontextprotocol/sdk/types.js';
import type { Engine } from '../engine/index.js';
import { MopsError } from '../errors/index.js';
import { createExecutorFromEnv } from '../executors/index.js';
import { ClientSamplingExecutor, clientCanSample } from './client-sampling.js';
import type { McpServices } from './mcp-services.js';

export const EXECUTOR_CHOICES = ['auto', 'openai', 'sampling', 'handoff'] as const;
export type ExecutorChoice = (typeof EXECUTOR_CHOICES)[number];

/** The engine as one MCP session uses it. */
export interface SessionEngine {
  engine(): Promise<Engine>;
  /**
   * The executor kind a new run or skill uses. `auto`: the server model when MOPS_MODEL
   * is set, else the client's model when it offers sampling, else handoff.
   */
  executorFor(choice: ExecutorChoice | undefined): 'openai' | 'sampling' | 'handoff';
  /**
   * Runs `work` with the run's sampling requests tied to the tool call `requestId`. With
   * no run id (a run being started), requests of runs not yet bound go to this call.
   */
  drive<T>(runId: string | undefined, requestId: RequestId, work: () => Promise<T>): Promise<T>;
  /** Ties a run to the tool call driving it, until that call's `drive` ends. */
  bind(runId: string, requestId: RequestId): void;
}

export function createSessionEngine(server: McpServer, services: McpServices): SessionEngine {
  const driving = new Map<string, RequestId>();
  const starting: RequestId[] = [];
  const relatedRequest = (runId: string): RequestId | undefined => driving.get(runId) ?? starting.at(-1);
  let engine: Promise<Engine> | undefined;
  const maxTokens = Number(services.env.MOPS_MAX_OUTPUT_TOKENS) || undefined;

  return {
    engine() {
      engine ??= services.createEngine({ sampling: new ClientSamplingExecutor(server, relatedRequest, maxTokens) });
      return engine;
    },

    executorFor(choice = 'auto') {
      switch (choice) {
        case 'auto':
          if (services.env.MOPS_MODEL) return 'openai';
          return clientCanSample(server) ? 'sampling' : 'handoff';
        case 'openai':
          // Throws INVALID_INPUT saying what to set when MOPS_MODEL is missing.
          createExecutorFromEnv(services.env, 'openai');
          return 'openai';
        case 'sampling':
          if (!clientCanSample(server)) {
            throw new MopsError(
              'INVALID_INPUT',
              'Executor "sampling" needs a client that offers sampling (sampling/createMessage), and this one does not. Use "handoff" to produce each step yourself, or "auto".',
            );
          }
          return 'sampling';
        case 'handoff':
          return 'handoff';
      }
    },

    async drive(runId, requestId, work) {
      if (runId === undefined) starting.push(requestId);
      else driving.set(runId, requestId);
      try {
        return await work();
      } finally {
        const index = starting.indexOf(requestId);
        if (index !== -1) starting.splice(index, 1);
        for (const [id, request] of driving) if (request === requestId) driving.delete(id);
      }
    },

    bind(runId, requestId) {
      driving.set(runId, requestId);
    },
  };
}
