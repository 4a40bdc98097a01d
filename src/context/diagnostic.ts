import { formatLocation, type MopsError } from '../errors/index.js';

/**
 * One finding about a file (skill, playbook or context), located at `file:line:column`
 * (1-based). Linters return lists of these and never throw; `mops validate` prints them.
 */
export interface Diagnostic {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  message: string;
}

/** `file:line:col: severity: message`, the format editors and CI annotate from. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity}: ${diagnostic.message}`;
}

/** Errors first, then by file and position, so output is stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}

/** A loader's error as an error diagnostic at its location (the message without its location prefix). */
export function diagnosticFromError(error: MopsError, file: string): Diagnostic {
  const location = error.location ?? { file };
  const prefix = error.location ? `${formatLocation(error.location)}: ` : '';
  const message = prefix && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return { severity: 'error', file: location.file, line: location.line ?? 1, column: location.column ?? 1, message };
}
