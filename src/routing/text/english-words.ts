import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The package's one export is the path of its words.txt; finding the file next to its
// module works the same from the modules and from the CLI bundle (where the package's
// default export arrives wrapped).
const wordListPath = (): string => join(dirname(createRequire(import.meta.url).resolve('word-list')), 'words.txt');

/**
 * Whether a word is ordinary English (from the `word-list` package, ~275k words).
 * Typo repair consults it so that a correctly spelled word ("files", "selling") is never
 * "repaired" into a marketing word ("fixes", "spelling"). The list is read on first use
 * only. Its words are grouped by their first two letters, each group contiguous, so a
 * lookup searches one small block instead of the whole 2.8 MB text.
 */
interface WordBlocks {
  text: string;
  blocks: Map<string, readonly [number, number]>;
}

let words: WordBlocks | undefined;
const cache = new Map<string, boolean>();

function loadBlocks(): WordBlocks {
  const text = `\n${readFileSync(wordListPath(), 'utf8')}\n`;
  const blocks = new Map<string, readonly [number, number]>();
  let prefix = '';
  let start = 0;
  for (let pos = 0; pos < text.length - 1; ) {
    const next = text.indexOf('\n', pos + 1);
    if (next < 0) break;
    const p = text.slice(pos + 1, pos + 3);
    if (p !== prefix) {
      if (prefix) blocks.set(prefix, [start, pos + 1]);
      prefix = p;
      start = pos;
    }
    pos = next;
  }
  if (prefix) blocks.set(prefix, [start, text.length]);
  return { text, blocks };
}

export function isEnglishWord(word: string): boolean {
  const known = cache.get(word);
  if (known !== undefined) return known;
  words ??= loadBlocks();
  const block = words.blocks.get(word.slice(0, 2));
  const found = block !== undefined && words.text.slice(block[0], block[1]).includes(`\n${word}\n`);
  if (cache.size > 100_000) cache.clear();
  cache.set(word, found);
  return found;
}
