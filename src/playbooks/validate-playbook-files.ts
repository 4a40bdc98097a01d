import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Diagnostic } from '../context/diagnostic.js';
import { lintPlaybook } from './lint-playbook.js';
import { listPlaybookFiles } from './load-playbook.js';
import { analyzePlaybookText } from './parse-playbook.js';

export interface ValidatePlaybookOptions {
  /** Known skill ids; pass them so unknown skills are reported. */
  skillIds?: Iterable<string>;
  /** Known ops tool names; pass them so unknown gate tools are reported. */
  opsToolNames?: Iterable<string>;
}

/**
 * Every problem in the given playbook files (folders are expanded to their `*.yaml`):
 * YAML syntax, schema, references, ownership. Never throws; unreadable files are
 * reported as diagnostics too. `mops validate` calls this.
 */
export async function validatePlaybookFiles(paths: readonly string[], options: ValidatePlaybookOptions = {}): Promise<Diagnostic[]> {
  const skillIds = options.skillIds ? [...options.skillIds] : undefined;
  const opsToolNames = options.opsToolNames ? [...options.opsToolNames] : undefined;
  const diagnostics: Diagnostic[] = [];
  for (const file of await expandPaths(paths)) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      diagnostics.push({ severity: 'error', file, line: 1, column: 1, message: `Cannot read the playbook: ${(error as Error).message}` });
      continue;
    }
    const analysis = analyzePlaybookText(text, { file });
    diagnostics.push(...analysis.diagnostics);
    if (!analysis.playbook) continue;
    diagnostics.push(...lintPlaybook(analysis.playbook, { sourceMap: analysis.sourceMap, skillIds, opsToolNames }));
    const stem = basename(file, extname(file));
    if (analysis.playbook.id !== stem) {
      const { line, column } = analysis.sourceMap.locate(['id']);
      diagnostics.push({
        severity: 'warning',
        file,
        line,
        column,
        message: `Playbook id "${analysis.playbook.id}" differs from the file name "${stem}"; \`mops run ${analysis.playbook.id}\` looks for ${analysis.playbook.id}.yaml. Rename one of them.`,
      });
    }
  }
  return diagnostics;
}

async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) files.push(...(await listPlaybookFiles(path)));
    else files.push(path);
  }
  return files;
}
