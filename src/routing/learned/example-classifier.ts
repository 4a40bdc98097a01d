import { parseFeatureLine, type CompiledExampleClassifier } from './example-classifier-schema.js';
import { softmaxInPlace } from './train-example-classifier.js';

/** Says how much a request resembles each candidate's examples. */
export interface ExampleClassifier {
  /**
   * Probabilities over the candidates (index order) from the average of naive Bayes and
   * logistic regression, or undefined when no feature of the request was seen in training.
   * The array is reused by the next call: read it before classifying again.
   */
  classify(terms: readonly string[]): Float64Array | undefined;
}

/**
 * One feature's line in the table. On first use its values are appended to the shared row
 * arrays: naive Bayes in [start, middle), regression in [middle, end). One flat store keeps
 * a request's lookups close together in memory, which matters more here than arithmetic.
 */
interface FeatureSlot {
  line: string;
  /** For a single stem, its number (pairs are found by the numbers of their two stems). */
  id: number;
  start: number;
  middle: number;
  end: number;
}

const slotOf = (line: string, id: number): FeatureSlot => ({ line, id, start: -1, middle: 0, end: 0 });

/**
 * Restores a trained classifier. The table is indexed on the first request and each
 * feature decoded when a request first uses it, into sparse rows (a feature is seen with
 * one or two candidates, so a request adds a few numbers per feature, not one per candidate): a request meets a few dozen features, and
 * a cold start should not pay for thousands. Features are the same as `requestFeatures`
 * gives (distinct stems, distinct neighbouring pairs), walked without building strings.
 */
export function restoreExampleClassifier(compiled: CompiledExampleClassifier): ExampleClassifier {
  const { classes, smoothing } = compiled;
  const logTotals = Float64Array.from(compiled.logTotals);
  const logSmoothing = Math.log(smoothing);
  let single: Map<string, FeatureSlot> | undefined;
  // A pair's key is its first stem's number × stemCount + its second's: one small-integer
  // lookup instead of hashing two strings. Every stem of a pair is also a single feature,
  // since training counts both from the same example.
  let pairs: Map<number, FeatureSlot> | undefined;
  let stemCount = 0;

  const indexTable = (): void => {
    single = new Map();
    pairs = new Map();
    const lines = compiled.features === '' ? [] : compiled.features.split('\n');
    const pairLines: string[] = [];
    for (const line of lines) {
      const name = line.slice(0, line.indexOf('\t'));
      if (name.includes(' ')) pairLines.push(line);
      else single.set(name, slotOf(line, single.size));
    }
    stemCount = single.size;
    for (const line of pairLines) {
      const name = line.slice(0, line.indexOf('\t'));
      const space = name.indexOf(' ');
      const first = single.get(name.slice(0, space));
      const second = single.get(name.slice(space + 1));
      if (first && second) pairs.set(first.id * stemCount + second.id, slotOf(line, -1));
    }
  };

  // The shared rows: candidate index and value, grown as features are decoded.
  let rowClasses = new Int32Array(1024);
  let rowValues = new Float64Array(1024);
  let rowLength = 0;
  const append = (k: number, value: number): void => {
    if (rowLength === rowClasses.length) {
      const classesGrown = new Int32Array(rowLength * 2);
      classesGrown.set(rowClasses);
      rowClasses = classesGrown;
      const valuesGrown = new Float64Array(rowLength * 2);
      valuesGrown.set(rowValues);
      rowValues = valuesGrown;
    }
    rowClasses[rowLength] = k;
    rowValues[rowLength++] = value;
  };
  const decode = (slot: FeatureSlot): void => {
    const { counts, weights } = parseFeatureLine(slot.line);
    slot.start = rowLength;
    // Naive Bayes: log(count + smoothing) - log(smoothing); absent counts add nothing here.
    for (const [k, count] of counts) append(k, Math.log(count + smoothing) - logSmoothing);
    slot.middle = rowLength;
    for (const [k, weight] of weights) append(k, weight);
    slot.end = rowLength;
  };

  const bayes = new Float64Array(classes);
  const regression = new Float64Array(classes);
  const probabilities = new Float64Array(classes);
  let known = 0;
  // The request's stems as numbers (-1: never seen in training), reused across calls.
  let ids = new Int32Array(64);
  const add = (slot: FeatureSlot | undefined): void => {
    if (!slot) return;
    if (slot.start < 0) decode(slot);
    known++;
    for (let i = slot.start; i < slot.middle; i++) bayes[rowClasses[i]!]! += rowValues[i]!;
    for (let i = slot.middle; i < slot.end; i++) regression[rowClasses[i]!]! += rowValues[i]!;
  };

  return {
    classify(terms) {
      if (!single) indexTable();
      bayes.fill(0);
      regression.fill(0);
      known = 0;
      if (ids.length < terms.length) ids = new Int32Array(terms.length * 2);
      for (let i = 0; i < terms.length; i++) {
        const first = terms.indexOf(terms[i]!);
        if (first < i) {
          ids[i] = ids[first]!;
          continue;
        }
        const slot = single!.get(terms[i]!);
        ids[i] = slot ? slot.id : -1;
        add(slot);
      }
      for (let i = 0; i + 1 < terms.length; i++) {
        const a = ids[i]!;
        const b = ids[i + 1]!;
        if (a < 0 || b < 0) continue;
        let repeated = false;
        for (let j = 0; j < i && !repeated; j++) repeated = ids[j] === a && ids[j + 1] === b;
        if (!repeated) add(pairs!.get(a * stemCount + b));
      }
      if (known === 0) return undefined;
      // Uniform prior: a candidate with more examples is not more likely for that reason.
      for (let k = 0; k < classes; k++) bayes[k]! += known * (logSmoothing - logTotals[k]!);
      softmaxInPlace(bayes);
      softmaxInPlace(regression);
      for (let k = 0; k < classes; k++) probabilities[k] = (bayes[k]! + regression[k]!) / 2;
      return probabilities;
    },
  };
}
