import { describe, expect, it } from 'vitest';
import { phraseClues, rewritePhrases, type PhraseClues } from '../../src/routing/text/canonical-words.js';
import { PHRASE_REQUIREMENTS, PHRASE_SYNONYMS } from '../../src/routing/text/synonyms.js';

const ALL_PATTERNS = PHRASE_SYNONYMS.map((_, i) => i);

/** The clues of the words with every requirement counted as met: phrase rewriting as it was without requirements. */
const withoutRequirements = (words: readonly string[]): PhraseClues[] =>
  words.map((word) => ({ starts: phraseClues(word).starts, meets: ALL_PATTERNS }));

// The literal words of each pattern, in order ("ad", "hoc"; "campaign", "finance", "office"...).
const PATTERN_WORDS = PHRASE_SYNONYMS.map(([pattern]) => pattern.source.replace(/\\[bswd]/g, ' ').match(/[a-z0-9]+/g) ?? []);
const NOISE = ['the', 'our', 'ads', 'write', 'new', 'page', 'e', 'x', 'ab', 'up', 'in', 'post', 'about'];
const SUFFIXES = ['', '', '', 's', 'ing', 'er', 'es'];

/**
 * Word lists near the patterns: a run of one pattern's words, some run together
 * ("adhoc") or given a suffix, among noise words. A small deterministic generator, so a
 * failing case can be replayed.
 */
function* randomWordLists(count: number): Generator<string[]> {
  // mulberry32: 32-bit integer arithmetic throughout, so the sequence is exact.
  let seed = 2024;
  const next = (n: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
  for (let i = 0; i < count; i++) {
    const source = PATTERN_WORDS[next(PATTERN_WORDS.length)]!;
    const start = next(Math.max(1, source.length));
    const run = source.slice(start, start + 1 + next(4));
    const words: string[] = [];
    for (let n = next(3); n > 0; n--) words.push(NOISE[next(NOISE.length)]!);
    for (const word of run) {
      const last = words.length - 1;
      if (last >= 0 && next(4) === 0) words[last] += word;
      else words.push(word + SUFFIXES[next(SUFFIXES.length)]!);
    }
    for (let n = next(3); n > 0; n--) words.push(NOISE[next(NOISE.length)]!);
    yield words;
  }
}

describe('phrase requirements', () => {
  it('each name an existing phrase pattern', () => {
    const sources = new Set(PHRASE_SYNONYMS.map(([pattern]) => pattern.source));
    for (const source of PHRASE_REQUIREMENTS.keys()) expect(sources, source).toContain(source);
  });

  it('only skip patterns that could not have matched', () => {
    for (const words of randomWordLists(30_000)) {
      expect(rewritePhrases(words), words.join(' ')).toEqual(rewritePhrases(words, withoutRequirements(words)));
    }
  });
});
