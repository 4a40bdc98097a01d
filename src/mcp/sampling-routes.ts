import { AsyncLocalStorage } from 'node:async_hooks';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RequestId } from '@modelcontextprotocol/sdk/types.js';

/** Where a run's sampling requests go: a session's server, and the tool call driving the run, if one is open. */
export interface SamplingTarget {
  server: McpServer;
  requestId?: RequestId;
}

/**
 * Which MCP session asks its client's model for each run. All sessions share one engine,
 * so the `sampling` executor looks the run up here: the session that started it, or the
 * one that last submitted, approved or resumed it. While that tool call is open the
 * request travels with it (over HTTP: on its stream).
 */
export class SamplingRoutes {
  readonly #routes = new Map<string, SamplingTarget>();
  readonly #starting = new AsyncLocalStorage<SamplingTarget>();

  get(runId: string): SamplingTarget | undefined {
    return this.#routes.get(runId);
  }

  /** Runs `work` (a run start) so that the id the engine generates inside it is routed to `target`. */
  starting<T>(target: SamplingTarget, work: () => Promise<T>): Promise<T> {
    return this.#starting.run(target, work);
  }

  /**
   * Wraps the engine's id generator: an id made while a start is under way is routed to
   * the session starting it before the run's first step can ask for a model.
   */
  routeNewIds(generateId: () => string): () => string {
    return () => {
      const id = generateId();
      const target = this.#starting.getStore();
      if (target) this.#routes.set(id, { ...target });
      return id;
    };
  }

  /** Routes a run to the tool call driving it now. */
  bind(runId: string, target: SamplingTarget): void {
    this.#routes.set(runId, { ...target });
  }

  /** The tool call ended: later steps still go to its session, without the call. */
  release(runId: string, requestId: RequestId): void {
    const route = this.#routes.get(runId);
    if (route?.requestId === requestId) this.#routes.set(runId, { server: route.server });
  }

  /** A session closed: its runs have nobody to sample for them any more. */
  forget(server: McpServer): void {
    for (const [runId, route] of this.#routes) if (route.server === server) this.#routes.delete(runId);
  }
}
