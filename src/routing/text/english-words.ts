import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

/**
 * Whether a word is ordinary English (from the `word-list` package, ~275k words).
 * Typo repair consults it so that a correctly spelled word ("files", "selling") is never
 * "repaired" into a marketing word ("fixes", "spelling"). The list is read on first use
 * only, and answers are cached, since most requests never need it.
 */
let text: string | undefined;
const cache = new Map<string, boolean>();

export function isEnglishWord(word: string): boolean {
  const known = cache.get(word);
  if (known !== undefined) return known;
  text ??= `\n${readFileSync(wordListPath, 'utf8')}\n`;
  const found = text.includes(`\n${word}\n`);
  if (cache.size > 100_000) cache.clear();
  cache.set(word, found);
  return found;
}
