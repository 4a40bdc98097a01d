import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export type YamlPath = readonly PropertyKey[];

/** A 1-based line and column in a file. */
export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * Maps a path in the parsed data (as zod reports it) back to where it is written in
 * the YAML file. `key: true` points at a mapping key instead of its value (used for
 * unknown keys and bad record keys). A path that does not exist (a missing field)
 * resolves to the nearest existing parent, which is where the field belongs.
 */
export interface YamlSourceMap {
  file: string;
  locate(path: YamlPath, options?: { key?: boolean }): SourcePosition;
}

export function createYamlSourceMap(file: string, document: Document, lineCounter: LineCounter): YamlSourceMap {
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    file,
    locate(path, options = {}) {
      let node: unknown = document.contents;
      let best = isNodeWithRange(node) ? node.range[0] : 0;
      for (const [index, segment] of path.entries()) {
        const isLast = index === path.length - 1;
        if (isMap(node)) {
          const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
          if (!pair) break;
          const keyNode = pair.key as Node;
          if (isLast && options.key) return position(keyNode.range?.[0] ?? best);
          // A key with an empty value (`skill:`) has no value node: point at the key.
          const valueNode = pair.value as Node | null;
          best = valueNode?.range ? valueNode.range[0] : (keyNode.range?.[0] ?? best);
          if (!valueNode?.range) break;
          node = valueNode;
        } else if (isSeq(node) && typeof segment === 'number') {
          const item = node.items[segment] as Node | undefined;
          if (!item?.range) break;
          best = item.range[0];
          node = item;
        } else {
          break;
        }
      }
      return position(best);
    },
  };
}

function isNodeWithRange(node: unknown): node is Node & { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && Array.isArray((node as { range?: unknown }).range);
}
