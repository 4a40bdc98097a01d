import { isMap, isSeq, LineCounter, type Document, type Node } from 'yaml';

/** A 1-based line/column position inside a file. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Finds where a value at `path` (as zod reports it) sits in a parsed YAML document.
 * Falls back to the closest existing ancestor, so a missing field points at its parent.
 */
export function locateYamlPath(
  doc: Document,
  lineCounter: LineCounter,
  path: ReadonlyArray<PropertyKey>,
): Position {
  let node: unknown = doc.contents;
  let best: unknown = doc.contents;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown } | null)?.value ?? item.key) === String(key));
      if (!pair) break;
      // Point at the key itself when the value is missing (e.g. `name:` with nothing after).
      best = pair.value ?? pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) break;
      best = item;
      node = item;
    } else {
      break;
    }
  }
  const range = (best as Node | null | undefined)?.range;
  const offset = range ? range[0] : 0;
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** Converts an offset pair from a YAML error into a position. */
export function positionAt(lineCounter: LineCounter, offset: number): Position {
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** Renders a zod issue path as `a.b[2].c` for messages. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}
