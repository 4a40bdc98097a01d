import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { MopsError } from '../errors/index.js';
import type { Diagnostic } from '../context/diagnostic.js';
import { PlaybookSchema, type Playbook } from './playbook-schema.js';
import { createYamlSourceMap, type YamlSourceMap } from './yaml-source-map.js';
import { describeZodIssue } from './describe-zod-issue.js';

export interface PlaybookAnalysis {
  /** The validated playbook, when the YAML parsed and matched the schema. */
  playbook?: Playbook;
  sourceMap: YamlSourceMap;
  /** YAML and schema problems, each located at the offending node. */
  diagnostics: Diagnostic[];
}

/**
 * Parses playbook YAML and validates it against the schema, collecting every problem as
 * a located diagnostic instead of throwing. Pure. `parsePlaybook` is the throwing form.
 */
export function analyzePlaybookText(text: string, { file }: { file: string }): PlaybookAnalysis {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const sourceMap = createYamlSourceMap(file, document, lineCounter);

  const yamlErrors = document.errors.map((problem) => yamlDiagnostic(problem, file, lineCounter, 'error'));
  const yamlWarnings = document.warnings.map((problem) => yamlDiagnostic(problem, file, lineCounter, 'warning'));
  if (yamlErrors.length > 0) return { sourceMap, diagnostics: [...yamlErrors, ...yamlWarnings] };

  const data: unknown = document.toJS();
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    return {
      sourceMap,
      diagnostics: [
        ...yamlWarnings,
        {
          severity: 'error',
          file,
          line: 1,
          column: 1,
          message: `Expected a playbook: a YAML mapping with id, name, description and steps; found ${data === null || data === undefined ? 'an empty document' : Array.isArray(data) ? 'a list' : `a ${typeof data}`}.`,
        },
      ],
    };
  }

  const result = PlaybookSchema.safeParse(data);
  if (result.success) return { playbook: result.data, sourceMap, diagnostics: yamlWarnings };
  return { sourceMap, diagnostics: [...yamlWarnings, ...result.error.issues.map((issue) => issueDiagnostic(issue, data, sourceMap))] };
}

/**
 * Parses and validates a playbook (pure). Throws INVALID_FILE located at the first
 * problem (`file:line:col: message`), with every diagnostic in `details.diagnostics`.
 */
export function parsePlaybook(text: string, { file }: { file: string }): { playbook: Playbook; sourceMap: YamlSourceMap } {
  const analysis = analyzePlaybookText(text, { file });
  const errors = analysis.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (!analysis.playbook || errors.length > 0) throw diagnosticsError(errors, file);
  return { playbook: analysis.playbook, sourceMap: analysis.sourceMap };
}

/** One INVALID_FILE error for a list of error diagnostics: located at the first, listing all. */
export function diagnosticsError(errors: readonly Diagnostic[], file: string): MopsError {
  const [first] = errors;
  const more = errors.length > 1
    ? `\n${errors.slice(1).map((d) => `  ${d.file}:${d.line}:${d.column}: ${d.message}`).join('\n')}`
    : '';
  return new MopsError('INVALID_FILE', `${first?.message ?? 'invalid playbook'}${more}`, {
    location: first ? { file: first.file, line: first.line, column: first.column } : { file },
    details: { diagnostics: errors },
  });
}

function yamlDiagnostic(problem: YAMLError, file: string, lineCounter: LineCounter, severity: Diagnostic['severity']): Diagnostic {
  const { line, col } = problem.linePos?.[0] ?? lineCounter.linePos(problem.pos[0]);
  // Without prettyErrors the message is the bare reason; keep its first line only.
  const reason = problem.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? problem.code;
  return { severity, file, line, column: col, message: `YAML: ${reason}` };
}

function issueDiagnostic(issue: z.core.$ZodIssue, data: unknown, sourceMap: YamlSourceMap): Diagnostic {
  const { path, message, pointAtKey } = describeZodIssue(issue, data);
  const { line, column } = sourceMap.locate(path, { key: pointAtKey });
  return { severity: 'error', file: sourceMap.file, line, column, message };
}
