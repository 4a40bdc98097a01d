import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { MopsError } from '../../errors/index.js';
import { describeZodIssue, formatPath } from '../shared/describe-zod-issue.js';
import { stackSchema, type Stack } from './stack-schema.js';

/**
 * Parses a stack inventory written in YAML or JSON (JSON is valid YAML). A top-level list is
 * read as the list of tools. Every problem is reported as `file:line:col: path: message`,
 * all of them in one INVALID_FILE error.
 */
export function parseStackText(text: string, file = 'stack.yaml'): Stack {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const pos = first ? lineCounter.linePos(first.pos[0]) : { line: 1, col: 1 };
    const message = first?.message.split('\n')[0] ?? 'unreadable';
    throw new MopsError('INVALID_FILE', `not valid YAML or JSON: ${message}`, { location: { file, line: pos.line, column: pos.col } });
  }
  const root = doc.contents;
  const value: unknown = doc.toJS();
  const data = Array.isArray(value) ? { tools: value } : value;
  const parsed = stackSchema.safeParse(data ?? {}, { reportInput: true });
  if (parsed.success) return parsed.data;

  const problems = parsed.error.issues.map((issue) => {
    const docPath = isSeq(root) ? issue.path.slice(1) : issue.path;
    let node = nearestNode(root, docPath as (string | number)[]);
    // Point an unknown field at its own key rather than at the start of its object.
    if (issue.code === 'unrecognized_keys' && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === issue.keys[0]);
      if (pair && isScalar(pair.key)) node = pair.key;
    }
    const pos = node?.range ? lineCounter.linePos(node.range[0]) : { line: 1, col: 1 };
    return { line: pos.line, column: pos.col, message: `${formatPath(issue.path)}: ${describeZodIssue(issue)}` };
  });
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  const [first, ...rest] = problems;
  throw new MopsError(
    'INVALID_FILE',
    `${first?.message}${rest.map((p) => `\n${file}:${p.line}:${p.column}: ${p.message}`).join('')}${problems.length > 1 ? `\n${problems.length} problems in ${file}` : ''}`,
    { location: { file, line: first?.line ?? 1, column: first?.column ?? 1 }, details: { problems: problems.map((p) => ({ file, ...p })) } },
  );
}

/** The node at `path`, or the deepest existing ancestor (for a missing field: its object). */
function nearestNode(root: unknown, path: readonly (string | number)[]): Node | undefined {
  let node = root as Node | undefined;
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) next = node.get(key, true);
    else if (isSeq(node) && typeof key === 'number') next = node.get(key, true);
    if (next === undefined || next === null || typeof next !== 'object') return node;
    node = next as Node;
  }
  return node;
}
