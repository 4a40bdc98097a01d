import { createAnalyser, type Analyser } from './text/analyse-text.js';
import type { CompiledPhrase, CompiledRouteIndex } from './compiled-route-index.js';
import { restoreExampleClassifier, type ExampleClassifier } from './learned/example-classifier.js';
import type { RoutingCandidate } from './routing-candidate.js';
import { buildStemTable, type StemEntry } from './stem-table.js';

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
  /** Every stem the index knows, with its idf, postings, BM25 scores and domain weight (see bm25-scores). */
  stems: ReadonlyMap<string, StemEntry>;
  /** Positions of the playbooks and of the analytics skills among the candidates. */
  playbookIndexes: readonly number[];
  analyticsIndexes: readonly number[];
  /** Every stem used by a phrase or rule, numbered. */
  stemIds: ReadonlyMap<string, number>;
  /** Stem → how strongly it signals marketing (positive) or another domain (negative). */
  domain: ReadonlyMap<string, number>;
  /** How much a request resembles each candidate's examples. */
  classifier: ExampleClassifier;
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
    // Plain loops: TypedArray.from with a mapping function is several times slower at start-up.
    const ids = new Int32Array(p.stems.length);
    const idfs = new Float64Array(p.stems.length);
    let weight = 0;
    p.stems.forEach((stem, i) => {
      let id = stemIds.get(stem);
      if (id === undefined) stemIds.set(stem, (id = stemIds.size));
      ids[i] = id;
      idfs[i] = idfOf(stem);
      weight += idfs[i]!;
    });
    // Written out rather than spread from the compiled object: a spread gave most phrases a
    // shape of their own, which made every read of a phrase's fields during a route slow.
    return p.ruleOwner === undefined
      ? { target: p.target, text: p.text, stems: p.stems, ids, idfs, weight }
      : { target: p.target, text: p.text, stems: p.stems, ruleOwner: p.ruleOwner, ruleText: p.ruleText, ids, idfs, weight };
  };
  const phrases = compiled.phrases.map(restore);
  const rules = compiled.rules.map(restore);
  const phrasesByStem = postingsOf(phrases);
  const rulesByStem = postingsOf(rules);

  const domain = new Map(Object.entries(compiled.domain));
  const stems = buildStemTable({ idfOf, domain, phrasesByStem, rulesByStem, bm25: compiled.bm25 });

  return {
    candidates: candidates.map((c) => ({ ...c })),
    analyser: createAnalyser({ vocabulary: new Map(Object.entries(compiled.vocabulary)) }),
    idf,
    phrases,
    rules,
    phrasesByStem,
    rulesByStem,
    idfOf,
    stems,
    stemIds,
    playbookIndexes: candidates.flatMap((c, i) => (c.type === 'playbook' ? [i] : [])),
    analyticsIndexes: candidates.flatMap((c, i) => (c.category === 'analytics' ? [i] : [])),
    domain,
    classifier: restoreExampleClassifier(compiled.classifier),
  };
}
