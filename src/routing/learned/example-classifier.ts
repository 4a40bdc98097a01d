import { parseFeatureLine, type CompiledExampleClassifier } from './example-classifier-schema.js';
import { findFeatureLine } from './feature-table.js';
import { softmaxInPlace } from './train-example-classifier.js';

/** What the example classifier reads in a request. Reused by the next call: read it before classifying again. */
export interface ExampleReading {
  /**
   * Probabilities over the candidates (index order) from the average of naive Bayes and
   * logistic regression; undefined when no feature was seen in the candidates' examples.
   */
  candidates: Float64Array | undefined;
  /** Log-odds that the request is a marketing task at all. */
  scopeLogOdds: number;
}

/** Says how much a request resembles each candidate's examples, and marketing requests at all. */
export interface ExampleClassifier {
  /** Undefined when no feature of the request was seen in training. */
  classify(terms: readonly string[]): ExampleReading | undefined;
}

/**
 * One feature's line in the table. On first use its values are appended to the shared row
 * arrays: naive Bayes in [start, middle), regression in [middle, end). One flat store keeps
 * a request's lookups close together in memory, which matters more here than arithmetic.
 */
interface FeatureSlot {
  line: string;
  /** For a single stem, its number once the table is indexed. */
  id: number;
  start: number;
  middle: number;
  end: number;
  scope: number;
  /**
   * For a single stem, the pairs it starts: the second stems' numbers, ascending, and the
   * pairs' slots in the same order. A pair is found by binary search in this short list
   * instead of a probe into a map of thousands.
   */
  nextIds: Int32Array;
  nextSlots: FeatureSlot[];
}

const NO_IDS = new Int32Array(0);
const slotOf = (line: string, id: number): FeatureSlot => ({
  line,
  id,
  start: -1,
  middle: 0,
  end: 0,
  scope: 0,
  nextIds: NO_IDS,
  nextSlots: [],
});

/**
 * Requests answered by binary search on the table before it is indexed. A one-shot
 * `mops route` never pays for indexing thousands of features; a server or a batch pays
 * once, after a few requests, and then looks features up by number.
 */
const REQUESTS_BEFORE_INDEXING = 16;

/** Feature lookups: by stem, and by pair of neighbouring stems. */
interface FeatureLookup {
  single(term: string): FeatureSlot | undefined;
  pair(first: string, second: string, firstSlot: FeatureSlot, secondSlot: FeatureSlot): FeatureSlot | undefined;
}

/** Binary search on the table; each line found becomes a slot once, and misses are not kept. */
function searchLookup(table: string): FeatureLookup {
  const found = new Map<string, FeatureSlot>();
  const find = (name: string): FeatureSlot | undefined => {
    let slot = found.get(name);
    if (slot) return slot;
    const line = findFeatureLine(table, name);
    if (line === undefined) return undefined;
    found.set(name, (slot = slotOf(line, -1)));
    return slot;
  };
  return { single: find, pair: (first, second) => find(`${first} ${second}`) };
}

/** Every line indexed: single stems in a map, pairs in the lists of their first stems. */
function indexedLookup(table: string): FeatureLookup {
  const single = new Map<string, FeatureSlot>();
  const pairLines: string[] = [];
  for (const line of table === '' ? [] : table.split('\n')) {
    const name = line.slice(0, line.indexOf('\t'));
    if (name.includes(' ')) pairLines.push(line);
    else single.set(name, slotOf(line, single.size));
  }
  // Every stem of a pair is also a single feature: training counts both from the same example.
  const started = new Map<FeatureSlot, Array<{ id: number; slot: FeatureSlot }>>();
  for (const line of pairLines) {
    const name = line.slice(0, line.indexOf('\t'));
    const space = name.indexOf(' ');
    const first = single.get(name.slice(0, space));
    const second = single.get(name.slice(space + 1));
    if (!first || !second) continue;
    let list = started.get(first);
    if (!list) started.set(first, (list = []));
    list.push({ id: second.id, slot: slotOf(line, -1) });
  }
  for (const [first, list] of started) {
    list.sort((a, b) => a.id - b.id);
    first.nextIds = Int32Array.from(list, (p) => p.id);
    first.nextSlots = list.map((p) => p.slot);
  }
  return {
    single: (term) => single.get(term),
    pair: (_first, _second, firstSlot, secondSlot) => {
      const ids = firstSlot.nextIds;
      const wanted = secondSlot.id;
      let low = 0;
      let high = ids.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (ids[middle]! < wanted) low = middle + 1;
        else high = middle;
      }
      return low < ids.length && ids[low] === wanted ? firstSlot.nextSlots[low] : undefined;
    },
  };
}

/**
 * Restores a trained classifier. Each feature is decoded when a request first uses it, into
 * sparse rows: a feature is seen with one or two candidates, so a request adds a few numbers
 * per feature, not one per candidate. Features are the same as `requestFeatures` gives
 * (distinct stems, distinct neighbouring pairs), walked without building them as a list.
 */
export function restoreExampleClassifier(compiled: CompiledExampleClassifier): ExampleClassifier {
  const { classes, smoothing } = compiled;
  const logTotals = Float64Array.from(compiled.logTotals);
  const logSmoothing = Math.log(smoothing);
  let lookup = searchLookup(compiled.features);
  let requests = 0;

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
    const { counts, weights, scope } = parseFeatureLine(slot.line);
    slot.scope = scope;
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
  let scopeLogOdds = 0;
  let seen = 0;
  const reading: ExampleReading = { candidates: undefined, scopeLogOdds: 0 };
  // The request's stems' slots (undefined: never seen in training), reused across calls.
  const slots: Array<FeatureSlot | undefined> = [];
  const add = (slot: FeatureSlot | undefined): void => {
    if (!slot) return;
    if (slot.start < 0) decode(slot);
    seen++;
    scopeLogOdds += slot.scope;
    // A feature only the not-marketing requests have says nothing about which candidate.
    if (slot.middle > slot.start) known++;
    for (let i = slot.start; i < slot.middle; i++) bayes[rowClasses[i]!]! += rowValues[i]!;
    for (let i = slot.middle; i < slot.end; i++) regression[rowClasses[i]!]! += rowValues[i]!;
  };

  return {
    classify(terms) {
      if (++requests === REQUESTS_BEFORE_INDEXING) {
        lookup = indexedLookup(compiled.features);
        rowLength = 0;
      }
      bayes.fill(0);
      regression.fill(0);
      known = 0;
      seen = 0;
      scopeLogOdds = compiled.scopeBias;
      slots.length = terms.length;
      for (let i = 0; i < terms.length; i++) {
        const first = terms.indexOf(terms[i]!);
        if (first < i) {
          slots[i] = slots[first];
          continue;
        }
        slots[i] = lookup.single(terms[i]!);
        add(slots[i]);
      }
      for (let i = 0; i + 1 < terms.length; i++) {
        const a = slots[i];
        const b = slots[i + 1];
        if (!a || !b) continue;
        let repeated = false;
        for (let j = 0; j < i && !repeated; j++) repeated = slots[j] === a && slots[j + 1] === b;
        if (!repeated) add(lookup.pair(terms[i]!, terms[i + 1]!, a, b));
      }
      if (seen === 0) return undefined;
      reading.scopeLogOdds = scopeLogOdds;
      reading.candidates = undefined;
      if (known === 0) return reading;
      // Uniform prior: a candidate with more examples is not more likely for that reason.
      for (let k = 0; k < classes; k++) bayes[k]! += known * (logSmoothing - logTotals[k]!);
      softmaxInPlace(bayes);
      softmaxInPlace(regression);
      for (let k = 0; k < classes; k++) probabilities[k] = (bayes[k]! + regression[k]!) / 2;
      reading.candidates = probabilities;
      return reading;
    },
  };
}
