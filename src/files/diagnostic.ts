/** One problem found by a linter. Linters return these and never throw. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  column?: number;
  message: string;
}

/** `file:line:col: severity: message`, the format editors and CI logs understand. */
export function formatDiagnostic(d: Diagnostic): string {
  let where = d.file;
  if (d.line !== undefined) where += `:${d.line}${d.column !== undefined ? `:${d.column}` : ''}`;
  return `${where}: ${d.severity}: ${d.message}`;
}
