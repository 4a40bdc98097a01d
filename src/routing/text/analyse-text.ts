import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords.js';
import { canonicalWord, canonicalWords, phraseClues, rewritePhrases, startsPhrase, type PhraseClues } from './canonical-words.js';
import { createTypoRepair, type TypoRepairOptions } from './typo-repair.js';

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

/** Typo-repair options (see typo-repair). */
export type AnalyserOptions = TypoRepairOptions;

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const PLAIN_ASCII = /^[\x00-\x7f]*$/;
const NON_WORD_RUNS = /[^a-z0-9]+/;

/** Lower case, accents and apostrophes removed, split into raw tokens. */
export function rawTokens(text: string): string[] {
  // Plain ASCII (most requests) has no accents to fold.
  const folded = PLAIN_ASCII.test(text) ? text : text.normalize('NFKD').replace(COMBINING_MARKS, '');
  let s = folded.toLowerCase();
  if (/['’‘`]/.test(s)) s = s.replace(/[’‘`]/g, "'").replace(/'s\b/g, '').replace(/'/g, '');
  if (s.includes('/')) s = s.replace(/\ba\s*\/\s*b\b/g, 'ab');
  if (s.includes('&')) s = s.replace(/\bd\s*&\s*d\b/g, 'dnd');
  const tokens = s.split(NON_WORD_RUNS);
  // Splitting on runs leaves an empty string only at either end.
  if (tokens[tokens.length - 1] === '') tokens.pop();
  if (tokens[0] === '') tokens.shift();
  return tokens;
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

/** What the analyser makes of one raw token, memoised per analyser. */
interface TokenAnalysis {
  /** The token after typo repair. */
  word: string;
  /** Whether a phrase synonym may start at this word (then the text takes the phrase-rewriting pass). */
  startsPhrase: boolean;
  /** What the word tells about the text's phrase patterns (see canonical-words). */
  clues: PhraseClues;
  /** The routing term of the word standing alone: the stem of its canonical form, if that is a content word. */
  stem: string | undefined;
}

/** Where the word is among the analysed tokens, from `from` on; -1 when it is not there. */
function indexOfWord(analysed: readonly TokenAnalysis[], word: string, from: number): number {
  for (let i = from; i < analysed.length; i++) if (analysed[i]!.word === word) return i;
  return -1;
}

export function createAnalyser(options: AnalyserOptions = {}): Analyser {
  const repair = createTypoRepair(options);
  // A server sees the same words again and again: each distinct token is repaired,
  // canonicalised and stemmed once, and costs one lookup after that.
  const memo = new Map<string, TokenAnalysis>();
  const analyse = (token: string): TokenAnalysis => {
    let analysis = memo.get(token);
    if (analysis === undefined) {
      const word = repair(token);
      const canonical = canonicalWord(word);
      analysis = { word, startsPhrase: startsPhrase(word), clues: phraseClues(word), stem: isContentWord(canonical) ? stemWord(canonical) : undefined };
      if (memo.size >= MAX_MEMO) memo.clear();
      memo.set(token, analysis);
    }
    return analysis;
  };

  const words = (text: string): string[] => canonicalWords(rawTokens(text).map((token) => analyse(token).word));

  const terms = (text: string): string[] => {
    const analysed = rawTokens(text).map(analyse);
    const rewritten = analysed.some((a) => a.startsPhrase)
      ? rewritePhrases(
          analysed.map((a) => a.word),
          analysed.map((a) => a.clues),
        )
      : undefined;
    const out: string[] = [];
    if (rewritten) {
      // A rewrite changes a few words and keeps the rest in order: a kept word takes the
      // term memoised for it, since looking up a new string costs more than comparing two.
      let next = 0;
      for (const word of rewritten) {
        const kept = indexOfWord(analysed, word, next);
        if (kept >= 0) {
          const stem = analysed[kept]!.stem;
          if (stem !== undefined) out.push(stem);
          next = kept + 1;
          continue;
        }
        const canonical = canonicalWord(word);
        if (isContentWord(canonical)) out.push(stemWord(canonical));
      }
    } else {
      // No phrase rewritten: each word's term is the one memoised for it.
      for (const a of analysed) if (a.stem !== undefined) out.push(a.stem);
    }
    return out;
  };

  return { words, terms };
}
