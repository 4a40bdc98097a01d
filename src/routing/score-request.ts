import type { IndexedPhrase, RouteIndex } from './route-index.js';
import { campaignScope } from './campaign-scope.js';
import { splitNegations } from './text/split-negations.js';
import { splitQuoted } from './text/split-quoted.js';
import { businessContext, marketingIntent } from './text/marketing-intent.js';
import { requestShape } from './text/request-shape.js';

/** Weights of the scoring model; tuned on the labelled set, kept in one place. */
export interface ScoringWeights {
  /** Share of a partially matched phrase's weight that still counts. */
  partial: number;
  /** Weight of the 2nd and 3rd best phrase matches of a candidate. */
  second: number;
  third: number;
  /** Multiplier of the BM25 score (normalised by query length). */
  bm25: number;
  /** Weight of the best phrase match in the marketing evidence. */
  evidencePhrase: number;
  /** Lift for analytics skills when the request is mostly figures to read. */
  data: number;
  /** Evidence when the request carries pasted material to work on. */
  pasted: number;
  /** Evidence when the request is about the user's own business. */
  business: number;
  /** Share of other-domain weight that still counts in a business request. */
  businessOffDomain: number;
  /** Evidence per plain-words marketing goal ("get more customers"). */
  intent: number;
  /** Share of its score a playbook keeps when nothing asks for a whole campaign. */
  playbookWithoutScope: number;
  /** Evidence added when the request is essentially one of the triggers. */
  exactTrigger: number;
  /** Multiplier of other-domain words against the evidence. */
  offDomain: number;
  /** How much a matched "Not This" rule takes from its owner and gives to its target. */
  rulePenalty: number;
  ruleBoost: number;
  /** Penalty share for candidates whose phrases match what the request rules out. */
  excluded: number;
  /** How much a whole-campaign request lifts the playbooks. */
  campaign: number;
}

export const DEFAULT_WEIGHTS: ScoringWeights = {
  partial: 0.5,
  second: 0.35,
  third: 0.15,
  bm25: 10,
  evidencePhrase: 0.3,
  offDomain: 1.0,
  exactTrigger: 1.0,
  intent: 1.2,
  business: 0.5,
  data: 5,
  pasted: 0.3,
  businessOffDomain: 0.3,
  playbookWithoutScope: 0.5,
  rulePenalty: 1.0,
  ruleBoost: 0.6,
  excluded: 0.8,
  campaign: 5,
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
  /** Whether a trigger of two or more words matched in full. */
  multiWordMatch: boolean;
  /** "Not This" rules of this candidate that fired against it. */
  penalisedBy: PhraseHit[];
  /** "Not This" rules of other candidates that sent the request here. */
  boostedBy: PhraseHit[];
}

export interface ScoredRequest {
  terms: string[];
  candidates: CandidateScore[];
  /** How much the request looks like a marketing task at all (domain words and phrase matches). */
  evidence: number;
  /** Query stems that carried marketing (positive) or other-domain (negative) weight. */
  domainTerms: Array<{ stem: string; weight: number }>;
}

/** How many of its best phrase matches each candidate keeps (scores use the top three). */
const TOP_HITS = 4;

/** Inserts a hit into a list kept sorted by value, at most `max` entries long. */
function keepTop(list: PhraseHit[], hit: PhraseHit, max: number): void {
  if (list.length >= max && list[list.length - 1]!.value >= hit.value) return;
  let i = list.length;
  while (i > 0 && list[i - 1]!.value < hit.value) i--;
  list.splice(i, 0, hit);
  if (list.length > max) list.pop();
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
 * of their weight; partial matches count less). One pass over the postings of the query's
 * stems adds up each phrase's matched weight, so no phrase is examined twice.
 */
function matchPhrases(
  index: RouteIndex,
  phrases: readonly IndexedPhrase[],
  postings: ReadonlyMap<string, Int32Array>,
  query: ReadonlySet<string>,
  partial: number,
  onHit: (hit: PhraseHit) => void,
): void {
  const c = countersFor(phrases);
  const stamp = ++c.stamp;
  let touchedCount = 0;
  for (const stem of query) {
    const list = postings.get(stem);
    if (!list) continue;
    const weight = index.idfOf(stem);
    for (let i = 0; i < list.length; i++) {
      const id = list[i]!;
      if (c.stamps[id] !== stamp) {
        c.stamps[id] = stamp;
        c.matchedWeight[id] = 0;
        c.matchedStems[id] = 0;
        c.touched[touchedCount++] = id;
      }
      c.matchedWeight[id]! += weight;
      c.matchedStems[id]!++;
    }
  }
  for (let i = 0; i < touchedCount; i++) {
    const id = c.touched[i]!;
    const length = c.lengths[id]!;
    const weight = c.weights[id]!;
    if (c.matchedStems[id] === length) {
      onHit({ phrase: phrases[id]!, value: weight, full: true });
      continue;
    }
    if (length < 2 || weight === 0) continue;
    const coverage = c.matchedWeight[id]! / weight;
    if (coverage >= 0.6) onHit({ phrase: phrases[id]!, value: weight * coverage * coverage * partial, full: false });
  }
}

/** Scores every candidate for a request. Pure: same index and text, same result. */
export function scoreRequest(index: RouteIndex, text: string, weights: ScoringWeights = DEFAULT_WEIGHTS): ScoredRequest {
  // Pasted material is what to work on, not what the request is about.
  const { request, quoted } = splitQuoted(text);
  const { wanted, excluded } = splitNegations(request);
  const terms = index.analyser.terms(wanted);
  const query = new Set(terms);
  const excludedTerms = new Set(excluded.flatMap((span) => index.analyser.terms(span)));
  const scores: CandidateScore[] = index.candidates.map((_, i) => ({
    index: i,
    score: 0,
    phraseScore: 0,
    bm25: 0,
    hits: [],
    multiWordMatch: false,
    penalisedBy: [],
    boostedBy: [],
  }));
  // Marketing evidence: the strongest few marketing words, minus every other-domain word.
  const domainTerms: ScoredRequest['domainTerms'] = [];
  const addDomain = (stem: string): void => {
    const weight = index.domain.get(stem);
    if (weight !== undefined) domainTerms.push({ stem, weight });
  };
  for (const stem of query) addDomain(stem);
  for (const stem of excludedTerms) if (!query.has(stem)) addDomain(stem);
  domainTerms.sort((a, b) => b.weight - a.weight);
  // When the request is about the user's own business, an everyday word is likely the
  // product ("we sell payroll software"), so it counts less against marketing.
  const business = businessContext(request);
  const offDomain = business ? weights.offDomain * weights.businessOffDomain : weights.offDomain;
  let evidence = business ? weights.business : 0;
  let positives = 0;
  for (const { weight } of domainTerms) {
    if (weight < 0) evidence += offDomain * weight;
    else if (positives++ < 4) evidence += weight;
  }
  if (quoted.length > 0) {
    // Pasted copy to work on: its marketing words count at half weight, its other words not at all.
    let pasted = 0;
    const quotedStems = new Set(quoted.flatMap((q) => index.analyser.terms(q)));
    const weightsInQuote = [...quotedStems].map((stem) => index.domain.get(stem) ?? 0).filter((w) => w > 0);
    for (const w of weightsInQuote.sort((a, b) => b - a).slice(0, 4)) pasted += w;
    evidence += weights.pasted + 0.5 * pasted;
  }
  if (query.size === 0) return { terms, candidates: scores, evidence, domainTerms };

  let bestMultiWord = 0;
  let covering = false;
  matchPhrases(index, index.phrases, index.phrasesByStem, query, weights.partial, (hit) => {
    const phrase = hit.phrase;
    const s: CandidateScore = scores[phrase.target]!;
    keepTop(s.hits, hit, TOP_HITS);
    if (hit.full) {
      if (phrase.ids.length >= 2) {
        s.multiWordMatch = true;
        if (hit.value > bestMultiWord) bestMultiWord = hit.value;
      }
      // A request that is essentially one of the triggers ("what should I write").
      if (phrase.ids.length / query.size >= 0.6) covering = true;
    }
  });
  for (const s of scores) {
    if (s.hits.length === 0) continue;
    const [a, b, c] = s.hits;
    s.phraseScore = (a?.value ?? 0) + weights.second * (b?.value ?? 0) + weights.third * (c?.value ?? 0);
  }

  // BM25 ranks candidates relative to each other (the best gets 1); it fills in where
  // no trigger phrase matched but cannot outweigh a precise phrase match.
  const bm25 = index.bm25(query);
  let maxBm25 = 0;
  for (const value of bm25) if (value > maxBm25) maxBm25 = value;
  if (maxBm25 > 0) for (const s of scores) s.bm25 = bm25[s.index]! / maxBm25;

  // "Not This" rules: when a rule describes the request at least as specifically as the
  // owner's own best trigger, the owner is the tempting wrong answer.
  const ruleHits: PhraseHit[] = [];
  matchPhrases(index, index.rules, index.rulesByStem, query, weights.partial, (hit) => {
    if (hit.full) ruleHits.push(hit);
  });
  for (const s of scores) s.score = s.phraseScore + weights.bm25 * s.bm25;
  for (const hit of ruleHits) {
    const owner = scores[hit.phrase.ruleOwner!]!;
    const target = scores[hit.phrase.target]!;
    const ownerBest = owner.hits[0]?.value ?? 0;
    if (hit.value + 1e-9 < ownerBest) continue;
    owner.penalisedBy.push(hit);
    target.boostedBy.push(hit);
  }
  // What the request rules out counts against the candidates it describes.
  const excludedPenalty = new Map<number, number>();
  if (excludedTerms.size > 0) {
    matchPhrases(index, index.phrases, index.phrasesByStem, excludedTerms, weights.partial, (hit) => {
      const target = hit.phrase.target;
      if (hit.full) excludedPenalty.set(target, Math.max(excludedPenalty.get(target) ?? 0, hit.value));
    });
  }
  // A request for a whole campaign lifts the playbooks, most of all the one it resembles.
  // Without that, a playbook only stands on a full trigger match of its own.
  const scope = campaignScope(wanted, query);
  const playbooks = index.playbookIndexes.map((i) => scores[i]!);
  if (scope.score > 0) {
    const best = Math.max(0, ...playbooks.map((s) => s.score));
    for (const s of playbooks) s.score += weights.campaign * scope.score * (0.5 + (best > 0 ? (0.5 * s.score) / best : 0));
  } else {
    for (const s of playbooks) if (!s.multiWordMatch) s.score *= weights.playbookWithoutScope;
  }
  // A request made of figures asks for them to be read.
  const shape = requestShape(request);
  const dataLift = (shape.dataHeavy ? 1 : 0) + (shape.resultsQuestion ? 0.75 : 0);
  if (dataLift > 0) {
    for (const i of index.analyticsIndexes) scores[i]!.score += weights.data * dataLift;
    evidence += 0.3 * dataLift;
  }
  for (const s of scores) {
    s.score = Math.max(0, s.score - weights.excluded * (excludedPenalty.get(s.index) ?? 0));
    let penalty = 0;
    for (const h of s.penalisedBy) if (h.value > penalty) penalty = h.value;
    let boost = 0;
    for (const h of s.boostedBy) if (h.value > boost) boost = h.value;
    s.score = Math.max(0, s.score - weights.rulePenalty * penalty) + weights.ruleBoost * boost;
  }
  // Only multi-word trigger matches count as evidence: a lone word ("polish") is too weak.
  evidence += weights.evidencePhrase * bestMultiWord + weights.intent * Math.min(2, marketingIntent(wanted));
  if (covering) evidence += weights.exactTrigger;
  return { terms, candidates: scores, evidence, domainTerms };
}
