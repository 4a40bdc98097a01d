import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * The folder for everything mops caches between starts (routing index, tools/list, V8
 * code cache): MOPS_CACHE_DIR, else `<tmp>/marketing-ops-mcp-<user>`. Deleting it is
 * always safe; the next start rebuilds what it needs.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MOPS_CACHE_DIR) return env.MOPS_CACHE_DIR;
  let user = 'user';
  try {
    user = String(userInfo().uid >= 0 ? userInfo().uid : userInfo().username);
  } catch {
    // No user database (some containers): one shared name is fine for a cache.
  }
  return join(tmpdir(), `marketing-ops-mcp-${user}`);
}
