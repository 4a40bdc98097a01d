import { z } from 'zod';

/**
 * A classifier trained on the candidates' example requests and triggers, and on requests
 * that are not marketing at all, as cacheable data.
 *
 * `features` is a table, one line per feature (a stem or a pair of stems), sorted by name:
 * `name<TAB>counts<TAB>weights<TAB>scope`, where counts are how often the feature appears in
 * each candidate's examples (naive Bayes) and weights are its logistic-regression weights,
 * both sparse as `candidate:value` pairs joined by commas, and scope is its weight for
 * "a marketing task at all" (empty when negligible). One string rather than thousands of
 * small arrays: the cache is read on every cold start, and JSON.parse builds a string
 * several times faster; lines are decoded only when a request uses their feature.
 */
export const CompiledExampleClassifierSchema = z.object({
  /** How many candidates it chooses between (the index's candidates, in order). */
  classes: z.number().int().positive(),
  /** Additive smoothing of the naive Bayes counts. */
  smoothing: z.number().positive(),
  /** Per candidate: log(total feature count + smoothing × vocabulary size), the naive Bayes denominator. */
  logTotals: z.array(z.number()),
  /** Log-odds of "a marketing task" before any feature is seen. */
  scopeBias: z.number(),
  features: z.string(),
});

export type CompiledExampleClassifier = z.infer<typeof CompiledExampleClassifierSchema>;

/** What one feature tells the classifier, sparse: `[candidate index, value]`. */
export interface ClassifierFeature {
  name: string;
  counts: Array<[number, number]>;
  weights: Array<[number, number]>;
  scope: number;
}

const pairsText = (pairs: ReadonlyArray<[number, number]>): string => pairs.map(([k, v]) => `${k}:${v}`).join(',');

const pairsOf = (text: string): Array<[number, number]> =>
  text === ''
    ? []
    : text.split(',').map((pair) => {
        const colon = pair.indexOf(':');
        return [Number(pair.slice(0, colon)), Number(pair.slice(colon + 1))];
      });

/** One line of the feature table. Feature names are stems and spaces, never tabs or newlines. */
export function featureLine(feature: ClassifierFeature): string {
  return `${feature.name}\t${pairsText(feature.counts)}\t${pairsText(feature.weights)}\t${feature.scope === 0 ? '' : feature.scope}`;
}

export function parseFeatureLine(line: string): ClassifierFeature {
  const [name = '', counts = '', weights = '', scope = ''] = line.split('\t');
  return { name, counts: pairsOf(counts), weights: pairsOf(weights), scope: scope === '' ? 0 : Number(scope) };
}
