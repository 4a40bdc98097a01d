import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords.js';
import { PHRASE_SYNONYMS, WORD_SYNONYMS } from './synonyms.js';

/**
 * Turns free text into routing terms: lower case, accents and apostrophes removed,
 * multi-word synonyms joined, words canonicalised, stopwords dropped, Porter-stemmed.
 */
export interface Analyser {
  /** Surface words after synonym mapping, before stopword removal and stemming. */
  words(text: string): string[];
  /** Stems of the content words, in order. */
  terms(text: string): string[];
}

/** Options for typo repair: words not in `vocabulary` may be mapped to a close known word. */
export interface AnalyserOptions {
  vocabulary?: ReadonlySet<string>;
  /** Words that are correctly spelled even though they are not in the vocabulary. */
  knownWords?: (word: string) => boolean;
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function surfaceWords(text: string): string[] {
  let s = text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  s = s.replace(/[’‘`]/g, "'").replace(/'s\b/g, '').replace(/'/g, '');
  for (const [pattern, replacement] of PHRASE_SYNONYMS) s = s.replace(pattern, ` ${replacement} `);
  const out: string[] = [];
  for (const raw of s.split(/[^a-z0-9]+/)) {
    if (!raw) continue;
    out.push(WORD_SYNONYMS[raw] ?? raw);
  }
  return out;
}

const stemCache = new Map<string, string>();
export function stemWord(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = /\d/.test(word) ? word : stemmer(word);
    stemCache.set(word, stem);
  }
  return stem;
}

export function isContentWord(word: string): boolean {
  return word.length > 1 && !STOPWORDS.has(word);
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2: number[] = new Array(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j]!;
    prev = cur;
  }
  return prev[b.length]!;
}

export function createAnalyser(options: AnalyserOptions = {}): Analyser {
  const { vocabulary, knownWords } = options;
  const vocabByLength = new Map<number, string[]>();
  if (vocabulary) {
    for (const word of vocabulary) {
      const list = vocabByLength.get(word.length) ?? [];
      list.push(word);
      vocabByLength.set(word.length, list);
    }
  }
  const repairCache = new Map<string, string>();

  /** Maps a misspelt word to the closest vocabulary word, or returns it unchanged. */
  const repair = (word: string): string => {
    if (!vocabulary || word.length < 5 || vocabulary.has(word) || /\d/.test(word)) return word;
    const cached = repairCache.get(word);
    if (cached !== undefined) return cached;
    let result = word;
    if (!knownWords?.(word)) {
      const max = word.length >= 8 ? 2 : 1;
      let best = max + 1;
      for (let len = word.length - max; len <= word.length + max; len++) {
        for (const candidate of vocabByLength.get(len) ?? []) {
          // Typos rarely change the first letter; requiring it avoids most false repairs.
          if (candidate[0] !== word[0]) continue;
          const d = editDistance(word, candidate, max);
          if (d < best) {
            best = d;
            result = candidate;
          }
        }
      }
    }
    if (repairCache.size > 50_000) repairCache.clear();
    repairCache.set(word, result);
    return result;
  };

  const words = (text: string): string[] =>
    surfaceWords(text).map((word) => {
      const fixed = repair(word);
      return fixed === word ? word : (WORD_SYNONYMS[fixed] ?? fixed);
    });

  return {
    words,
    terms: (text) => words(text).filter(isContentWord).map(stemWord),
  };
}
