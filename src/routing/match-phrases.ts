import type { IndexedPhrase } from './route-index.js';
import type { StemEntry } from './stem-table.js';

export interface PhraseHit {
  phrase: IndexedPhrase;
  value: number;
  full: boolean;
}

/** Per-phrase counters reused across calls (routing is synchronous, so calls never overlap). */
interface PhraseCounters {
  /** Each phrase's stem count and weight, side by side, so checking a phrase touches no object. */
  lengths: Int32Array;
  weights: Float64Array;
  stamp: number;
  stamps: Int32Array;
  matchedWeight: Float64Array;
  matchedStems: Int32Array;
  touched: Int32Array;
}

const counters = new WeakMap<readonly IndexedPhrase[], PhraseCounters>();
function countersFor(phrases: readonly IndexedPhrase[]): PhraseCounters {
  let c = counters.get(phrases);
  if (!c) {
    const n = phrases.length;
    c = {
      lengths: Int32Array.from(phrases, (p) => p.ids.length),
      weights: Float64Array.from(phrases, (p) => p.weight),
      stamp: 0,
      stamps: new Int32Array(n),
      matchedWeight: new Float64Array(n),
      matchedStems: new Int32Array(n),
      touched: new Int32Array(n),
    };
    counters.set(phrases, c);
  }
  return c;
}

/**
 * Finds the phrases a query matches in full, or mostly (their matched idf at least 60 %
 * of their weight; partial matches count less), in the order the query first reaches
 * them. One pass over the postings of the query's stems (`postings`: the trigger phrases
 * or the rule segments) adds up each phrase's matched weight, so no phrase is examined twice.
 */
export function matchPhrases(
  phrases: readonly IndexedPhrase[],
  query: readonly StemEntry[],
  postings: 'phrases' | 'rules',
  partial: number,
): PhraseHit[] {
  const c = countersFor(phrases);
  // Stamps live in an Int32Array: start over before they would wrap (a long-running server gets there).
  if (c.stamp === 0x7fffffff) {
    c.stamps.fill(0);
    c.stamp = 0;
  }
  const stamp = ++c.stamp;
  // The counters in locals: the loops below then read no object field per posting.
  const { lengths, weights, stamps, matchedWeight, matchedStems, touched } = c;
  const usePhrases = postings === 'phrases';
  let touchedCount = 0;
  for (const entry of query) {
    // Named, not `entry[postings]`: a read by a computed name is a slow lookup every time.
    const list = usePhrases ? entry.phrases : entry.rules;
    const weight = entry.idf;
    for (let i = 0; i < list.length; i++) {
      const id = list[i]!;
      if (stamps[id] !== stamp) {
        stamps[id] = stamp;
        matchedWeight[id] = 0;
        matchedStems[id] = 0;
        touched[touchedCount++] = id;
      }
      matchedWeight[id]! += weight;
      matchedStems[id]!++;
    }
  }
  const hits: PhraseHit[] = [];
  for (let i = 0; i < touchedCount; i++) {
    const id = touched[i]!;
    const length = lengths[id]!;
    const weight = weights[id]!;
    if (matchedStems[id] === length) {
      hits.push({ phrase: phrases[id]!, value: weight, full: true });
      continue;
    }
    if (length < 2 || weight === 0) continue;
    const coverage = matchedWeight[id]! / weight;
    if (coverage >= 0.6) hits.push({ phrase: phrases[id]!, value: weight * coverage * coverage * partial, full: false });
  }
  return hits;
}
