import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { isMopsError } from '../errors/index.js';
import { diagnosticFromError, type Diagnostic } from './diagnostic.js';
import { parseContext } from './parse-context.js';
import { scoreContext } from './score-context.js';

/**
 * Problems in marketing context files (folders expand to their `*.md`, skipping
 * `_template.md`-style files): broken front matter is an error; missing, thin and unknown
 * sections are warnings, since a thin context is unfinished rather than broken. Never
 * throws. `mops validate` calls this.
 */
export async function validateContextFiles(paths: readonly string[]): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const file of await expandPaths(paths)) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      diagnostics.push({ severity: 'error', file, line: 1, column: 1, message: `Cannot read the context: ${(error as Error).message}` });
      continue;
    }
    try {
      const context = parseContext(text, { file });
      const report = scoreContext(context);
      for (const section of report.sections) {
        if (section.status === 'complete') continue;
        const line = context.sections[section.id]?.line ?? 1;
        diagnostics.push({
          severity: 'warning',
          file,
          line,
          column: 1,
          message: `Section "${section.heading}" is ${section.status}: ${section.problems.join(' ')}`,
        });
      }
      for (const unknown of context.unknownSections) {
        diagnostics.push({
          severity: 'warning',
          file,
          line: unknown.line,
          column: 1,
          message: `Section "${unknown.heading}" is not a known context section, so it is kept but not scored.`,
        });
      }
      const stem = basename(file, extname(file));
      if (context.name !== stem && !stem.startsWith('_')) {
        diagnostics.push({
          severity: 'warning',
          file,
          line: 2,
          column: 1,
          message: `Front matter name "${context.name}" differs from the file name "${stem}"; contexts are looked up by file name.`,
        });
      }
    } catch (error) {
      if (!isMopsError(error)) throw error;
      diagnostics.push({ ...diagnosticFromError(error, file), file });
    }
  }
  return diagnostics;
}

async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory()) {
      files.push(path);
      continue;
    }
    const names = (await readdir(path)).filter((name) => extname(name) === '.md' && !name.startsWith('_') && !/^readme\.md$/i.test(name));
    files.push(...names.sort().map((name) => join(path, name)));
  }
  return files;
}
