import { parseFeatureLine, type CompiledExampleClassifier } from './example-classifier-schema.js';
import { requestFeatures } from './request-features.js';
import { softmaxInPlace } from './train-example-classifier.js';

/** Says how much a request resembles each candidate's examples. */
export interface ExampleClassifier {
  /**
   * Probabilities over the candidates (index order) from the average of naive Bayes and
   * logistic regression; undefined when no feature of the request was seen in training.
   */
  classify(terms: readonly string[]): Float64Array | undefined;
}

interface DenseFeature {
  /** log(count + smoothing) per candidate. */
  logCounts: Float64Array;
  weights: Float64Array;
}

/**
 * Restores a trained classifier. Features are turned into dense arrays on first use only:
 * a request meets a few dozen of them, and a cold start should not pay for thousands.
 */
export function restoreExampleClassifier(compiled: CompiledExampleClassifier): ExampleClassifier {
  const { classes, smoothing } = compiled;
  const logTotals = Float64Array.from(compiled.logTotals);
  const logSmoothing = Math.log(smoothing);
  // Feature name → its line in the table, indexed on the first request.
  let lines: Map<string, string> | undefined;
  const lineOf = (name: string): string | undefined => {
    if (!lines) {
      lines = new Map();
      for (const line of compiled.features.split('\n')) lines.set(line.slice(0, line.indexOf('\t')), line);
    }
    return lines.get(name);
  };
  const dense = new Map<string, DenseFeature>();
  const denseFeature = (name: string): DenseFeature | undefined => {
    let feature = dense.get(name);
    if (feature !== undefined) return feature;
    // Unknown features are not remembered: a long-running server meets endless new words.
    const line = lineOf(name);
    if (line === undefined) return undefined;
    const sparse = parseFeatureLine(line);
    const logCounts = new Float64Array(classes).fill(logSmoothing);
    for (const [k, count] of sparse.counts) logCounts[k] = Math.log(count + smoothing);
    const weights = new Float64Array(classes);
    for (const [k, weight] of sparse.weights) weights[k] = weight;
    feature = { logCounts, weights };
    dense.set(name, feature);
    return feature;
  };

  const bayes = new Float64Array(classes);
  const regression = new Float64Array(classes);
  return {
    classify(terms) {
      bayes.fill(0);
      regression.fill(0);
      let known = 0;
      for (const name of requestFeatures(terms)) {
        const feature = denseFeature(name);
        if (!feature) continue;
        known++;
        for (let k = 0; k < classes; k++) {
          bayes[k]! += feature.logCounts[k]!;
          regression[k]! += feature.weights[k]!;
        }
      }
      if (known === 0) return undefined;
      // Uniform prior: a candidate with more examples is not more likely for that reason.
      for (let k = 0; k < classes; k++) bayes[k]! -= known * logTotals[k]!;
      softmaxInPlace(bayes);
      softmaxInPlace(regression);
      const probabilities = new Float64Array(classes);
      for (let k = 0; k < classes; k++) probabilities[k] = (bayes[k]! + regression[k]!) / 2;
      return probabilities;
    },
  };
}
