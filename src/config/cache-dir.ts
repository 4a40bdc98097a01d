import { statSync } from 'node:fs';
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

/**
 * Whether a cache folder can be trusted: this user owns it and nobody else can write to
 * it. The default folder has a predictable name in the shared temp directory, so another
 * local user could create it first and plant a routing index or V8 code cache there.
 * False when the folder does not exist.
 */
export function isPrivateDir(dir: string): boolean {
  try {
    const stats = statSync(dir);
    if (!stats.isDirectory()) return false;
    if (typeof process.getuid !== 'function') return true; // Windows: the temp folder is per user.
    return stats.uid === process.getuid() && (stats.mode & 0o022) === 0;
  } catch {
    return false;
  }
}
