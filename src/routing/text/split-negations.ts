/**
 * Separates what a request excludes from what it asks for. People steer between
 * sibling skills by negation ("not a style guide yet", "I don't need proofreading",
 * "not page copy"), and a bag of words would count those words as evidence *for*
 * the thing they rule out.
 *
 * Only exclusions are removed: "our homepage doesn't convert" describes the problem
 * and keeps its words.
 */
export interface SplitRequest {
  /** The request with excluded spans removed. */
  wanted: string;
  /** The excluded spans, as written. */
  excluded: string[];
}

// A negation that excludes what follows, up to the end of the clause.
const EXCLUSION = new RegExp(
  [
    String.raw`\bnot\s+(?:looking\s+for|asking\s+for|after|about|for)\b`,
    String.raw`\b(?:i|we)\s+(?:do\s+not|don'?t|dont)\s+(?:need|want|care\s+about|mean)\b`,
    String.raw`\b(?:no\s+need\s+for|instead\s+of|rather\s+than|as\s+opposed\s+to|other\s+than)\b`,
    // Imperative "don't ..." at the start of a clause: "Don't write the copy yet."
    String.raw`(?:^|[.!?;:,]\s*)(?:please\s+)?(?:do\s+not|don'?t|dont)\b`,
    String.raw`\b(?:it|this|that)\s*(?:is\s*n[o']?t|isn'?t|isnt)\b`,
    // "it doesn't sound like AI": the user rules out what the text is not.
    String.raw`\b(?:it|this|that|they)\s+(?:does\s+not|doesn'?t|doesnt|do\s+not|don'?t)\s+(?:sound|read|look|feel|seem)(?:\s+like)?\b`,
    // "not a style guide", "not page copy", "not classic Google rankings": "not" before a noun phrase.
    // Not "not sure", "not yet", "not only": those hedge or add, they rule nothing out.
    String.raw`\bnot\s+(?!(?:sure|certain|clear|yet|only|much|enough|really|quite|too|very|always|everyone|everything)\b)(?=(?:a|an|the|my|our|your|any|just|classic|traditional|regular|normal|another|\w+ing\b|\w+s\b)?\s*\w)`,
  ].join('|'),
  'gi',
);

// Where an excluded span ends: punctuation, or a turn back to what is wanted.
// A dash between words also turns the sentence ("Not new articles - restructure our FAQs").
const CLAUSE_END = /[.!?;:,()–—]|\s-\s|\b(?:but|just|only|instead|i\s+need|we\s+need|i\s+want|we\s+want|focus\s+on|the\s+problem)\b/i;

export function splitNegations(text: string): SplitRequest {
  const excluded: string[] = [];
  let wanted = '';
  let last = 0;
  EXCLUSION.lastIndex = 0;
  for (let m = EXCLUSION.exec(text); m !== null; m = EXCLUSION.exec(text)) {
    const start = m.index + m[0].length;
    const rest = text.slice(start);
    const end = rest.search(CLAUSE_END);
    const spanEnd = end < 0 ? text.length : start + Math.max(end, 0);
    // "not" followed directly by clause end ("whether or not.") excludes nothing.
    if (spanEnd <= start) continue;
    wanted += `${text.slice(last, m.index)} `;
    excluded.push(text.slice(start, spanEnd).trim());
    last = spanEnd;
    EXCLUSION.lastIndex = spanEnd;
  }
  wanted += text.slice(last);
  return { wanted: wanted.trim(), excluded: excluded.filter(Boolean) };
}
