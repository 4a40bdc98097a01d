import { z } from 'zod';
import { toContractResult, type ContractRouteResult, type RouteResult } from './route-result.js';

const BatchInputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
});

/** One output line of `mops route --batch`: the input id plus the routing result, or an error. */
export type BatchLineResult =
  | ({ id: string | number } & ContractRouteResult)
  | { id: string | number | null; error: string };

/**
 * Routes every `{"id","text"}` line of a JSONL text (pure apart from `route`).
 * One result per non-blank input line, in order, with the same id; a bad line gets an
 * `error` naming its line number instead of stopping the batch.
 */
export function routeBatch(
  jsonl: string,
  route: (text: string) => RouteResult,
  file = 'input',
): { results: BatchLineResult[]; errors: string[] } {
  const results: BatchLineResult[] = [];
  const errors: string[] = [];
  const lines = jsonl.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file}:${i + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      const message = `${where}: not valid JSON (${(error as Error).message}); expected {"id": ..., "text": "..."}`;
      errors.push(message);
      results.push({ id: null, error: message });
      return;
    }
    const parsed = BatchInputSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.') || '(line)';
      const message = `${where}: ${field}: ${issue.message}; expected {"id": string|number, "text": string}`;
      errors.push(message);
      const id = raw && typeof raw === 'object' && 'id' in raw ? (raw as { id: unknown }).id : null;
      results.push({ id: typeof id === 'string' || typeof id === 'number' ? id : null, error: message });
      return;
    }
    results.push({ id: parsed.data.id, ...toContractResult(route(parsed.data.text)) });
  });
  return { results, errors };
}
