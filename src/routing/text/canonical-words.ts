import { PHRASE_SYNONYMS, WORD_SYNONYMS } from './synonyms.js';

/**
 * Rewrites a request's tokens into canonical words: multi-word synonyms joined
 * ("e mail" → "email", "landing page" → "landingpage"), single words mapped
 * ("adverts" → "ad"). The phrase patterns are regexes over the space-joined tokens;
 * a request is only run through the few whose first word it contains.
 */

// A Map, not the object: a word like "constructor" must not find Object's own properties.
const WORD_MAP = new Map(Object.entries(WORD_SYNONYMS));

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

const NO_PATTERNS: readonly number[] = [];
/** Bound of the per-token memo below; past it the memo starts afresh. */
const MAX_MEMO = 50_000;
const patternsByToken = new Map<string, readonly number[]>();

/**
 * The phrase patterns a token could start, in ascending order: a one-letter anchor ("e"
 * of "e mail") must be the whole token, a longer one its start. Memoised per token,
 * because a server sees the same words again and again and most start no pattern.
 */
export function patternsStartedBy(token: string): readonly number[] {
  let found = patternsByToken.get(token);
  if (found === undefined) {
    const list: number[] = [];
    for (const [anchor, i] of ANCHORS_BY_LETTER.get(token[0] ?? '') ?? []) {
      if ((anchor.length === 1 ? token === anchor : token.startsWith(anchor)) && !list.includes(i)) list.push(i);
    }
    found = list.length === 0 ? NO_PATTERNS : list.sort((a, b) => a - b);
    if (patternsByToken.size >= MAX_MEMO) patternsByToken.clear();
    patternsByToken.set(token, found);
  }
  return found;
}

/** The single-word canonical form of a word ("adverts" → "ad"). */
export function canonicalWord(word: string): string {
  return WORD_MAP.get(word) ?? word;
}

/** Whether a phrase pattern may start at this word, so that text containing it needs `rewritePhrases`. */
export function startsPhrase(word: string): boolean {
  return ALWAYS_TRIED.length > 0 || patternsStartedBy(word).length > 0;
}

/**
 * Joins the multi-word synonyms among the words (single words, no spaces), e.g.
 * "e mail" → "email"; undefined when no pattern matched, so the words stand as they are.
 * `started`: each word's `patternsStartedBy`, when the caller has them already.
 */
export function rewritePhrases(words: readonly string[], started?: ReadonlyArray<readonly number[]>): string[] | undefined {
  let tried: number[] | undefined = ALWAYS_TRIED.length > 0 ? [...ALWAYS_TRIED] : undefined;
  for (let w = 0; w < words.length; w++) {
    const patterns = started?.[w] ?? patternsStartedBy(words[w]!);
    if (patterns.length === 0) continue;
    tried ??= [];
    for (const i of patterns) if (!tried.includes(i)) tried.push(i);
  }
  if (!tried) return undefined;
  const joined = ` ${words.join(' ')} `;
  let s = joined;
  // In list order: an earlier entry's rewrite takes priority over a later one.
  for (const i of tried.sort((a, b) => a - b)) {
    const [pattern, replacement] = PHRASE_SYNONYMS[i]!;
    s = s.replace(pattern, ` ${replacement} `);
  }
  // Most tried patterns do not match after all.
  if (s === joined) return undefined;
  return s.split(' ').filter((word) => word !== '');
}

/** Joins multi-word synonyms and canonicalises words (tokens as `rawTokens` makes them). */
export function canonicalWords(tokens: readonly string[]): string[] {
  return (rewritePhrases(tokens) ?? tokens).map(canonicalWord);
}
