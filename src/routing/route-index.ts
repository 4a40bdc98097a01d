import { createAnalyser, type Analyser } from './text/analyse-text.js';
import type { CompiledPhrase, CompiledRouteIndex } from './compiled-route-index.js';
import type { RoutingCandidate } from './routing-candidate.js';

/** A trigger phrase (or a "Not This" rule segment) reduced to its distinct stems. */
export interface IndexedPhrase {
  /** Index into `RouteIndex.candidates` of the candidate the phrase points to. */
  target: number;
  text: string;
  stems: string[];
  /** The stems as ids into `RouteIndex.stemIds`, and their idf, for fast matching. */
  ids: Int32Array;
  idfs: Float64Array;
  /** Sum of the stems' idf: how specific the phrase is. */
  weight: number;
  /** For "Not This" segments: the candidate the rule lives on (the tempting wrong answer). */
  ruleOwner?: number;
  /** The whole `when` text of the rule, for explanations. */
  ruleText?: string;
}

export interface RouteIndex {
  candidates: RoutingCandidate[];
  analyser: Analyser;
  idf: ReadonlyMap<string, number>;
  phrases: IndexedPhrase[];
  rules: IndexedPhrase[];
  phrasesByStem: ReadonlyMap<string, Int32Array>;
  rulesByStem: ReadonlyMap<string, Int32Array>;
  /** The idf of a stem, with the value phrase weights use for stems no document has. */
  idfOf(stem: string): number;
  /** BM25 score of each candidate for a set of query stems (MiniSearch's OR scoring). */
  bm25(stems: ReadonlySet<string>): Float64Array;
  /** Positions of the playbooks and of the analytics skills among the candidates. */
  playbookIndexes: readonly number[];
  analyticsIndexes: readonly number[];
  /** Every stem used by a phrase or rule, numbered. */
  stemIds: ReadonlyMap<string, number>;
  /** Stem → how strongly it signals marketing (positive) or another domain (negative). */
  domain: ReadonlyMap<string, number>;
}

/** Stem → ids of the phrases that contain it. */
function postingsOf(phrases: readonly IndexedPhrase[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  phrases.forEach((p, id) => {
    for (const stem of p.stems) {
      const list = lists.get(stem);
      if (list) list.push(id);
      else lists.set(stem, [id]);
    }
  });
  return new Map([...lists].map(([stem, ids]) => [stem, Int32Array.from(ids)]));
}

/** Turns compiled data back into the structures the scorer works on (fast: no text analysis). */
export function restoreRouteIndex(compiled: CompiledRouteIndex): RouteIndex {
  const candidates = compiled.candidates;
  const n = candidates.length;
  const idf = new Map(Object.entries(compiled.idf));
  const idfOf = (stem: string): number => idf.get(stem) ?? Math.log(1 + (n + 0.5) / 0.5);
  const stemIds = new Map<string, number>();
  const restore = (p: CompiledPhrase): IndexedPhrase => {
    const ids = Int32Array.from(p.stems, (stem) => {
      let id = stemIds.get(stem);
      if (id === undefined) stemIds.set(stem, (id = stemIds.size));
      return id;
    });
    const idfs = Float64Array.from(p.stems, idfOf);
    return { ...p, ids, idfs, weight: idfs.reduce((sum, v) => sum + v, 0) };
  };
  const phrases = compiled.phrases.map(restore);
  const rules = compiled.rules.map(restore);
  const phrasesByStem = postingsOf(phrases);
  const rulesByStem = postingsOf(rules);

  // Per stem, the documents it scores in and their scores, as flat arrays. A Map, not the
  // JSON object: a stem like "constructor" must not find Object's own properties.
  const table = new Map<string, { docs: Int32Array; scores: Float64Array }>();
  for (const [stem, list] of Object.entries(compiled.bm25)) {
    table.set(stem, { docs: Int32Array.from(list, (e) => e[0]), scores: Float64Array.from(list, (e) => e[1]) });
  }
  const sums = new Float64Array(n);
  const matched = new Uint16Array(n);
  const bm25 = (stems: ReadonlySet<string>): Float64Array => {
    sums.fill(0);
    matched.fill(0);
    for (const stem of stems) {
      const entry = table.get(stem);
      if (!entry) continue;
      const { docs, scores } = entry;
      for (let i = 0; i < docs.length; i++) {
        sums[docs[i]!]! += scores[i]!;
        matched[docs[i]!]!++;
      }
    }
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = sums[i]! * matched[i]!;
    return out;
  };

  return {
    candidates: candidates.map((c) => ({ ...c })),
    analyser: createAnalyser({ vocabulary: new Map(Object.entries(compiled.vocabulary)) }),
    idf,
    phrases,
    rules,
    phrasesByStem,
    rulesByStem,
    idfOf,
    bm25,
    stemIds,
    playbookIndexes: candidates.flatMap((c, i) => (c.type === 'playbook' ? [i] : [])),
    analyticsIndexes: candidates.flatMap((c, i) => (c.category === 'analytics' ? [i] : [])),
    domain: new Map(Object.entries(compiled.domain)),
  };
}
