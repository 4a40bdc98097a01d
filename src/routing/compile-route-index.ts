import MiniSearch from 'minisearch';
import { COMPILED_INDEX_VERSION, type CompiledPhrase, type CompiledRouteIndex } from './compiled-route-index.js';
import { restoreRouteIndex, type RouteIndex } from './route-index.js';
import type { RoutingCandidate } from './routing-candidate.js';
import { NOT_MARKETING_REQUESTS } from './learned/not-marketing-requests.js';
import { trainExampleClassifier, type ClassifierTrainingOptions, type TrainingExample } from './learned/train-example-classifier.js';
import { createAnalyser, rawTokens, type Analyser } from './text/analyse-text.js';
import { requestParts } from './text/request-parts.js';
import { MARKETING_TERMS, OFF_DOMAIN_TERMS } from './text/domain-lexicon.js';
import { loadEnglishFrequencies, type EnglishFrequencies } from './text/english-frequencies.js';
import { QUESTION_WORDS, STOPWORDS } from './text/stopwords.js';

/** Tunables of the marketing-evidence model. */
export interface DomainOptions {
  /** Scale of the weights learned from the skills' vocabulary against everyday English. */
  learnedScale: number;
  /** Everyday frequency (per million words) above which a learned weight is scaled down. */
  commonWordsPerMillion: number;
}

export const DEFAULT_DOMAIN_OPTIONS: DomainOptions = { learnedScale: 0.5, commonWordsPerMillion: 20 };

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
    const everyday = (Object.hasOwn(english.counts, stem) ? english.counts[stem]! : 0) + 50;
    const ratio = count / localTotal / (everyday / english.total);
    // A word everyone uses all the time ("write", "short", "team") says little about the
    // domain of a request, however often the skills use it.
    const perMillion = (everyday / english.total) * 1e6;
    const common = Math.min(1, options.commonWordsPerMillion / perMillion);
    const weight = Math.min(1, Math.log10(ratio) / 2) * options.learnedScale * common;
    if (weight > 0) weights.set(stem, weight);
  }
  const put = (word: string, weight: number): void => {
    for (const stem of plain.terms(word)) {
      const old = weights.get(stem) ?? 0;
      if (weight < 0 || weight > old) weights.set(stem, weight);
    }
  };
  // Question words help tell skills apart but say nothing about whether it is marketing.
  for (const word of QUESTION_WORDS) weights.delete(word);
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

/** Builds the routing index (pure apart from caching inside the analyser). */
export interface BuildIndexOptions {
  domain?: DomainOptions;
  /** BM25 field weight of the candidates' long texts (skill instructions). */
  corpusBoost?: number;
  english?: EnglishFrequencies;
  classifier?: ClassifierTrainingOptions;
  /** Requests that are not marketing, for the classifier (default: the router's own list). */
  notMarketing?: readonly string[];
}

/**
 * What the example classifier learns from: each candidate's example requests and triggers,
 * and the requests that are not marketing, read as requests are (pasted material and ruled-out spans set aside, typo repair
 * included), so training and routing see the same stems.
 */
function trainingExamples(
  candidates: readonly RoutingCandidate[],
  notMarketing: readonly string[],
  analyser: Analyser,
): TrainingExample[] {
  const termsOf = (text: string): string[] => analyser.terms(requestParts(text).wanted);
  return [
    ...candidates.flatMap((c, target) => [...c.triggers, ...(c.examples ?? [])].map((text) => ({ terms: termsOf(text), target }))),
    ...notMarketing.map((text) => ({ terms: termsOf(text), target: null })),
  ];
}

export function buildRouteIndex(candidates: readonly RoutingCandidate[], options: BuildIndexOptions = {}): RouteIndex {
  return restoreRouteIndex(compileRouteIndex(candidates, options));
}

/**
 * Everything the router needs, computed from the candidates once: plain data that can be
 * cached as JSON, so `mops route` does not re-parse skills and re-index their texts on
 * every start (see load-router).
 */
export function compileRouteIndex(candidates: readonly RoutingCandidate[], options: BuildIndexOptions = {}): CompiledRouteIndex {
  // The vocabulary for typo repair: every word the candidates use, with its frequency.
  const vocabulary = new Map<string, number>();
  for (const c of candidates) {
    for (const text of [c.name.replace(/-/g, ' '), c.description, ...c.triggers, ...c.not.map((r) => r.when)]) {
      for (const word of rawTokens(text)) {
        if (word.length > 1 && !STOPWORDS.has(word) && !/\d/.test(word)) vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1);
      }
    }
  }
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
  const idf: Record<string, number> = {};
  for (const [stem, count] of df) idf[stem] = Math.log(1 + (n - count + 0.5) / (count + 0.5));

  const phrases: CompiledPhrase[] = [];
  const rules: CompiledPhrase[] = [];
  const byId = new Map(candidates.map((c, i) => [c.id, i]));
  const phraseOf = (target: number, text: string): CompiledPhrase | undefined => {
    const stems = [...new Set(plain.terms(text))];
    return stems.length === 0 ? undefined : { target, text, stems };
  };
  candidates.forEach((c, i) => {
    for (const text of [c.name.replace(/-/g, ' '), ...c.triggers]) {
      const phrase = phraseOf(i, text);
      if (phrase) phrases.push(phrase);
    }
    for (const rule of c.not) {
      const target = byId.get(rule.use);
      if (target === undefined) continue;
      for (const part of splitRuleText(rule.when)) {
        const phrase = phraseOf(target, part);
        if (phrase) rules.push({ ...phrase, ruleOwner: i, ruleText: rule.when });
      }
    }
  });

  // BM25 over pre-analysed text: tokens are already stems, so MiniSearch must not re-process them.
  const search = new MiniSearch<{ id: number; name: string; triggers: string; description: string; corpus: string }>({
    fields: ['name', 'triggers', 'description', 'corpus'],
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || null,
    searchOptions: { boost: { name: 1.5, triggers: 2, description: 1, corpus: options.corpusBoost ?? 0.15 }, combineWith: 'OR' },
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
  // distinct terms a document matched. Its score for each single stem, stored here, lets
  // the router reproduce any query's scores without the query machinery.
  const bm25: Record<string, Array<[number, number]>> = {};
  for (const doc of docs) {
    for (const stem of [...doc.name, ...doc.triggers, ...doc.description, ...doc.corpus]) {
      if (bm25[stem] === undefined) bm25[stem] = search.search(stem).map((r) => [r.id as number, r.score]);
    }
  }

  const domain = buildDomainWeights(
    docs.map((doc) => [...doc.description, ...doc.triggers, ...doc.corpus]),
    options.english ?? loadEnglishFrequencies(),
    options.domain,
  );
  return {
    version: COMPILED_INDEX_VERSION,
    candidates: candidates.map(({ corpus: _corpus, examples: _examples, ...rest }) => rest),
    vocabulary: Object.fromEntries(vocabulary),
    idf,
    phrases,
    rules,
    bm25,
    domain: Object.fromEntries(domain),
    classifier: trainExampleClassifier(
      trainingExamples(candidates, options.notMarketing ?? NOT_MARKETING_REQUESTS, createAnalyser({ vocabulary })),
      candidates.length,
      options.classifier,
    ),
  };
}

