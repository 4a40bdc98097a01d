import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RequestId } from '@modelcontextprotocol/sdk/types.js';
import type { Engine } from '../engine/index.js';
import { MopsError } from '../errors/index.js';
import { requireModelName } from '../executors/model-env.js';
import { clientCanSample } from './client-sampling.js';
import type { McpServices } from './mcp-services.js';

export const EXECUTOR_CHOICES = ['auto', 'openai', 'sampling', 'handoff'] as const;
export type ExecutorChoice = (typeof EXECUTOR_CHOICES)[number];

/** The shared engine as one MCP session uses it. */
export interface SessionEngine {
  engine(): Promise<Engine>;
  /**
   * The executor kind a new run or skill uses. `auto`: the server model when MOPS_MODEL
   * is set, else the client's model when it offers sampling, else handoff.
   */
  executorFor(choice: ExecutorChoice | undefined): 'openai' | 'sampling' | 'handoff';
  /**
   * Runs `work` (a start, submit, approval or resume) with the run's sampling requests
   * going to this session's client, tied to the tool call `requestId` while it lasts.
   * Without a run id, `work` starts a run and the new run is routed here.
   */
  drive<T extends { run: { id: string } }>(runId: string | undefined, requestId: RequestId, work: () => Promise<T>): Promise<T>;
  /** The session ended: forget the routes to its client. */
  close(): void;
}

export function createSessionEngine(server: McpServer, services: McpServices): SessionEngine {
  const routes = services.sampling;
  return {
    engine: () => services.engine(),

    executorFor(choice = 'auto') {
      switch (choice) {
        case 'auto':
          if (services.env.MOPS_MODEL) return 'openai';
          return clientCanSample(server) ? 'sampling' : 'handoff';
        case 'openai':
          // Throws INVALID_INPUT saying what to set when MOPS_MODEL is missing.
          requireModelName(services.env);
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
      const target = { server, requestId };
      if (runId !== undefined) routes.bind(runId, target);
      let started: string | undefined = runId;
      try {
        const result = runId === undefined ? await routes.starting(target, work) : await work();
        started = result.run.id;
        return result;
      } finally {
        if (started !== undefined) routes.release(started, requestId);
      }
    },

    close() {
      routes.forget(server);
    },
  };
}
