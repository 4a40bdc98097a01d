import type { RouteIndex } from './route-index.js';
import { bm25Scores } from './bm25-scores.js';
import { campaignScope } from './campaign-scope.js';
import { matchPhrases, type PhraseHit } from './match-phrases.js';
import { DEFAULT_WEIGHTS, type ScoringWeights } from './scoring-weights.js';
import { lookUpStems, type StemEntry } from './stem-table.js';
import { requestParts } from './text/request-parts.js';
import { businessContext, marketingIntent } from './text/marketing-intent.js';
import { offDomainTask } from './text/off-domain-task.js';
import { asksForOneDeliverable } from './text/one-deliverable.js';
import { requestShape } from './text/request-shape.js';

export { DEFAULT_WEIGHTS, type ScoringWeights };
export type { PhraseHit };

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
  /** The part of `score` that comes from resembling the candidate's examples. */
  learned: number;
}

export interface ScoredRequest {
  terms: string[];
  candidates: CandidateScore[];
  /** How much the request looks like a marketing task at all (domain words and phrase matches). */
  evidence: number;
  /** Query stems that carried marketing (positive) or other-domain (negative) weight. */
  domainTerms: Array<{ stem: string; weight: number }>;
  /** Whether any candidate scored on phrases, words or rules (resembling examples alone does not count). */
  matched: boolean;
}

const NOTHING_EXCLUDED: ReadonlySet<string> = new Set();

/** How many of its best phrase matches each candidate keeps (scores use the top three). */
const TOP_HITS = 4;

/**
 * The hit lists of a candidate without evidence of that kind (most candidates, most of
 * the time) share this one empty list; a list of its own is made on the first hit.
 * Frozen, so that code pushing onto it instead of `withHit` fails loudly.
 */
const NO_HITS = Object.freeze([]) as unknown as PhraseHit[];

/** The list with a hit added: the list itself, or a new one in place of `NO_HITS`. */
function withHit(list: PhraseHit[], hit: PhraseHit): PhraseHit[] {
  if (list === NO_HITS) return [hit];
  list.push(hit);
  return list;
}

/** The list with a hit inserted, kept sorted by value and at most `max` entries long. */
function withTopHit(list: PhraseHit[], hit: PhraseHit, max: number): PhraseHit[] {
  if (list === NO_HITS) return [hit];
  if (list.length >= max && list[list.length - 1]!.value >= hit.value) return list;
  let i = list.length;
  while (i > 0 && list[i - 1]!.value < hit.value) i--;
  list.splice(i, 0, hit);
  if (list.length > max) list.pop();
  return list;
}

/** BM25 scores of the current request, reused across calls (scoring is synchronous, so calls never overlap). */
let bm25Buffer = new Float64Array(0);
function bm25Scratch(candidateCount: number): Float64Array {
  if (bm25Buffer.length !== candidateCount) bm25Buffer = new Float64Array(candidateCount);
  return bm25Buffer;
}

function emptyScore(index: number): CandidateScore {
  return { index, score: 0, phraseScore: 0, bm25: 0, hits: NO_HITS, multiWordMatch: false, penalisedBy: NO_HITS, boostedBy: NO_HITS, learned: 0 };
}

/** The highest value among the hits, 0 when there are none. */
function strongest(hits: readonly PhraseHit[]): number {
  let value = 0;
  for (let i = 0; i < hits.length; i++) if (hits[i]!.value > value) value = hits[i]!.value;
  return value;
}

/** The stems with a marketing or other-domain weight, strongest first (ties keep query order). */
function domainTermsOf(query: readonly StemEntry[], excluded: readonly StemEntry[], queryStems: ReadonlySet<string>): ScoredRequest['domainTerms'] {
  const terms: ScoredRequest['domainTerms'] = [];
  for (const e of query) if (e.domain !== undefined) terms.push({ stem: e.stem, weight: e.domain });
  for (const e of excluded) if (e.domain !== undefined && !queryStems.has(e.stem)) terms.push({ stem: e.stem, weight: e.domain });
  return terms.sort((a, b) => b.weight - a.weight);
}

/**
 * The sum of the `count` largest positive domain weights among the entries. A plain loop
 * over a small scratch array: chained map/filter/sort built arrays whose element kinds
 * varied from request to request, and each variation threw away the scorer's optimised code.
 */
const strongestScratch = new Float64Array(8);
function sumOfStrongestMarketing(entries: readonly StemEntry[], count: number): number {
  let kept = 0;
  for (const e of entries) {
    const w = e.domain ?? 0;
    if (w <= 0) continue;
    // Kept largest first; when full, a new weight displaces the smallest if it beats it.
    if (kept === count) {
      if (strongestScratch[count - 1]! >= w) continue;
      kept--;
    }
    let i = kept++;
    while (i > 0 && strongestScratch[i - 1]! < w) {
      strongestScratch[i] = strongestScratch[i - 1]!;
      i--;
    }
    strongestScratch[i] = w;
  }
  let sum = 0;
  for (let i = 0; i < kept; i++) sum += strongestScratch[i]!;
  return sum;
}

/** The stem-table entry of each term, in term order (undefined where the table does not know the stem), reused across calls. */
const termEntries: Array<StemEntry | undefined> = [];
function entriesByTerm(terms: readonly string[], query: readonly StemEntry[]): ReadonlyArray<StemEntry | undefined> {
  termEntries.length = 0;
  // `query` holds the known stems in order of first appearance, so one walk pairs them up.
  let next = 0;
  for (let i = 0; i < terms.length; i++) {
    const first = terms.indexOf(terms[i]!);
    if (first < i) termEntries.push(termEntries[first]);
    else if (query[next]?.stem === terms[i]) termEntries.push(query[next++]);
    else termEntries.push(undefined);
  }
  return termEntries;
}

/** Scores every candidate for a request. Pure: same index and text, same result. */
export function scoreRequest(index: RouteIndex, text: string, weights: ScoringWeights = DEFAULT_WEIGHTS): ScoredRequest {
  const { request, quoted, wanted, excluded } = requestParts(text);
  const terms = index.analyser.terms(wanted);
  const queryStems = new Set(terms);
  const excludedStems: ReadonlySet<string> = excluded.length > 0 ? new Set(excluded.flatMap((span) => index.analyser.terms(span))) : NOTHING_EXCLUDED;
  // Each stem looked up once; the entries keep the query's order, so sums add up as before.
  const query = lookUpStems(index.stems, queryStems);
  const excludedQuery = lookUpStems(index.stems, excludedStems);
  // Pushed, not mapped: the array then has the same internal kind whichever tier of the
  // engine built it, so code reading it in rare branches does not keep deoptimising.
  const scores: CandidateScore[] = [];
  for (let i = 0; i < index.candidates.length; i++) scores.push(emptyScore(i));
  // Marketing evidence: the strongest few marketing words, minus every other-domain word.
  const domainTerms = domainTermsOf(query, excludedQuery, queryStems);
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
    const quotedStems = new Set(quoted.flatMap((q) => index.analyser.terms(q)));
    evidence += weights.pasted + 0.5 * sumOfStrongestMarketing(lookUpStems(index.stems, quotedStems), 4);
  }
  if (queryStems.size === 0) return { terms, candidates: scores, evidence, domainTerms, matched: false };

  let bestMultiWord = 0;
  let covering = false;
  for (const hit of matchPhrases(index.phrases, query, 'phrases', weights.partial)) {
    const phrase = hit.phrase;
    const s = scores[phrase.target]!;
    s.hits = withTopHit(s.hits, hit, TOP_HITS);
    if (hit.full) {
      if (phrase.ids.length >= 2) {
        s.multiWordMatch = true;
        if (hit.value > bestMultiWord) bestMultiWord = hit.value;
      }
      // A request that is essentially one of the triggers ("what should I write").
      if (phrase.ids.length / queryStems.size >= 0.6) covering = true;
    }
  }
  for (const s of scores) {
    if (s.hits.length === 0) continue;
    const { hits } = s;
    s.phraseScore = (hits[0]?.value ?? 0) + weights.second * (hits[1]?.value ?? 0) + weights.third * (hits[2]?.value ?? 0);
  }

  // BM25 ranks candidates relative to each other (the best gets 1); it fills in where
  // no trigger phrase matched but cannot outweigh a precise phrase match.
  const bm25 = bm25Scores(query, bm25Scratch(scores.length));
  let maxBm25 = 0;
  for (let i = 0; i < bm25.length; i++) if (bm25[i]! > maxBm25) maxBm25 = bm25[i]!;
  if (maxBm25 > 0) for (const s of scores) s.bm25 = bm25[s.index]! / maxBm25;

  // "Not This" rules: when a rule describes the request at least as specifically as the
  // owner's own best trigger, the owner is the tempting wrong answer.
  const ruleHits = matchPhrases(index.rules, query, 'rules', weights.partial);
  for (const s of scores) s.score = s.phraseScore + weights.bm25 * s.bm25;
  for (const hit of ruleHits) {
    if (!hit.full) continue;
    const owner = scores[hit.phrase.ruleOwner!]!;
    const target = scores[hit.phrase.target]!;
    const ownerBest = owner.hits[0]?.value ?? 0;
    if (hit.value + 1e-9 < ownerBest) continue;
    owner.penalisedBy = withHit(owner.penalisedBy, hit);
    target.boostedBy = withHit(target.boostedBy, hit);
  }
  // What the request rules out counts against the candidates it describes.
  const excludedPenalty = new Map<number, number>();
  if (excludedQuery.length > 0) {
    for (const hit of matchPhrases(index.phrases, excludedQuery, 'phrases', weights.partial)) {
      const target = hit.phrase.target;
      if (hit.full) excludedPenalty.set(target, Math.max(excludedPenalty.get(target) ?? 0, hit.value));
    }
  }
  // A request for a whole campaign lifts the playbooks, most of all the one it resembles.
  // Without that, a playbook only stands on a full trigger match of its own.
  const scope = asksForOneDeliverable(wanted) ? undefined : campaignScope(wanted, queryStems).score;
  if (scope === undefined) {
    // One piece of a campaign asked for: the playbooks are the tempting wrong answer.
    for (const i of index.playbookIndexes) scores[i]!.score *= weights.playbookWithoutScope;
  } else if (scope > 0) {
    let best = 0;
    for (const i of index.playbookIndexes) best = Math.max(best, scores[i]!.score);
    for (const i of index.playbookIndexes) {
      const s = scores[i]!;
      s.score += weights.campaign * scope * (0.5 + (best > 0 ? (0.5 * s.score) / best : 0));
    }
  } else {
    for (const i of index.playbookIndexes) if (!scores[i]!.multiWordMatch) scores[i]!.score *= weights.playbookWithoutScope;
  }
  // A request made of figures asks for them to be read.
  const shape = requestShape(request);
  const dataLift = (shape.dataHeavy ? 1 : 0) + (shape.resultsQuestion ? 0.75 : 0);
  if (dataLift > 0) {
    for (const i of index.analyticsIndexes) scores[i]!.score += weights.data * dataLift;
    evidence += 0.3 * dataLift;
  }
  // Scores the request ruled out drop; the rule step below keeps every score at 0 or above.
  for (const [i, value] of excludedPenalty) scores[i]!.score = Math.max(0, scores[i]!.score - weights.excluded * value);
  for (const s of scores) {
    s.score = Math.max(0, s.score - weights.rulePenalty * strongest(s.penalisedBy)) + weights.ruleBoost * strongest(s.boostedBy);
  }
  // Only multi-word trigger matches count as evidence: a lone word ("polish") is too weak.
  evidence += weights.evidencePhrase * bestMultiWord + weights.intent * Math.min(2, marketingIntent(wanted));
  if (covering) evidence += weights.exactTrigger;
  let matched = false;
  for (const s of scores) if (s.score > 0) matched = true;
  // The example classifier reads only requests something else matched: a request with no
  // marketing phrase or word stays unmatched however it is worded.
  const reading = matched ? index.classifier.classify(terms, entriesByTerm(terms, query)) : undefined;
  if (reading) {
    // Worded like marketing requests, or like the requests it learned are not marketing: a
    // little more or less evidence. Only clearly marketing wording adds any, and a request of
    // a word or two ("ads") gets none: it is marketing, but too little to act on.
    const odds = Math.max(-weights.scopeClip, Math.min(weights.scopeClip, reading.scopeLogOdds));
    if (odds < 0) evidence += weights.scopeAgainst * odds;
    else if (queryStems.size >= weights.scopeMinTerms) evidence += weights.scopeFor * Math.max(0, odds - weights.scopeMargin);
    // Resemblance to each candidate's examples settles what phrases and words leave open
    // (siblings, indirect wording).
    const probabilities = reading.candidates;
    if (probabilities) {
      for (const s of scores) {
        s.learned = weights.learned * probabilities[s.index]!;
        s.score += s.learned;
      }
    }
  }
  // HR, legal, finance and IT work stays out of scope whatever marketing words it names.
  if (offDomainTask(wanted)) evidence = Math.min(evidence, weights.offDomainTaskCap);
  return { terms, candidates: scores, evidence, domainTerms, matched };
}
