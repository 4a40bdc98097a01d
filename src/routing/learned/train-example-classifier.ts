import { featureLine, type CompiledExampleClassifier } from './example-classifier-schema.js';
import { featureTable } from './feature-table.js';
import { requestFeatures } from './request-features.js';

/** A request with its stems and where it belongs: a candidate's index, or null when it is not marketing at all. */
export interface TrainingExample {
  terms: readonly string[];
  target: number | null;
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

/** x rounded to three decimals (the same number toFixed(3) gives, without the string). */
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Trains the example classifier. Which candidate: naive Bayes counts (one pass) and a
 * softmax logistic regression by stochastic gradient descent, on the candidates' examples;
 * they err differently, so the router averages their probabilities. Whether marketing at
 * all: a binary logistic regression of those examples against the not-marketing ones.
 * Pure and deterministic.
 */
export function trainExampleClassifier(
  examples: readonly TrainingExample[],
  classes: number,
  options: ClassifierTrainingOptions = DEFAULT_CLASSIFIER_TRAINING,
): CompiledExampleClassifier {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const encode = ({ terms, target }: TrainingExample): EncodedExample => {
    const features = requestFeatures(terms).map((f) => {
      let id = ids.get(f);
      if (id === undefined) {
        ids.set(f, (id = names.length));
        names.push(f);
      }
      return id;
    });
    return { features: Int32Array.from(features), target };
  };
  // Candidates' examples first, so the naive Bayes vocabulary is theirs alone.
  const inScope = examples.filter((e) => e.target !== null).map(encode);
  const candidateFeatureCount = names.length;
  const notMarketing = examples.filter((e) => e.target === null).map(encode);
  const featureCount = names.length;

  // Naive Bayes: how often each feature appears in each candidate's examples.
  const counts = new Float64Array(featureCount * classes);
  const totals = new Float64Array(classes);
  for (const { features, target } of inScope) {
    for (const f of features) counts[f * classes + target!]! += 1;
    totals[target!]! += features.length;
  }
  const weights = trainCandidateRegression(inScope, featureCount, candidateFeatureCount, classes, options);
  const scope = trainScopeRegression(inScope, notMarketing, featureCount, options);

  const lines = names.map((name, f) => {
    const sparseCounts: Array<[number, number]> = [];
    const sparseWeights: Array<[number, number]> = [];
    for (let k = 0; k < classes; k++) {
      const count = counts[f * classes + k]!;
      if (count > 0) sparseCounts.push([k, count]);
      const weight = weights[f * classes + k]!;
      if (Math.abs(weight) >= options.minWeight) sparseWeights.push([k, round3(weight)]);
    }
    const scopeWeight = Math.abs(scope.weights[f]!) >= options.minWeight ? round3(scope.weights[f]!) : 0;
    return featureLine({ name, counts: sparseCounts, weights: sparseWeights, scope: scopeWeight });
  });
  return {
    classes,
    smoothing: options.smoothing,
    logTotals: Array.from(totals, (total) => Math.log(total + options.smoothing * candidateFeatureCount)),
    scopeBias: round3(scope.bias),
    features: featureTable(lines),
  };
}

interface EncodedExample {
  features: Int32Array;
  target: number | null;
}

/** Shuffles `order` in place with the generator (Fisher-Yates). */
function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}

/**
 * Stochastic gradient descent's walk: `options.epochs` passes over the examples, each in a
 * new seeded random order, skipping examples with no features. Each visit gets its step
 * size: long examples take smaller steps per feature, so every example counts about the
 * same, and steps shrink pass by pass (`decay`, 1 down towards 0), so the order of the last
 * examples seen leaves no bias.
 */
function forEachStep(
  examples: readonly EncodedExample[],
  seed: number,
  options: ClassifierTrainingOptions,
  visit: (example: EncodedExample, step: number, decay: number) => void,
): void {
  const random = seededRandom(seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    const decay = 1 - epoch / options.epochs;
    for (const e of order) {
      const example = examples[e]!;
      if (example.features.length === 0) continue;
      visit(example, (options.learningRate * decay) / Math.sqrt(example.features.length), decay);
    }
  }
}

const NEGLIGIBLE_BELIEF = 1e-3;

/** Softmax regression over the candidates, one example at a time in a seeded random order. */
function trainCandidateRegression(
  examples: readonly EncodedExample[],
  featureCount: number,
  candidateFeatureCount: number,
  classes: number,
  options: ClassifierTrainingOptions,
): Float64Array {
  const weights = new Float64Array(featureCount * classes);
  const scores = new Float64Array(classes);
  // Seeded from the candidates' examples alone: the not-marketing list does not move these weights.
  forEachStep(examples, candidateFeatureCount * 31 + examples.length, options, ({ features, target }, step) => {
    scores.fill(0);
    for (const f of features) for (let k = 0; k < classes; k++) scores[k]! += weights[f * classes + k]!;
    softmaxInPlace(scores);
    for (let k = 0; k < classes; k++) {
      // Candidates the example gives almost no belief to would barely move: skipping them
      // makes training several times faster for the same routing.
      if (k !== target && scores[k]! < NEGLIGIBLE_BELIEF) continue;
      const gradient = scores[k]! - (k === target ? 1 : 0);
      for (const f of features) {
        const w = f * classes + k;
        weights[w]! -= step * gradient + options.learningRate * options.l2 * weights[w]!;
      }
    }
  });
  return weights;
}

/**
 * Binary regression: marketing (the candidates' examples) against not marketing. The two
 * sides are weighted to count equally however many examples each has.
 */
function trainScopeRegression(
  marketing: readonly EncodedExample[],
  notMarketing: readonly EncodedExample[],
  featureCount: number,
  options: ClassifierTrainingOptions,
): { weights: Float64Array; bias: number } {
  const weights = new Float64Array(featureCount);
  let bias = 0;
  if (notMarketing.length === 0) return { weights, bias };
  const all = [...marketing, ...notMarketing];
  const sideWeight = (isMarketing: boolean): number => all.length / (2 * (isMarketing ? marketing.length : notMarketing.length));
  forEachStep(all, featureCount * 17 + all.length, options, ({ features, target }, step, decay) => {
    const isMarketing = target !== null;
    let z = bias;
    for (const f of features) z += weights[f]!;
    const gradient = (1 / (1 + Math.exp(-z)) - (isMarketing ? 1 : 0)) * sideWeight(isMarketing);
    for (const f of features) weights[f]! -= step * gradient + options.learningRate * options.l2 * weights[f]!;
    // The bias moves slowly: it sees every example.
    bias -= 0.1 * options.learningRate * decay * gradient;
  });
  return { weights, bias };
}

/** Turns scores into probabilities in place (shifted by the maximum, so large scores do not overflow). */
export function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (let k = 0; k < scores.length; k++) if (scores[k]! > max) max = scores[k]!;
  let sum = 0;
  for (let k = 0; k < scores.length; k++) sum += scores[k] = Math.exp(scores[k]! - max);
  for (let k = 0; k < scores.length; k++) scores[k]! /= sum;
}
