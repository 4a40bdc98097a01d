import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { codeCacheKey, defaultCacheDir, readCacheFile, writeCacheFile } from '../routing/routing-index-cache.js';

type Handler = (request: unknown, extra: unknown) => unknown;

// Tool lists by the set of tool names: every session serves the same tools.
const lists = new Map<string, Promise<unknown>>();
const PREFIX = 'tools-list-';

/**
 * Answers `tools/list` from a cache (in memory, and on disk keyed by the code). The SDK
 * converts every tool's zod schemas to JSON Schema on each call (about 200 ms for our 26
 * tools), and our tools never change after registration. Reaches the SDK's handler map and tool table, which are not public API:
 * when they are not there (a future SDK), the list is simply computed as before.
 */
export function cacheToolList(server: McpServer, env: NodeJS.ProcessEnv = process.env): void {
  const internals = server as unknown as { _registeredTools?: Record<string, unknown>; server: { _requestHandlers?: Map<string, Handler> } };
  const handlers = internals.server._requestHandlers;
  const original = handlers?.get('tools/list');
  if (!handlers || !original || !internals._registeredTools) return;
  const key = Object.keys(internals._registeredTools).sort().join(',');
  handlers.set('tools/list', (request, extra) => {
    const cursor = (request as { params?: { cursor?: string } }).params?.cursor;
    if (cursor) return original(request, extra);
    let list = lists.get(key);
    if (!list) {
      // The list depends on the code alone, so it is also kept on disk between starts.
      const dir = defaultCacheDir(env);
      const fileKey = codeCacheKey(key);
      list = readCacheFile(dir, PREFIX, fileKey).then(async (cached) => {
        if (cached) return cached;
        const computed = await original(request, extra);
        await writeCacheFile(dir, PREFIX, fileKey, computed);
        return computed;
      });
      lists.set(key, list);
      list.catch(() => lists.delete(key));
    }
    return list;
  });
}
