import MiniSearch from 'minisearch';
import { createAnalyser, rawTokens, type Analyser } from './text/analyse-text.js';
import { STOPWORDS } from './text/stopwords.js';
import { MARKETING_TERMS, OFF_DOMAIN_TERMS } from './text/domain-lexicon.js';
import { loadEnglishFrequencies, type EnglishFrequencies } from './text/english-frequencies.js';
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
  phrasesByStem: ReadonlyMap<string, number[]>;
  rulesByStem: ReadonlyMap<string, number[]>;
  search: MiniSearch<{ id: number; name: string; triggers: string; description: string; corpus: string }>;
  /** BM25 score of each candidate for a set of query stems (MiniSearch's OR scoring). */
  bm25(stems: ReadonlySet<string>): Float64Array;
  /** Every stem used by a phrase or rule, numbered. */
  stemIds: ReadonlyMap<string, number>;
  /** Stem → how strongly it signals marketing (positive) or another domain (negative). */
  domain: ReadonlyMap<string, number>;
}

/** Tunables of the marketing-evidence model. */
export interface DomainOptions {
  /** Scale of the weights learned from the skills' vocabulary against everyday English. */
  learnedScale: number;
}

export const DEFAULT_DOMAIN_OPTIONS: DomainOptions = { learnedScale: 0.5 };

/**
 * Stem → how strongly it marks a request as marketing (positive) or as another domain
 * (negative). Hand-written lexicons give the sure cases; the rest is learned by comparing
 * how often the candidates' own texts use a stem with how often everyday English does.
 */
export function buildDomainWeights(
  candidateStems: ReadonlyArray<readonly string[]>,
  english: EnglishFrequencies,
  options: DomainOptions = DEFAULT_DOMAIN_OPTIONS,
): Map<string, number> {
  const plain = createAnalyser();
  const weights = new Map<string, number>();
  const local = new Map<string, number>();
  let localTotal = 0;
  for (const stems of candidateStems) {
    for (const stem of stems) {
      local.set(stem, (local.get(stem) ?? 0) + 1);
      localTotal++;
    }
  }
  for (const [stem, count] of local) {
    if (count < 2) continue;
    const everyday = (english.counts[stem] ?? 0) + 50;
    const ratio = count / localTotal / (everyday / english.total);
    const weight = Math.min(1, Math.log10(ratio) / 2) * options.learnedScale;
    if (weight > 0) weights.set(stem, weight);
  }
  const put = (word: string, weight: number): void => {
    for (const stem of plain.terms(word)) {
      const old = weights.get(stem) ?? 0;
      if (weight < 0 || weight > old) weights.set(stem, weight);
    }
  };
  for (const [word, weight] of Object.entries(MARKETING_TERMS)) put(word, weight);
  for (const [word, weight] of Object.entries(OFF_DOMAIN_TERMS)) put(word, -weight);
  return weights;
}

/** Splits a rule's `when` text into the separate request shapes it lists. */
export function splitRuleText(when: string): string[] {
  return when
    .split(/,|;|\bor\b|\//)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

function addPosting(map: Map<string, number[]>, stem: string, id: number): void {
  const list = map.get(stem);
  if (list) list.push(id);
  else map.set(stem, [id]);
}

/** Builds the routing index (pure apart from caching inside the analyser). */
export interface BuildIndexOptions {
  domain?: DomainOptions;
  /** BM25 field weight of the candidates' long texts (skill instructions). */
  corpusBoost?: number;
  english?: EnglishFrequencies;
}

export function buildRouteIndex(candidates: readonly RoutingCandidate[], options: BuildIndexOptions = {}): RouteIndex {
  // The vocabulary for typo repair: every word the candidates use, with its frequency.
  const vocabulary = new Map<string, number>();
  for (const c of candidates) {
    for (const text of [c.name.replace(/-/g, ' '), c.description, ...c.triggers, ...c.not.map((r) => r.when)]) {
      for (const word of rawTokens(text)) {
        if (word.length > 1 && !STOPWORDS.has(word) && !/\d/.test(word)) vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1);
      }
    }
  }
  const analyser = createAnalyser({ vocabulary });
  const plain = createAnalyser();

  // Document frequency over each candidate's whole text.
  const docs = candidates.map((c) => {
    const name = plain.terms(c.name.replace(/-/g, ' '));
    const triggers = c.triggers.flatMap((t) => plain.terms(t));
    const description = plain.terms(c.description);
    // Long texts are analysed line by line, so each line only meets the synonym patterns
    // whose first word it contains.
    const corpus = (c.corpus ?? '').split(/\n+/).flatMap((line) => plain.terms(line));
    return { name, triggers, description, corpus };
  });
  const df = new Map<string, number>();
  for (const doc of docs) {
    for (const stem of new Set([...doc.name, ...doc.triggers, ...doc.description])) df.set(stem, (df.get(stem) ?? 0) + 1);
  }
  const n = candidates.length;
  const idf = new Map<string, number>();
  for (const [stem, count] of df) idf.set(stem, Math.log(1 + (n - count + 0.5) / (count + 0.5)));
  const idfOf = (stem: string): number => idf.get(stem) ?? Math.log(1 + (n + 0.5) / 0.5);

  const stemIds = new Map<string, number>();
  const makePhrase = (target: number, text: string): IndexedPhrase | undefined => {
    const stems = [...new Set(plain.terms(text))];
    if (stems.length === 0) return undefined;
    const ids = Int32Array.from(stems, (stem) => {
      let id = stemIds.get(stem);
      if (id === undefined) stemIds.set(stem, (id = stemIds.size));
      return id;
    });
    const idfs = Float64Array.from(stems, idfOf);
    return { target, text, stems, ids, idfs, weight: idfs.reduce((sum, v) => sum + v, 0) };
  };

  const phrases: IndexedPhrase[] = [];
  const rules: IndexedPhrase[] = [];
  const byId = new Map(candidates.map((c, i) => [c.id, i]));
  candidates.forEach((c, i) => {
    for (const text of [c.name.replace(/-/g, ' '), ...c.triggers]) {
      const phrase = makePhrase(i, text);
      if (phrase) phrases.push(phrase);
    }
    for (const rule of c.not) {
      const target = byId.get(rule.use);
      if (target === undefined) continue;
      for (const part of splitRuleText(rule.when)) {
        const phrase = makePhrase(target, part);
        if (phrase) rules.push({ ...phrase, ruleOwner: i, ruleText: rule.when });
      }
    }
  });

  const phrasesByStem = new Map<string, number[]>();
  phrases.forEach((p, id) => p.stems.forEach((s) => addPosting(phrasesByStem, s, id)));
  const rulesByStem = new Map<string, number[]>();
  rules.forEach((p, id) => p.stems.forEach((s) => addPosting(rulesByStem, s, id)));

  // BM25 over pre-analysed text: tokens are already stems, so MiniSearch must not re-process them.
  const search = new MiniSearch<{ id: number; name: string; triggers: string; description: string; corpus: string }>({
    fields: ['name', 'triggers', 'description', 'corpus'],
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || null,
    searchOptions: { boost: { name: 1.5, triggers: 2, description: 1, corpus: options.corpusBoost ?? 0.3 }, combineWith: 'OR' },
  });
  search.addAll(
    docs.map((doc, id) => ({
      id,
      name: doc.name.join(' '),
      triggers: doc.triggers.join(' '),
      description: doc.description.join(' '),
      corpus: doc.corpus.join(' '),
    })),
  );

  // MiniSearch scores an OR query as the sum of its terms' BM25 scores times the number of
  // distinct terms a document matched. Asking it once per stem and caching the answer
  // gives the same scores without re-running the query machinery on every request.
  const perStem = new Map<string, Array<readonly [number, number]>>();
  const termScores = (stem: string): Array<readonly [number, number]> => {
    let list = perStem.get(stem);
    if (!list) {
      list = search.search(stem).map((r) => [r.id as number, r.score] as const);
      perStem.set(stem, list);
    }
    return list;
  };
  const bm25 = (stems: ReadonlySet<string>): Float64Array => {
    const sums = new Float64Array(candidates.length);
    const matched = new Uint16Array(candidates.length);
    for (const stem of stems) {
      for (const [doc, score] of termScores(stem)) {
        sums[doc]! += score;
        matched[doc]!++;
      }
    }
    for (let i = 0; i < sums.length; i++) sums[i]! *= matched[i]!;
    return sums;
  };

  return {
    candidates: [...candidates],
    analyser,
    idf,
    phrases,
    rules,
    phrasesByStem,
    rulesByStem,
    search,
    bm25,
    stemIds,
    domain: buildDomainWeights(
      docs.map((doc) => [...doc.description, ...doc.triggers, ...doc.corpus]),
      options.english ?? loadEnglishFrequencies(),
      options.domain,
    ),
  };
}
