import { readFile } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { MopsError } from '../errors/index.js';
import type { Diagnostic } from '../context/diagnostic.js';
import { lintPlaybook } from './lint-playbook.js';
import { diagnosticsError, parsePlaybook } from './parse-playbook.js';
import type { Playbook } from './playbook-schema.js';
import { listPlaybookFiles, PLAYBOOK_EXTENSIONS as EXTENSIONS } from './list-playbook-files.js';

export { listPlaybookFiles };

export interface LoadPlaybookOptions {
  /** Folder of `<id>.yaml` playbooks, for lookups by id. */
  playbooksDir: string;
  /** Known skill ids; when given, unknown skills are load errors. */
  skillIds?: Iterable<string>;
  /** Known ops tool names; when given, unknown gate tools are load errors. */
  opsToolNames?: Iterable<string>;
  /** Base for relative paths (default: the process working directory). */
  cwd?: string;
}

export interface PlaybookSource {
  playbook: Playbook;
  /** Absolute path of the file it came from. */
  file: string;
  /** Lint warnings (errors make loading fail). */
  warnings: Diagnostic[];
}


/**
 * Reads, validates and lints one playbook, by id (`product-launch`) or path
 * (`./playbooks/x.yaml`). Throws NOT_FOUND (listing the ids there are) or INVALID_FILE
 * located at the first problem.
 */
export async function loadPlaybookSource(idOrPath: string, options: LoadPlaybookOptions): Promise<PlaybookSource> {
  const { file, text } = await readPlaybookFile(idOrPath, options);
  const { playbook, sourceMap } = parsePlaybook(text, { file });
  const diagnostics = lintPlaybook(playbook, { sourceMap, skillIds: options.skillIds, opsToolNames: options.opsToolNames });
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) throw diagnosticsError(errors, file);
  return { playbook, file, warnings: diagnostics.filter((diagnostic) => diagnostic.severity === 'warning') };
}

/** `loadPlaybookSource` without the source details: the validated playbook. */
export async function loadPlaybook(idOrPath: string, options: LoadPlaybookOptions): Promise<Playbook> {
  return (await loadPlaybookSource(idOrPath, options)).playbook;
}

/** Every playbook in a folder, sorted by id. Throws on the first invalid file. */
export async function loadPlaybooks(
  playbooksDir: string,
  options: Omit<LoadPlaybookOptions, 'playbooksDir'> = {},
): Promise<Playbook[]> {
  const files = await listPlaybookFiles(playbooksDir);
  const playbooks = await Promise.all(files.map((file) => loadPlaybook(file, { ...options, playbooksDir })));
  return playbooks.sort((a, b) => a.id.localeCompare(b.id));
}

async function readPlaybookFile(idOrPath: string, options: LoadPlaybookOptions): Promise<{ file: string; text: string }> {
  const looksLikePath = idOrPath.includes('/') || idOrPath.includes('\\') || EXTENSIONS.includes(extname(idOrPath));
  const candidates = looksLikePath
    ? [isAbsolute(idOrPath) ? idOrPath : resolve(options.cwd ?? process.cwd(), idOrPath)]
    : EXTENSIONS.map((extension) => join(options.playbooksDir, `${idOrPath}${extension}`));
  for (const candidate of candidates) {
    try {
      return { file: candidate, text: await readFile(candidate, 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const available = (await listPlaybookFiles(options.playbooksDir)).map((file) => basename(file, extname(file)));
  throw new MopsError(
    'NOT_FOUND',
    `No playbook "${idOrPath}" (looked for ${candidates.join(', ')}). ${available.length ? `Available playbooks: ${available.join(', ')}.` : `There are no playbooks in ${options.playbooksDir}.`}`,
    { details: { id: idOrPath, available } },
  );
}
