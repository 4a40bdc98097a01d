import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords.js';
import { canonicalWords } from './canonical-words.js';
import { isEnglishWord } from './english-words.js';
import { editDistance } from '../../text/edit-distance.js';

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
  /** Known words (as written in triggers and descriptions) with how often they occur. */
  vocabulary?: ReadonlyMap<string, number>;
  /** Words that are correctly spelled even though they are not in the vocabulary. */
  knownWords?: (word: string) => boolean;
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower case, accents and apostrophes removed, split into raw tokens. */
export function rawTokens(text: string): string[] {
  // Plain ASCII (most requests) has no accents to fold.
  const folded = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKD').replace(COMBINING_MARKS, '');
  let s = folded.toLowerCase();
  if (/['’‘`]/.test(s)) s = s.replace(/[’‘`]/g, "'").replace(/'s\b/g, '').replace(/'/g, '');
  if (s.includes('/')) s = s.replace(/\ba\s*\/\s*b\b/g, 'ab');
  if (s.includes('&')) s = s.replace(/\bd\s*&\s*d\b/g, 'dnd');
  return s.split(/[^a-z0-9]+/).filter(Boolean);
}

export function surfaceWords(text: string): string[] {
  return canonicalWords(rawTokens(text));
}

/** Bound of the per-word memos; past it a memo starts afresh. */
const MAX_MEMO = 50_000;

const stemCache = new Map<string, string>();
export function stemWord(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = /\d/.test(word) ? word : stemmer(word);
    if (stemCache.size >= MAX_MEMO) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

export function isContentWord(word: string): boolean {
  return word.length > 1 && !STOPWORDS.has(word);
}

export function createAnalyser(options: AnalyserOptions = {}): Analyser {
  const { vocabulary, knownWords } = options;
  const vocabByLength = new Map<number, string[]>();
  if (vocabulary) {
    for (const word of vocabulary.keys()) {
      const list = vocabByLength.get(word.length) ?? [];
      list.push(word);
      vocabByLength.set(word.length, list);
    }
  }
  const repairCache = new Map<string, string>();

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
        const count = vocabulary!.get(candidate) ?? 0;
        if (d < bestDistance || (d === bestDistance && count > bestCount)) {
          best = candidate;
          bestDistance = d;
          bestCount = count;
        }
      }
    }
    return best;
  };

  /**
   * Maps a misspelt word to a known one; real English words are never changed. Every
   * answer is memoised, known words included, so a word seen before costs one lookup.
   */
  const repair = (word: string): string => {
    if (!vocabulary || word.length < 5) return word;
    const cached = repairCache.get(word);
    if (cached !== undefined) return cached;
    let result = word;
    if (!vocabulary.has(word) && !STOPWORDS.has(word) && !/\d/.test(word)) {
      const candidate = closest(word);
      if (candidate && !(knownWords ?? isEnglishWord)(word)) result = candidate;
    }
    if (repairCache.size >= MAX_MEMO) repairCache.clear();
    repairCache.set(word, result);
    return result;
  };

  const words = (text: string): string[] => canonicalWords(rawTokens(text).map(repair));

  const terms = (text: string): string[] => {
    const out: string[] = [];
    for (const word of words(text)) if (isContentWord(word)) out.push(stemWord(word));
    return out;
  };

  return { words, terms };
}
