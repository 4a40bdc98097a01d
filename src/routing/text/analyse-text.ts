import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords.js';
import { PHRASE_SYNONYMS, WORD_SYNONYMS } from './synonyms.js';

// A Map, not the object: a word like "constructor" must not find Object's own properties.
const WORD_MAP = new Map(Object.entries(WORD_SYNONYMS));
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

/**
 * The word each alternative of a phrase pattern must start with ("cover" for
 * /\bcover letters?\b/), so a request is only scanned by the few patterns whose first
 * word it contains. An alternative with no literal start yields '' (always scanned).
 */
export function patternAnchors(pattern: RegExp): string[] {
  const source = pattern.source;
  const alternatives: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      current += ch + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (ch === '|' && depth === 0) {
      alternatives.push(current);
      current = '';
    } else current += ch;
  }
  alternatives.push(current);
  return alternatives.flatMap((alt) => {
    // A group of plain words at the start ("(?:on|for|to) x") anchors on each of them.
    const group = /^(?:\\b)?\(\?:([a-z0-9|]+)\)/.exec(alt);
    if (group?.[1]) return group[1].split('|');
    const literal = /^(?:\\b)?([a-z0-9]+)/.exec(alt)?.[1] ?? '';
    // A quantifier after the run makes its last character optional ("tweets?" → "tweet").
    const next = alt.slice(alt.indexOf(literal) + literal.length)[0];
    return next === '?' || next === '*' ? literal.slice(0, -1) : literal;
  });
}

const PHRASE_ANCHORS = PHRASE_SYNONYMS.map(([pattern, , anchors]) => anchors ?? patternAnchors(pattern));
/** Patterns that must always be tried (an alternative with no literal start). */
const ALWAYS_TRIED = PHRASE_ANCHORS.flatMap((anchors, i) => (anchors.includes('') ? [i] : []));
/** First letter → [anchor, pattern index] pairs, so each token is checked against a few anchors. */
const ANCHORS_BY_LETTER = new Map<string, Array<readonly [string, number]>>();
PHRASE_ANCHORS.forEach((anchors, i) => {
  for (const anchor of anchors) {
    if (!anchor) continue;
    const list = ANCHORS_BY_LETTER.get(anchor[0]!) ?? [];
    list.push([anchor, i]);
    ANCHORS_BY_LETTER.set(anchor[0]!, list);
  }
});

/** Joins multi-word synonyms and canonicalises words. */
export function canonicalWords(tokens: readonly string[]): string[] {
  // Which patterns could match: a one-letter anchor ("e" of "e mail") must be the whole
  // token, a longer one its start.
  let tried: number[] | undefined;
  const mark = (i: number): void => {
    tried ??= [];
    if (!tried.includes(i)) tried.push(i);
  };
  for (const i of ALWAYS_TRIED) mark(i);
  for (const token of tokens) {
    const candidates = ANCHORS_BY_LETTER.get(token[0] ?? '');
    if (!candidates) continue;
    for (const [anchor, i] of candidates) {
      if (anchor.length === 1 ? token === anchor : token.startsWith(anchor)) mark(i);
    }
  }
  if (!tried) {
    const out: string[] = [];
    for (const raw of tokens) out.push(WORD_MAP.get(raw) ?? raw);
    return out;
  }
  let s = ` ${tokens.join(' ')} `;
  // In list order: an earlier entry's rewrite takes priority over a later one.
  for (const i of tried.sort((a, b) => a - b)) {
    const [pattern, replacement] = PHRASE_SYNONYMS[i]!;
    s = s.replace(pattern, ` ${replacement} `);
  }
  const out: string[] = [];
  for (const raw of s.split(' ')) {
    if (raw) out.push(WORD_MAP.get(raw) ?? raw);
  }
  return out;
}

export function surfaceWords(text: string): string[] {
  return canonicalWords(rawTokens(text));
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

  /** Maps a misspelt word to a known one; real English words are never changed. */
  const repair = (word: string): string => {
    if (!vocabulary || word.length < 5 || vocabulary.has(word) || STOPWORDS.has(word) || /\d/.test(word)) return word;
    const cached = repairCache.get(word);
    if (cached !== undefined) return cached;
    let result = word;
    const candidate = closest(word);
    if (candidate && !(knownWords ?? isEnglishWord)(word)) result = candidate;
    if (repairCache.size > 50_000) repairCache.clear();
    repairCache.set(word, result);
    return result;
  };

  const words = (text: string): string[] => canonicalWords(rawTokens(text).map(repair));

  return {
    words,
    terms: (text) => words(text).filter(isContentWord).map(stemWord),
  };
}
