import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCacheDir, isPrivateDir } from '../config/cache-dir.js';
import { COMPILED_INDEX_VERSION } from './compiled-index-version.js';
import type { ProjectSnapshot } from './load-project-snapshot.js';
import { ENGLISH_FREQUENCIES_FILE } from './text/english-frequencies-file.js';

/**
 * A disk cache of the compiled routing index, keyed by everything it is computed from:
 * the skill and playbook files' text, the routing code itself, and the format version.
 * A change to any of them is a different key, so a stale index is never used.
 */
export interface IndexCacheOptions {
  /** Folder for cache files. @default MOPS_CACHE_DIR, else `<tmp>/marketing-ops-mcp-<user>` */
  dir?: string;
  /** Skip reading and writing the cache. @default false */
  disabled?: boolean;
}

const PREFIX = 'routing-index-';

export { defaultCacheDir };


let codeFingerprint: string | undefined;

/**
 * Identifies the code that shapes what is cached: the skill and playbook parsers, the ops
 * tool names and the router. From the TypeScript sources (tests) every file is checked.
 * From dist/, the routing files are checked one by one and the rest through the stem
 * table that every `npm run build` rewrites, so a start stats a few dozen files, not all.
 */
function routingCodeFingerprint(): string {
  if (codeFingerprint) return codeFingerprint;
  const here = fileURLToPath(import.meta.url);
  const parts: string[] = [];
  const walk = (dir: string): void => {
    // Plain code-unit order: the same in every locale, and localeCompare's first call
    // costs a start-up ~15 ms to load ICU's collation data.
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(?:c?js|ts)$/.test(entry.name)) {
        const info = statSync(path);
        parts.push(`${path}:${info.size}:${info.mtimeMs}`);
      }
    }
  };
  if (here.endsWith('.ts')) {
    walk(dirname(dirname(here)));
  } else {
    walk(dirname(here));
    try {
      const stamp = statSync(ENGLISH_FREQUENCIES_FILE);
      parts.push(`build:${stamp.size}:${stamp.mtimeMs}`);
    } catch {
      walk(dirname(dirname(here)));
    }
  }
  codeFingerprint = parts.join('\n');
  return codeFingerprint;
}

export function indexCacheKey(sources: ReadonlyArray<{ file: string; text: string }>, extra = ''): string {
  const hash = createHash('sha256');
  hash.update(`v${COMPILED_INDEX_VERSION}\n${routingCodeFingerprint()}\n${extra}\n`);
  for (const { file, text } of sources) hash.update(`${file}\n${text.length}\n${text}\n`);
  return hash.digest('hex').slice(0, 32);
}

/** A JSON cache file `<prefix><key>.json`, or undefined when absent or unreadable. */
export async function readCacheFile<T>(dir: string, prefix: string, key: string): Promise<T | undefined> {
  // A cached skill is text a model will follow: never from a folder others can write to.
  if (!isPrivateDir(dir)) return undefined;
  try {
    return JSON.parse(await readFile(join(dir, `${prefix}${key}.json`), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/**
 * How many files of one prefix are kept. More than one: several projects, or the bundled
 * CLI and the modules (their code fingerprints differ), share one cache folder, and each
 * rebuild of the routing index costs a second or two.
 */
export const CACHE_FILES_KEPT = 8;

/**
 * Writes `<prefix><key>.json` atomically and removes the oldest files of that prefix
 * beyond `CACHE_FILES_KEPT`. Failures are ignored: a read-only or full disk only costs the
 * next start its speed.
 */
export async function writeCacheFile(dir: string, prefix: string, key: string, data: unknown): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    if (!isPrivateDir(dir)) return; // it would never be read back
    const file = join(dir, `${prefix}${key}.json`);
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(data));
    await rename(temp, file);
    const others = (await readdir(dir)).filter((name) => name.startsWith(prefix) && name !== `${prefix}${key}.json` && name.endsWith('.json'));
    const aged = await Promise.all(
      others.map(async (name) => ({ name, modified: (await stat(join(dir, name)).catch(() => undefined))?.mtimeMs ?? 0 })),
    );
    aged.sort((a, b) => b.modified - a.modified);
    for (const { name } of aged.slice(CACHE_FILES_KEPT - 1)) await unlink(join(dir, name)).catch(() => undefined);
  } catch {
    // Only a cache.
  }
}

/** A key for data that depends on the code alone (not on the project files). */
export function codeCacheKey(extra = ''): string {
  return createHash('sha256').update(`${routingCodeFingerprint()}\n${extra}`).digest('hex').slice(0, 32);
}

/** The cached snapshot for `key`, or undefined when absent, unreadable or of another format. */
export async function readCachedIndex(dir: string, key: string): Promise<ProjectSnapshot | undefined> {
  const data = await readCacheFile<ProjectSnapshot>(dir, PREFIX, key);
  // The file is ours, written whole and keyed by content; the version check guards the shape.
  return data?.compiled?.version === COMPILED_INDEX_VERSION && Array.isArray(data.skills) && Array.isArray(data.playbooks)
    ? data
    : undefined;
}

export function writeCachedIndex(dir: string, key: string, index: ProjectSnapshot): Promise<void> {
  return writeCacheFile(dir, PREFIX, key, index);
}
