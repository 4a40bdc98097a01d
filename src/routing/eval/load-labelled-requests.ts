import { readFile } from 'node:fs/promises';
import { MopsError } from '../../errors/index.js';
import { LabelledRequestSchema, type LabelledRequest } from './labelled-request.js';

/** Reads a labelled JSONL set; a bad line is an error naming file, line and field. */
export async function loadLabelledRequests(file: string): Promise<LabelledRequest[]> {
  const text = await readFile(file, 'utf8');
  const out: LabelledRequest[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      throw new MopsError('INVALID_FILE', `not valid JSON: ${(error as Error).message}`, { location: { file, line: i + 1 } });
    }
    const parsed = LabelledRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new MopsError('INVALID_FILE', `${issue.path.join('.') || '(line)'}: ${issue.message}`, { location: { file, line: i + 1 } });
    }
    out.push(parsed.data);
  });
  return out;
}
