import MiniSearch from 'minisearch';
import { createAnalyser, surfaceWords, isContentWord, type Analyser } from './text/analyse-text.js';
import type { RoutingCandidate } from './routing-candidate.js';

/** A trigger phrase (or a "Not This" rule segment) reduced to its distinct stems. */
export interface IndexedPhrase {
  /** Index into `RouteIndex.candidates` of the candidate the phrase points to. */
  target: number;
  text: string;
  stems: string[];
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
  search: MiniSearch<{ id: number; name: string; triggers: string; description: string }>;
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
export function buildRouteIndex(candidates: readonly RoutingCandidate[]): RouteIndex {
  // The vocabulary for typo repair: every content word the candidates use.
  const vocabulary = new Set<string>();
  for (const c of candidates) {
    for (const text of [c.name.replace(/-/g, ' '), c.description, ...c.triggers, ...c.not.map((r) => r.when)]) {
      for (const word of surfaceWords(text)) if (isContentWord(word) && !/\d/.test(word)) vocabulary.add(word);
    }
  }
  const analyser = createAnalyser({ vocabulary });
  const plain = createAnalyser();

  // Document frequency over each candidate's whole text.
  const docs = candidates.map((c) => {
    const name = plain.terms(c.name.replace(/-/g, ' '));
    const triggers = c.triggers.flatMap((t) => plain.terms(t));
    const description = plain.terms(c.description);
    return { name, triggers, description };
  });
  const df = new Map<string, number>();
  for (const doc of docs) {
    for (const stem of new Set([...doc.name, ...doc.triggers, ...doc.description])) df.set(stem, (df.get(stem) ?? 0) + 1);
  }
  const n = candidates.length;
  const idf = new Map<string, number>();
  for (const [stem, count] of df) idf.set(stem, Math.log(1 + (n - count + 0.5) / (count + 0.5)));
  const idfOf = (stem: string): number => idf.get(stem) ?? Math.log(1 + (n + 0.5) / 0.5);

  const makePhrase = (target: number, text: string): IndexedPhrase | undefined => {
    const stems = [...new Set(plain.terms(text))];
    if (stems.length === 0) return undefined;
    return { target, text, stems, weight: stems.reduce((sum, s) => sum + idfOf(s), 0) };
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
  const search = new MiniSearch<{ id: number; name: string; triggers: string; description: string }>({
    fields: ['name', 'triggers', 'description'],
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || null,
    searchOptions: { boost: { name: 1.5, triggers: 2, description: 1 }, combineWith: 'OR' },
  });
  search.addAll(
    docs.map((doc, id) => ({ id, name: doc.name.join(' '), triggers: doc.triggers.join(' '), description: doc.description.join(' ') })),
  );

  return { candidates: [...candidates], analyser, idf, phrases, rules, phrasesByStem, rulesByStem, search };
}
