import { featureLine, type CompiledExampleClassifier } from './example-classifier-schema.js';
import { featureTable } from './feature-table.js';
import { requestFeatures } from './request-features.js';

/** A request known to belong to a candidate: its stems and the candidate's index. */
export interface TrainingExample {
  terms: readonly string[];
  target: number;
}

export interface ClassifierTrainingOptions {
  /** Additive smoothing of the naive Bayes counts. */
  smoothing: number;
  /** Logistic regression: step size, L2 penalty and passes over the examples. */
  learningRate: number;
  l2: number;
  epochs: number;
  /** Logistic-regression weights smaller than this are dropped (they change no ranking, and keep the cache small). */
  minWeight: number;
}

export const DEFAULT_CLASSIFIER_TRAINING: ClassifierTrainingOptions = {
  smoothing: 0.3,
  learningRate: 0.5,
  l2: 1e-4,
  epochs: 10,
  minWeight: 0.05,
};

/** A small deterministic generator (mulberry32): the same examples always train the same model. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const roundTo = (x: number, digits: number): number => Number(x.toFixed(digits));

/**
 * Trains the two halves of the example classifier: naive Bayes counts (one pass) and a
 * softmax logistic regression by stochastic gradient descent. They err differently, so the
 * router averages their probabilities. Pure and deterministic.
 */
export function trainExampleClassifier(
  examples: readonly TrainingExample[],
  classes: number,
  options: ClassifierTrainingOptions = DEFAULT_CLASSIFIER_TRAINING,
): CompiledExampleClassifier {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const encoded = examples.map(({ terms, target }) => {
    const features = requestFeatures(terms).map((f) => {
      let id = ids.get(f);
      if (id === undefined) {
        ids.set(f, (id = names.length));
        names.push(f);
      }
      return id;
    });
    return { features: Int32Array.from(features), target };
  });
  const featureCount = names.length;

  // Naive Bayes: how often each feature appears in each candidate's examples.
  const counts = new Float64Array(featureCount * classes);
  const totals = new Float64Array(classes);
  for (const { features, target } of encoded) {
    for (const f of features) counts[f * classes + target]! += 1;
    totals[target]! += features.length;
  }

  // Logistic regression, one example at a time in a seeded random order.
  const weights = new Float64Array(featureCount * classes);
  const scores = new Float64Array(classes);
  const random = seededRandom(featureCount * 31 + encoded.length);
  const order = encoded.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const e of order) {
      const { features, target } = encoded[e]!;
      if (features.length === 0) continue;
      scores.fill(0);
      for (const f of features) for (let k = 0; k < classes; k++) scores[k]! += weights[f * classes + k]!;
      softmaxInPlace(scores);
      // Long examples take smaller steps per feature, so every example counts about the same;
      // steps shrink epoch by epoch, so the order of the last examples seen leaves no bias.
      const step = (options.learningRate * (1 - epoch / options.epochs)) / Math.sqrt(features.length);
      for (const f of features) {
        for (let k = 0; k < classes; k++) {
          const w = f * classes + k;
          const gradient = scores[k]! - (k === target ? 1 : 0);
          weights[w]! -= step * gradient + options.learningRate * options.l2 * weights[w]!;
        }
      }
    }
  }

  const lines = names.map((name, f) => {
    const sparseCounts: Array<[number, number]> = [];
    const sparseWeights: Array<[number, number]> = [];
    for (let k = 0; k < classes; k++) {
      const count = counts[f * classes + k]!;
      if (count > 0) sparseCounts.push([k, count]);
      const weight = weights[f * classes + k]!;
      if (Math.abs(weight) >= options.minWeight) sparseWeights.push([k, roundTo(weight, 3)]);
    }
    return featureLine({ name, counts: sparseCounts, weights: sparseWeights });
  });
  return {
    classes,
    smoothing: options.smoothing,
    logTotals: Array.from(totals, (total) => Math.log(total + options.smoothing * featureCount)),
    features: featureTable(lines),
  };
}

/** Turns scores into probabilities in place (shifted by the maximum, so large scores do not overflow). */
export function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (let k = 0; k < scores.length; k++) if (scores[k]! > max) max = scores[k]!;
  let sum = 0;
  for (let k = 0; k < scores.length; k++) sum += scores[k] = Math.exp(scores[k]! - max);
  for (let k = 0; k < scores.length; k++) scores[k]! /= sum;
}
