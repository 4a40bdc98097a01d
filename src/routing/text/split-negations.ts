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
    // Not "not sure", "not yet", "not only": those hedge or add, they rule nothing out; and not
    // after a verb ("it does not convert", "ads are not working"): that describes the problem.
    String.raw`(?<!\b(?:does|do|did|is|are|was|were|can|could|will|would|should|has|have|had)\s+)\bnot\s+(?!(?:sure|certain|clear|yet|only|much|enough|really|quite|too|very|always|everyone|everything)\b)(?=(?:a|an|the|my|our|your|any|just|classic|traditional|regular|normal|another|\w+ing\b|\w+s\b)?\s*\w)`,
    // "we've already got the content calendar": what is done is not what is asked for.
    String.raw`\b(?:we|i)(?:'ve|\s+have)?\s+already\s+(?:got|done|written|set\s+up|sorted|built|made|launched|finished|created|documented|handled|covered|have)\b`,
  ].join('|'),
  'gi',
);

// Where an excluded span ends: punctuation, or a turn back to what is wanted.
// A dash between words also turns the sentence ("Not new articles - restructure our FAQs").
const CLAUSE_END = /[.!?;:,()–—]|\s-\s|\b(?:but|just|only|instead|i\s+need|we\s+need|i\s+want|we\s+want|focus\s+on|the\s+problem)\b/i;

// "Targeting and budget are already set up": the clause's subject is done, so it is ruled out.
const ALREADY_DONE = /\b(?:is|are|was|were|has\s+been|have\s+been)\s+already\s+(?:set\s+up|done|written|documented|sorted|in\s+place|handled|taken\s+care\s+of|covered|decided|defined|agreed|finished|built)\b|['’](?:s|re)\s+already\s+(?:set\s+up|done|written|documented|sorted|in\s+place|handled|covered|decided|defined|finished|built)\b/gi;
const CLAUSE_BREAK = /[.!?;:,()–—]/;

/** The request without its "... are already done" clauses, whose subjects go to `excluded`. */
function splitAlreadyDone(text: string, excluded: string[]): string {
  if (!/already/i.test(text)) return text;
  let kept = '';
  let last = 0;
  ALREADY_DONE.lastIndex = 0;
  for (let m = ALREADY_DONE.exec(text); m !== null; m = ALREADY_DONE.exec(text)) {
    // The subject runs back from the marker to the start of its clause.
    let clauseStart = last;
    for (let i = m.index - 1; i >= last; i--) {
      if (CLAUSE_BREAK.test(text[i]!)) {
        clauseStart = i + 1;
        break;
      }
    }
    const subject = text.slice(clauseStart, m.index).trim();
    if (subject) excluded.push(subject);
    kept += `${text.slice(last, clauseStart)} `;
    last = m.index + m[0].length;
  }
  return kept + text.slice(last);
}

export function splitNegations(request: string): SplitRequest {
  const excluded: string[] = [];
  const text = splitAlreadyDone(request, excluded);
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
