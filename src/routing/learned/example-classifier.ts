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

/**
 * Where a caller keeps a stem's feature number between requests (the router's stem-table
 * entries do), so a stem is looked up once per process instead of once per request.
 * `NOT_LOOKED_UP` until the classifier first meets the stem.
 */
export interface FeatureMemo {
  feature: number;
}
export const NOT_LOOKED_UP = -2;

/** Says how much a request resembles each candidate's examples, and marketing requests at all. */
export interface ExampleClassifier {
  /**
   * Undefined when no feature of the request was seen in training. `memos[i]`, when given,
   * belongs to `terms[i]` and to this classifier alone.
   */
  classify(terms: readonly string[], memos?: ReadonlyArray<FeatureMemo | undefined>): ExampleReading | undefined;
}

/**
 * Requests answered by binary search on the table before it is indexed. A one-shot
 * `mops route` never pays for indexing thousands of features; a server or a batch pays
 * once, after a few requests, and then looks features up by number.
 */
const REQUESTS_BEFORE_INDEXING = 16;

const grow = <T extends Int32Array | Float64Array>(array: T, length: number): T => {
  if (length <= array.length) return array;
  const grown = new (array.constructor as new (n: number) => T)(Math.max(length, array.length * 2));
  grown.set(array);
  return grown;
};

/**
 * The features met so far, numbered, as columns rather than one object each: a request
 * touches a few dozen features scattered over thousands, and reading a few compact arrays
 * misses the CPU cache far less than chasing as many objects.
 *
 * A feature's values are decoded from its table line on first use into the shared rows:
 * naive Bayes in [start, middle), regression in [middle, end), candidate index and value.
 * A single stem also lists the pairs it starts, in [pairStart, pairEnd) of `pairSeconds`
 * (second stems' numbers, ascending) and `pairFeatures` (the pairs' numbers).
 */
class FeatureColumns {
  lines: string[] = [];
  start = new Int32Array(256).fill(-1);
  middle = new Int32Array(256);
  end = new Int32Array(256);
  scope = new Float64Array(256);
  pairStart = new Int32Array(256);
  pairEnd = new Int32Array(256);
  pairSeconds = new Int32Array(0);
  pairFeatures = new Int32Array(0);
  rowClasses = new Int32Array(1024);
  rowValues = new Float64Array(1024);
  rowLength = 0;

  constructor(
    private readonly smoothing: number,
    private readonly logSmoothing: number,
  ) {}

  /** Numbers a feature by its table line. */
  add(line: string): number {
    const f = this.lines.length;
    this.lines.push(line);
    if (f >= this.start.length) {
      const size = this.start.length * 2;
      const start = new Int32Array(size).fill(-1);
      start.set(this.start);
      this.start = start;
      this.middle = grow(this.middle, size);
      this.end = grow(this.end, size);
      this.scope = grow(this.scope, size);
      this.pairStart = grow(this.pairStart, size);
      this.pairEnd = grow(this.pairEnd, size);
    }
    return f;
  }

  decode(f: number): void {
    const { counts, weights, scope } = parseFeatureLine(this.lines[f]!);
    this.scope[f] = scope;
    this.start[f] = this.rowLength;
    // Naive Bayes: log(count + smoothing) - log(smoothing); absent counts add nothing here.
    for (const [k, count] of counts) this.append(k, Math.log(count + this.smoothing) - this.logSmoothing);
    this.middle[f] = this.rowLength;
    for (const [k, weight] of weights) this.append(k, weight);
    this.end[f] = this.rowLength;
  }

  private append(k: number, value: number): void {
    this.rowClasses = grow(this.rowClasses, this.rowLength + 1);
    this.rowValues = grow(this.rowValues, this.rowLength + 1);
    this.rowClasses[this.rowLength] = k;
    this.rowValues[this.rowLength++] = value;
  }

  /** The pair that `first` starts with `second`, or -1 (binary search in its short list). */
  pair(first: number, second: number): number {
    let low = this.pairStart[first]!;
    let high = this.pairEnd[first]!;
    const end = high;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.pairSeconds[middle]! < second) low = middle + 1;
      else high = middle;
    }
    return low < end && this.pairSeconds[low] === second ? this.pairFeatures[low]! : -1;
  }
}

/** Feature lookups by stem and by pair of neighbouring stems; -1 when training never saw it. */
interface FeatureLookup {
  columns: FeatureColumns;
  /** Feature name → number, for the features numbered so far. */
  numbered: Map<string, number>;
  single(term: string): number;
  pair(first: string, second: string, firstFeature: number, secondFeature: number): number;
}

/** Binary search on the table; each line found is numbered once, and misses are not kept. */
function searchLookup(table: string, columns: FeatureColumns): FeatureLookup {
  const found = new Map<string, number>();
  const find = (name: string): number => {
    const known = found.get(name);
    if (known !== undefined) return known;
    const line = findFeatureLine(table, name);
    if (line === undefined) return -1;
    const f = columns.add(line);
    found.set(name, f);
    return f;
  };
  return { columns, numbered: found, single: find, pair: (first, second) => find(`${first} ${second}`) };
}

/**
 * Every line numbered: single stems in a map, pairs in the lists of their first stems.
 * Features the binary search already numbered keep their numbers (and decoded rows), so
 * numbers handed out before indexing stay valid.
 */
function indexedLookup(table: string, before: FeatureLookup): FeatureLookup {
  const { columns } = before;
  const number = (name: string, line: string): number => before.numbered.get(name) ?? columns.add(line);
  const single = new Map<string, number>();
  const pairLines: string[] = [];
  for (const line of table === '' ? [] : table.split('\n')) {
    const name = line.slice(0, line.indexOf('\t'));
    if (name.includes(' ')) pairLines.push(line);
    else single.set(name, number(name, line));
  }
  // Every stem of a pair is also a single feature: training counts both from the same example.
  const pairs: Array<{ first: number; second: number; feature: number }> = [];
  for (const line of pairLines) {
    const name = line.slice(0, line.indexOf('\t'));
    const space = name.indexOf(' ');
    const first = single.get(name.slice(0, space));
    const second = single.get(name.slice(space + 1));
    if (first !== undefined && second !== undefined) pairs.push({ first, second, feature: number(name, line) });
  }
  pairs.sort((a, b) => a.first - b.first || a.second - b.second);
  columns.pairSeconds = Int32Array.from(pairs, (p) => p.second);
  columns.pairFeatures = Int32Array.from(pairs, (p) => p.feature);
  pairs.forEach((p, i) => {
    if (i === 0 || pairs[i - 1]!.first !== p.first) columns.pairStart[p.first] = i;
    columns.pairEnd[p.first] = i + 1;
  });
  return {
    columns,
    numbered: single,
    single: (term) => single.get(term) ?? -1,
    pair: (_first, _second, firstFeature, secondFeature) => columns.pair(firstFeature, secondFeature),
  };
}

/** Slots of the per-request totals: features seen, features known to the candidates, scope log-odds. */
const SEEN = 0;
const KNOWN = 1;
const SCOPE = 2;

/**
 * Adds one feature's values to the request's sums. A plain function over arrays (not a
 * closure over counters) so that a request allocates nothing.
 */
function addFeature(columns: FeatureColumns, f: number, bayes: Float64Array, regression: Float64Array, totals: Float64Array): void {
  if (columns.start[f]! < 0) columns.decode(f);
  const start = columns.start[f]!;
  const middle = columns.middle[f]!;
  const end = columns.end[f]!;
  totals[SEEN]!++;
  totals[SCOPE]! += columns.scope[f]!;
  // A feature only the not-marketing requests have says nothing about which candidate.
  if (middle > start) totals[KNOWN]!++;
  const rowClasses = columns.rowClasses;
  const rowValues = columns.rowValues;
  for (let i = start; i < middle; i++) bayes[rowClasses[i]!]! += rowValues[i]!;
  for (let i = middle; i < end; i++) regression[rowClasses[i]!]! += rowValues[i]!;
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
  let lookup = searchLookup(compiled.features, new FeatureColumns(smoothing, logSmoothing));
  let requests = 0;

  const bayes = new Float64Array(classes);
  const regression = new Float64Array(classes);
  const probabilities = new Float64Array(classes);
  const reading: ExampleReading = { candidates: undefined, scopeLogOdds: 0 };
  const totals = new Float64Array(3);
  // The request's stems' feature numbers (-1: never seen in training), reused across calls.
  let features = new Int32Array(64);

  return {
    classify(terms, memos) {
      if (++requests === REQUESTS_BEFORE_INDEXING) lookup = indexedLookup(compiled.features, lookup);
      const columns = lookup.columns;
      bayes.fill(0);
      regression.fill(0);
      totals.fill(0);
      totals[SCOPE] = compiled.scopeBias;
      if (features.length < terms.length) features = new Int32Array(terms.length * 2);
      for (let i = 0; i < terms.length; i++) {
        const first = terms.indexOf(terms[i]!);
        if (first < i) {
          features[i] = features[first]!;
          continue;
        }
        // Numbers stay valid when the table gets indexed, so a memo never goes stale.
        const memo = memos?.[i];
        let f: number;
        if (memo === undefined) f = lookup.single(terms[i]!);
        else {
          if (memo.feature === NOT_LOOKED_UP) memo.feature = lookup.single(terms[i]!);
          f = memo.feature;
        }
        features[i] = f;
        if (f >= 0) addFeature(columns, f, bayes, regression, totals);
      }
      for (let i = 0; i + 1 < terms.length; i++) {
        const a = features[i]!;
        const b = features[i + 1]!;
        if (a < 0 || b < 0) continue;
        let repeated = false;
        for (let j = 0; j < i && !repeated; j++) repeated = features[j] === a && features[j + 1] === b;
        if (repeated) continue;
        const pair = lookup.pair(terms[i]!, terms[i + 1]!, a, b);
        if (pair >= 0) addFeature(columns, pair, bayes, regression, totals);
      }
      if (totals[SEEN] === 0) return undefined;
      const known = totals[KNOWN]!;
      reading.scopeLogOdds = totals[SCOPE]!;
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
