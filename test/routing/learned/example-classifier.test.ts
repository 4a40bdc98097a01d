import { describe, expect, it } from 'vitest';
import { parseFeatureLine, featureLine } from '../../../src/routing/learned/example-classifier-schema.js';
import { NOT_LOOKED_UP, restoreExampleClassifier } from '../../../src/routing/learned/example-classifier.js';
import { featureTable, findFeatureLine } from '../../../src/routing/learned/feature-table.js';
import { requestFeatures } from '../../../src/routing/learned/request-features.js';
import { trainExampleClassifier, type TrainingExample } from '../../../src/routing/learned/train-example-classifier.js';

const words = (text: string): string[] => text.split(' ');
// Three candidates whose examples share words ("email", "page") but differ in what goes with them.
const EXAMPLES: TrainingExample[] = [
  ...['fix typos in this email', 'proofread the page copy', 'tighten this email draft', 'polish the page wording'].map((t) => ({ terms: words(t), target: 0 })),
  ...['write a new email from scratch', 'draft page headlines', 'new copy for the pricing page', 'write the launch email'].map((t) => ({ terms: words(t), target: 1 })),
  ...['why did signups drop', 'report on the email results', 'which channel brought leads', 'read the page analytics'].map((t) => ({ terms: words(t), target: 2 })),
];

describe('example classifier', () => {
  it('looks at stems and neighbouring pairs', () => {
    expect(requestFeatures(['content', 'calendar', 'content'])).toEqual(['content', 'calendar', 'content calendar', 'calendar content']);
  });

  it('trains the same model from the same examples, every time', () => {
    expect(trainExampleClassifier(EXAMPLES, 3)).toEqual(trainExampleClassifier(EXAMPLES, 3));
  });

  it('puts most belief on the candidate whose examples a new request resembles', () => {
    const classifier = restoreExampleClassifier(trainExampleClassifier(EXAMPLES, 3));
    const best = (text: string): number => {
      const p = classifier.classify(words(text))!.candidates!;
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      return p.indexOf(Math.max(...p));
    };
    expect(best('proofread this email')).toBe(0);
    expect(best('write a new page')).toBe(1);
    expect(best('why did the email results drop')).toBe(2);
  });

  it('has no opinion on a request made only of words it never saw', () => {
    const classifier = restoreExampleClassifier(trainExampleClassifier(EXAMPLES, 3));
    expect(classifier.classify(words('flight lisbon tomorrow'))).toBeUndefined();
    expect(classifier.classify([])).toBeUndefined();
  });

  it('stores features as table lines that read back unchanged', () => {
    const feature = { name: 'content calendar', counts: [[0, 2], [4, 1]] as Array<[number, number]>, weights: [[1, -0.25]] as Array<[number, number]>, scope: 0.5 };
    expect(parseFeatureLine(featureLine(feature))).toEqual(feature);
    expect(parseFeatureLine(featureLine({ name: 'seo', counts: [], weights: [], scope: 0 }))).toEqual({ name: 'seo', counts: [], weights: [], scope: 0 });
  });

  it('finds every line of a sorted table by binary search, and nothing else', () => {
    const names = ['ab', 'abc', 'ad', 'b', 'b c', 'content', 'content calendar', 'seo', 'z'];
    const table = featureTable([...names].reverse().map((name) => `${name}\t0:1\t`));
    for (const name of names) expect(findFeatureLine(table, name)).toBe(`${name}\t0:1\t`);
    for (const name of ['', 'a', 'abd', 'b b', 'conten', 'content calendars', 'zz', 'ac']) expect(findFeatureLine(table, name)).toBeUndefined();
    expect(findFeatureLine('', 'seo')).toBeUndefined();
  });

  it('gives the same answer before and after it indexes its table', () => {
    const classifier = restoreExampleClassifier(trainExampleClassifier(EXAMPLES, 3));
    const answers = Array.from({ length: 40 }, (_, i) => Array.from(classifier.classify(words(i % 2 ? 'proofread this email draft' : 'report on the page results'))!.candidates!));
    for (let i = 2; i < answers.length; i++) expect(answers[i]).toEqual(answers[i % 2]);
  });

  it('learns from not-marketing requests whether a request is marketing at all, leaving the candidates alone', () => {
    const notMarketing: TrainingExample[] = ['why did the server drop', 'fix the email server', 'book a flight to lisbon', 'report the bug to engineering'].map((t) => ({
      terms: words(t),
      target: null,
    }));
    const both = restoreExampleClassifier(trainExampleClassifier([...EXAMPLES, ...notMarketing], 3));
    const candidatesOnly = restoreExampleClassifier(trainExampleClassifier(EXAMPLES, 3));
    const marketing = both.classify(words('proofread the page copy'))!;
    expect(Array.from(marketing.candidates!)).toEqual(Array.from(candidatesOnly.classify(words('proofread the page copy'))!.candidates!));
    expect(marketing.scopeLogOdds).toBeGreaterThan(0);
    const server = both.classify(words('the email server bug'))!;
    expect(server.scopeLogOdds).toBeLessThan(0);
    // Words only the not-marketing requests have: an opinion on scope, none on candidates.
    const flight = both.classify(words('flight lisbon'))!;
    expect(flight.candidates).toBeUndefined();
    expect(flight.scopeLogOdds).toBeLessThan(0);
  });

  it('remembers feature numbers in the memos it is given, before and after indexing, with the same answers', () => {
    const withMemos = restoreExampleClassifier(trainExampleClassifier(EXAMPLES, 3));
    const without = restoreExampleClassifier(trainExampleClassifier(EXAMPLES, 3));
    const memos = new Map<string, { feature: number }>();
    const memoFor = (term: string): { feature: number } => memos.get(term) ?? memos.set(term, { feature: NOT_LOOKED_UP }).get(term)!;
    const texts = ['proofread this email draft', 'report on the page results', 'book a flight', 'write a new page'];
    for (let i = 0; i < 40; i++) {
      const terms = words(texts[i % texts.length]!);
      const a = withMemos.classify(terms, terms.map(memoFor));
      const b = without.classify(terms);
      expect(a && { scope: a.scopeLogOdds, candidates: a.candidates && Array.from(a.candidates) }).toEqual(b && { scope: b.scopeLogOdds, candidates: b.candidates && Array.from(b.candidates) });
    }
    expect(memos.get('proofread')!.feature).toBeGreaterThanOrEqual(0);
    expect(memos.get('flight')!.feature).toBe(-1);
  });
});
