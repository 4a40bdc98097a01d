import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { MopsError } from '../errors/index.js';
import type { MarketingContext } from './context-schema.js';
import { parseContext } from './parse-context.js';

export interface LoadContextOptions {
  /** Folder of `<name>.md` context documents. */
  contextDir: string;
  /** Read for `MOPS_CONTEXT` when no name is given (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Base for relative paths (default: the process working directory). */
  cwd?: string;
}

/** Context names in a folder: `*.md` files, except `_template.md`-style files and READMEs. */
export async function listContexts(contextDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(contextDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => extname(name) === '.md' && !name.startsWith('_') && !/^readme\.md$/i.test(name))
    .map((name) => basename(name, '.md'))
    .sort();
}

/**
 * The context to use when none is named: `MOPS_CONTEXT`, else the only context there is.
 * With none or several, throws and lists the names, so the caller can say which one.
 */
export async function resolveDefaultContextName(options: LoadContextOptions): Promise<string> {
  const fromEnv = (options.env ?? process.env).MOPS_CONTEXT;
  if (fromEnv) return fromEnv;
  const names = await listContexts(options.contextDir);
  if (names.length === 1 && names[0]) return names[0];
  if (names.length === 0) {
    throw new MopsError(
      'NOT_FOUND',
      `No marketing context in ${options.contextDir}. Copy ${join(options.contextDir, '_template.md')} to ${join(options.contextDir, '<client>.md')} and fill it in, or run the marketing-context skill.`,
      { details: { available: [] } },
    );
  }
  throw new MopsError(
    'INVALID_INPUT',
    `Several marketing contexts exist (${names.join(', ')}); say which one with --context <name> or set MOPS_CONTEXT.`,
    { details: { available: names } },
  );
}

/**
 * Reads and parses a context by name (`northwind-analytics`) or path (`./acme.md`);
 * no name means the default context. Throws NOT_FOUND naming the path it tried and
 * listing the contexts that exist.
 */
export async function loadContext(nameOrPath: string | undefined, options: LoadContextOptions): Promise<MarketingContext> {
  const name = nameOrPath ?? (await resolveDefaultContextName(options));
  const looksLikePath = name.includes('/') || name.includes('\\') || extname(name) === '.md';
  const file = looksLikePath
    ? isAbsolute(name)
      ? name
      : resolve(options.cwd ?? process.cwd(), name)
    : join(options.contextDir, `${name}.md`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const available = await listContexts(options.contextDir);
    throw new MopsError(
      'NOT_FOUND',
      `No marketing context at ${file}. ${available.length ? `Available contexts: ${available.join(', ')}.` : `There are no contexts in ${options.contextDir}; start from _template.md.`}`,
      { details: { name, file, available } },
    );
  }
  return parseContext(text, { file });
}
