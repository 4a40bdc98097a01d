import type { z } from 'zod';
import { MopsError } from '../../errors/index.js';
import { formatZodIssue } from './describe-zod-issue.js';

/**
 * Parses a tool's input with its schema. On failure throws one INVALID_INPUT error that
 * lists every problem with its field path, e.g. `rows[2].score: expected a number, got "x"`.
 */
export function parseToolInput<S extends z.ZodType>(schema: S, input: unknown, toolName: string): z.output<S> {
  const result = schema.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => formatZodIssue(issue));
  throw new MopsError(
    'INVALID_INPUT',
    `${toolName}: the input has ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`,
    { details: { tool: toolName, problems } },
  );
}
