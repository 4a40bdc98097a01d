import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { defaultCacheDir, isPrivateDir } from '../config/cache-dir.js';

/** The single-file CLI that `npm run build` writes (scripts/bundle-cli.js). */
export const BUNDLE_FILE = fileURLToPath(new URL('../bundle/mops.cjs', import.meta.url));

// CommonJS's own wrapper: the bundle is a CommonJS module and expects these five names.
const WRAP_START = '(function (exports, require, module, __filename, __dirname) { ';
const WRAP_END = '\n});';

interface CodeCache {
  file: string;
  data: Buffer | undefined;
}

/**
 * Where this bundle's code cache lives. One file per command: V8 caches the functions that
 * have run, and `mops serve` runs different ones from `mops route`. The key changes with
 * the bundle (size, mtime) and the V8 version; V8 also rejects data that does not fit.
 */
function codeCacheFor(bundle: { size: number; mtimeMs: number }, command: string, env: NodeJS.ProcessEnv): CodeCache {
  const name = /^[a-z-]+$/.test(command) ? command : 'other';
  const key = `${bundle.size.toString(36)}-${Math.trunc(bundle.mtimeMs).toString(36)}-${process.versions.v8}-${process.arch}`;
  const file = join(defaultCacheDir(env), 'code-cache', `${name}.${key}.bin`);
  try {
    return { file, data: inPrivateFolders(file) ? readFileSync(file) : undefined };
  } catch {
    return { file, data: undefined };
  }
}

/** Code cache is code: it is only read from and written to folders nobody else can write to. */
function inPrivateFolders(file: string): boolean {
  return isPrivateDir(dirname(dirname(file))) && isPrivateDir(dirname(file));
}

function saveCodeCache(file: string, data: Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    if (!inPrivateFolders(file)) return;
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, data);
    renameSync(temp, file);
    // The same command's caches for earlier builds are of no use any more.
    const command = basename(file).split('.')[0];
    for (const name of readdirSync(dirname(file))) {
      if (name.endsWith('.bin') && name.split('.')[0] === command && name !== basename(file)) unlinkSync(join(dirname(file), name));
    }
  } catch {
    // Only a cache: the next start compiles from source again.
  }
}

/**
 * Starts the CLI from the bundle with V8's code cache, when the build wrote one.
 *
 * Why: loading ~1,000 ES modules file by file is most of a cold start (resolving, reading
 * and compiling each), and an MCP client or a shell script pays it on every start. One
 * file compiled from a cache made by an earlier run of the same command starts in about
 * half the time. The cache is written when the process exits, after the command ran, so
 * it holds the functions that command actually uses (a cache made at compile time holds
 * only the top level). Returns false when there is no bundle or MOPS_NO_BUNDLE is set.
 */
export function runBundle(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.MOPS_NO_BUNDLE) return false;
  let source: string;
  let stats: { size: number; mtimeMs: number };
  try {
    stats = statSync(BUNDLE_FILE);
    source = readFileSync(BUNDLE_FILE, 'utf8');
  } catch {
    return false;
  }
  const cache = codeCacheFor(stats, argv[0] ?? 'help', env);
  const script = new vm.Script(`${WRAP_START}${source}${WRAP_END}`, {
    filename: BUNDLE_FILE,
    cachedData: cache.data,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (!cache.data || script.cachedDataRejected) {
    process.once('exit', () => saveCodeCache(cache.file, script.createCachedData()));
  }
  const module = { exports: {}, filename: BUNDLE_FILE, id: BUNDLE_FILE, loaded: false };
  const start = script.runInThisContext() as (...args: unknown[]) => void;
  start(module.exports, createRequire(BUNDLE_FILE), module, BUNDLE_FILE, dirname(BUNDLE_FILE));
  return true;
}
