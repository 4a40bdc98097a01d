import type { IndexedPhrase, RouteIndex } from './route-index.js';

/** Weights of the scoring model; tuned on the labelled set, kept in one place. */
export interface ScoringWeights {
  /** Share of a partially matched phrase's weight that still counts. */
  partial: number;
  /** Weight of the 2nd and 3rd best phrase matches of a candidate. */
  second: number;
  third: number;
  /** Multiplier of the BM25 score (normalised by query length). */
  bm25: number;
  /** How much a matched "Not This" rule takes from its owner and gives to its target. */
  rulePenalty: number;
  ruleBoost: number;
}

export const DEFAULT_WEIGHTS: ScoringWeights = {
  partial: 0.5,
  second: 0.35,
  third: 0.15,
  bm25: 0.35,
  rulePenalty: 1.0,
  ruleBoost: 0.6,
};

export interface PhraseHit {
  phrase: IndexedPhrase;
  value: number;
  full: boolean;
}

/** The evidence gathered for one candidate. */
export interface CandidateScore {
  index: number;
  score: number;
  phraseScore: number;
  bm25: number;
  hits: PhraseHit[];
  /** "Not This" rules of this candidate that fired against it. */
  penalisedBy: PhraseHit[];
  /** "Not This" rules of other candidates that sent the request here. */
  boostedBy: PhraseHit[];
}

export interface ScoredRequest {
  terms: string[];
  candidates: CandidateScore[];
}

function matchPhrase(phrase: IndexedPhrase, query: ReadonlySet<string>, index: RouteIndex, partial: number): PhraseHit | undefined {
  let matched = 0;
  let count = 0;
  for (const stem of phrase.stems) {
    if (query.has(stem)) {
      matched += index.idf.get(stem) ?? 0;
      count++;
    }
  }
  if (count === phrase.stems.length) return { phrase, value: phrase.weight, full: true };
  if (phrase.stems.length < 2 || phrase.weight === 0) return undefined;
  const coverage = matched / phrase.weight;
  if (coverage < 0.6) return undefined;
  return { phrase, value: phrase.weight * coverage * coverage * partial, full: false };
}

/** Scores every candidate for a request. Pure: same index and text, same result. */
export function scoreRequest(index: RouteIndex, text: string, weights: ScoringWeights = DEFAULT_WEIGHTS): ScoredRequest {
  const terms = index.analyser.terms(text);
  const query = new Set(terms);
  const scores: CandidateScore[] = index.candidates.map((_, i) => ({
    index: i,
    score: 0,
    phraseScore: 0,
    bm25: 0,
    hits: [],
    penalisedBy: [],
    boostedBy: [],
  }));
  if (query.size === 0) return { terms, candidates: scores };

  const seen = new Set<number>();
  for (const stem of query) {
    for (const id of index.phrasesByStem.get(stem) ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      const phrase = index.phrases[id]!;
      const hit = matchPhrase(phrase, query, index, weights.partial);
      if (hit) scores[phrase.target]!.hits.push(hit);
    }
  }
  for (const s of scores) {
    if (s.hits.length === 0) continue;
    s.hits.sort((a, b) => b.value - a.value);
    const [a, b, c] = s.hits;
    s.phraseScore = (a?.value ?? 0) + weights.second * (b?.value ?? 0) + weights.third * (c?.value ?? 0);
  }

  // BM25 evidence, normalised so long messages do not outscore short precise ones.
  const norm = Math.sqrt(query.size);
  for (const result of index.search.search(terms.join(' '))) {
    const s = scores[result.id as number];
    if (s) s.bm25 = result.score / norm;
  }

  // "Not This" rules: when a rule describes the request at least as specifically as the
  // owner's own best trigger, the owner is the tempting wrong answer.
  const seenRules = new Set<number>();
  const ruleHits: PhraseHit[] = [];
  for (const stem of query) {
    for (const id of index.rulesByStem.get(stem) ?? []) {
      if (seenRules.has(id)) continue;
      seenRules.add(id);
      const hit = matchPhrase(index.rules[id]!, query, index, weights.partial);
      if (hit?.full) ruleHits.push(hit);
    }
  }
  for (const s of scores) s.score = s.phraseScore + weights.bm25 * s.bm25;
  for (const hit of ruleHits) {
    const owner = scores[hit.phrase.ruleOwner!]!;
    const target = scores[hit.phrase.target]!;
    const ownerBest = owner.hits[0]?.value ?? 0;
    if (hit.value + 1e-9 < ownerBest) continue;
    owner.penalisedBy.push(hit);
    target.boostedBy.push(hit);
  }
  for (const s of scores) {
    const penalty = Math.max(0, ...s.penalisedBy.map((h) => h.value));
    const boost = Math.max(0, ...s.boostedBy.map((h) => h.value));
    s.score = Math.max(0, s.score - weights.rulePenalty * penalty) + weights.ruleBoost * boost;
  }
  return { terms, candidates: scores };
}
