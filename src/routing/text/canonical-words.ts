import { PHRASE_REQUIREMENTS, PHRASE_SYNONYMS, WORD_SYNONYMS } from './synonyms.js';

/**
 * Rewrites a request's tokens into canonical words: multi-word synonyms joined
 * ("e mail" → "email", "landing page" → "landingpage"), single words mapped
 * ("adverts" → "ad"). The phrase patterns are regexes over the space-joined tokens;
 * a request is only run through the few whose first word it contains.
 */

// A Map, not the object: a word like "constructor" must not find Object's own properties.
const WORD_MAP = new Map(Object.entries(WORD_SYNONYMS));

/** A word a phrase pattern may start at: the word's start, or the whole word. */
export interface PhraseAnchor {
  text: string;
  /**
   * Whether the word must be exactly `text`: a one-letter anchor ("e" of "e mail"), or a
   * literal the pattern ends a word after (/\bab\b/ starts at "ab", never at "about").
   */
  wholeWord: boolean;
}

/**
 * The word each alternative of a phrase pattern must start with ("cover" for
 * /\bcover letters?\b/), so a request is only scanned by the few patterns whose first
 * word it contains. An alternative with no literal start yields '' (always scanned).
 */
export function patternAnchors(pattern: RegExp): PhraseAnchor[] {
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
    if (group?.[1]) {
      const endsToken = TOKEN_END.test(alt.slice(group[0].length));
      return group[1].split('|').map((word) => (endsToken ? { text: word, wholeWord: true } : startOfWord(word)));
    }
    const literal = /^(?:\\b)?([a-z0-9]+)/.exec(alt)?.[1] ?? '';
    const rest = alt.slice(alt.indexOf(literal) + literal.length);
    // A quantifier after the run makes its last character optional ("tweets?" → "tweet").
    if (rest[0] === '?' || rest[0] === '*') return startOfWord(literal.slice(0, -1));
    // Tokens are word characters joined by single spaces, so a word boundary or a space after the run ends the token.
    if (TOKEN_END.test(rest)) return { text: literal, wholeWord: true };
    // "opt[\s-]?in": the token is the run itself, or starts with the run and the next one
    // ("optin"), never just the run ("optimise"). One letter stays a whole word (see startOfWord).
    const joined = OPTIONAL_SPACE_THEN_RUN.exec(rest);
    if (joined && literal.length > 1) return [{ text: literal, wholeWord: true }, startOfWord(literal + runStart(joined[1]!, joined[2]!))];
    // "de-?dup": tokens hold no hyphen, so the token starts with both runs ("dedup").
    const hyphenated = OPTIONAL_HYPHEN_THEN_RUN.exec(rest);
    if (hyphenated) return startOfWord(literal + runStart(hyphenated[1]!, hyphenated[2]!));
    return startOfWord(literal);
  });
}

/** A word boundary or a space (not an optional one) in a pattern's source. */
const TOKEN_END = /^(?:\\b|\\s|\[\\s-\]| )(?![?*])/;
/** An optional space, then a run of letters or digits and the quantifier after it, if any. */
const OPTIONAL_SPACE_THEN_RUN = /^(?:\\s|\[\\s-\]| )\?([a-z0-9]+)([?*]?)/;
/** An optional hyphen, then a run of letters or digits and the quantifier after it, if any. */
const OPTIONAL_HYPHEN_THEN_RUN = /^-\?([a-z0-9]+)([?*]?)/;

/** The part of a run every match contains: all of it, or all but a last character made optional. */
function runStart(run: string, quantifier: string): string {
  return quantifier ? run.slice(0, -1) : run;
}

/** An anchor the word must start with (one letter must be the whole word, as "e" of "e mail"). */
function startOfWord(text: string): PhraseAnchor {
  return { text, wholeWord: text.length === 1 };
}

const PHRASE_ANCHORS = PHRASE_SYNONYMS.map(([pattern, , anchors]) => anchors?.map(startOfWord) ?? patternAnchors(pattern));
/** Patterns that must always be tried (an alternative with no literal start). */
const ALWAYS_TRIED = PHRASE_ANCHORS.flatMap((anchors, i) => (anchors.some((a) => a.text === '') ? [i] : []));
/** First letter → [anchor, pattern index] pairs, so each token is checked against a few anchors. */
const ANCHORS_BY_LETTER = new Map<string, Array<readonly [PhraseAnchor, number]>>();
PHRASE_ANCHORS.forEach((anchors, i) => {
  for (const anchor of anchors) {
    if (!anchor.text) continue;
    const list = ANCHORS_BY_LETTER.get(anchor.text[0]!) ?? [];
    list.push([anchor, i]);
    ANCHORS_BY_LETTER.set(anchor.text[0]!, list);
  }
});

/** Each pattern's requirement (see PHRASE_REQUIREMENTS), by pattern index. */
const REQUIREMENTS = PHRASE_SYNONYMS.map(([pattern]) => PHRASE_REQUIREMENTS.get(pattern.source));
/** The words of each pattern's replacement, by pattern index. */
const REPLACEMENT_WORDS = PHRASE_SYNONYMS.map(([, replacement]) => replacement.split(' ').filter(Boolean));

/** What one word tells about the phrase patterns of a text that contains it. */
export interface PhraseClues {
  /** The patterns that may start at this word, ascending. */
  starts: readonly number[];
  /** The patterns with a requirement that this word meets. */
  meets: readonly number[];
}

/** Bound of the per-word memo below; past it the memo starts afresh. */
const MAX_MEMO = 50_000;
const cluesByWord = new Map<string, PhraseClues>();

/**
 * The phrase clues of a word (see PhraseAnchor for which anchors must be the whole
 * word). Memoised per word, because a server sees the same
 * words again and again and most start no pattern.
 */
export function phraseClues(word: string): PhraseClues {
  let clues = cluesByWord.get(word);
  if (clues === undefined) {
    const starts: number[] = [];
    for (const [anchor, i] of ANCHORS_BY_LETTER.get(word[0] ?? '') ?? []) {
      if (anchor.wholeWord ? word === anchor.text : word.startsWith(anchor.text)) insertOnce(starts, i);
    }
    const meets: number[] = [];
    REQUIREMENTS.forEach((literals, i) => {
      if (literals?.some((literal) => word.includes(literal))) meets.push(i);
    });
    clues = { starts, meets };
    if (cluesByWord.size >= MAX_MEMO) cluesByWord.clear();
    cluesByWord.set(word, clues);
  }
  return clues;
}

/** The single-word canonical form of a word ("adverts" → "ad"). */
export function canonicalWord(word: string): string {
  return WORD_MAP.get(word) ?? word;
}

/** Whether a phrase pattern may start at this word, so that text containing it needs `rewritePhrases`. */
export function startsPhrase(word: string): boolean {
  return ALWAYS_TRIED.length > 0 || phraseClues(word).starts.length > 0;
}

/**
 * Joins the multi-word synonyms among the words (single words, no spaces), e.g.
 * "e mail" → "email"; undefined when no pattern matched, so the words stand as they are.
 * `clues`: each word's `phraseClues`, when the caller has them already.
 */
export function rewritePhrases(words: readonly string[], clues?: readonly PhraseClues[]): string[] | undefined {
  let tried: number[] | undefined = ALWAYS_TRIED.length > 0 ? [...ALWAYS_TRIED] : undefined;
  const met: number[] = [];
  for (let w = 0; w < words.length; w++) {
    const { starts, meets } = clues?.[w] ?? phraseClues(words[w]!);
    for (const i of starts) insertOnce((tried ??= []), i);
    for (const i of meets) met.push(i);
  }
  // A pattern whose requirement no word meets cannot match the words as they are.
  const mayMatch = (i: number): boolean => REQUIREMENTS[i] === undefined || met.includes(i);
  if (!tried?.some(mayMatch)) return undefined;
  let s = ` ${words.join(' ')} `;
  let changed = false;
  // In list order: an earlier entry's rewrite takes priority over a later one.
  for (const i of tried) {
    if (!mayMatch(i)) continue;
    const [pattern, replacement] = PHRASE_SYNONYMS[i]!;
    const next = s.replace(pattern, ` ${replacement} `);
    if (next === s) continue;
    changed = true;
    s = next;
    // The words put in may meet requirements of later patterns (the words taken out only
    // leave pieces of themselves, which meet nothing their whole words did not).
    for (const word of REPLACEMENT_WORDS[i]!) met.push(...phraseClues(word).meets);
  }
  return changed ? spaceSeparatedWords(s) : undefined;
}

/** Adds a pattern index to an ascending list unless it is there already. */
function insertOnce(list: number[], value: number): void {
  let i = list.length;
  while (i > 0 && list[i - 1]! > value) i--;
  if (list[i - 1] === value) return;
  list.splice(i, 0, value);
}

/** The words of a text whose words are separated by runs of spaces (one pass, no empty strings). */
function spaceSeparatedWords(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 32) {
      if (start >= 0) out.push(text.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
  }
  if (start >= 0) out.push(text.slice(start));
  return out;
}

/** Joins multi-word synonyms and canonicalises words (tokens as `rawTokens` makes them). */
export function canonicalWords(tokens: readonly string[]): string[] {
  return (rewritePhrases(tokens) ?? tokens).map(canonicalWord);
}
