import { editDistance } from '../../text/edit-distance.js';
import { isEnglishWord } from './english-words.js';
import { STOPWORDS } from './stopwords.js';

/** Options for typo repair: words not in `vocabulary` may be mapped to a close known word. */
export interface TypoRepairOptions {
  /** Known words (as written in triggers and descriptions) with how often they occur. */
  vocabulary?: ReadonlyMap<string, number>;
  /** Words that are correctly spelled even though they are not in the vocabulary. */
  knownWords?: (word: string) => boolean;
}

/**
 * Maps a misspelt word to the closest vocabulary word; real English words are never
 * changed. Not memoised here: the analyser memoises its whole per-token work.
 */
export function createTypoRepair(options: TypoRepairOptions = {}): (word: string) => string {
  const { vocabulary, knownWords } = options;
  if (!vocabulary) return (word) => word;
  const vocabByLength = new Map<number, string[]>();
  for (const word of vocabulary.keys()) {
    const list = vocabByLength.get(word.length) ?? [];
    list.push(word);
    vocabByLength.set(word.length, list);
  }

  /** The closest vocabulary word within 1 edit (2 for long words), most frequent first. */
  const closest = (word: string): string | undefined => {
    const max = word.length >= 8 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = max + 1;
    let bestCount = -1;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const candidate of vocabByLength.get(len) ?? []) {
        // Typos rarely change the first letter; requiring it avoids most false repairs.
        if (candidate[0] !== word[0]) continue;
        const d = editDistance(word, candidate, max);
        if (d > max) continue;
        const count = vocabulary.get(candidate) ?? 0;
        if (d < bestDistance || (d === bestDistance && count > bestCount)) {
          best = candidate;
          bestDistance = d;
          bestCount = count;
        }
      }
    }
    return best;
  };

  return (word) => {
    if (word.length < 5 || vocabulary.has(word) || STOPWORDS.has(word) || /\d/.test(word)) return word;
    const candidate = closest(word);
    return candidate && !(knownWords ?? isEnglishWord)(word) ? candidate : word;
  };
}
