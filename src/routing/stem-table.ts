import { NOT_LOOKED_UP } from './learned/example-classifier.js';

/**
 * Everything the scorer needs to know about one stem, gathered when the index is
 * restored, so that each query stem costs a single lookup instead of one per table.
 */
export interface StemEntry {
  stem: string;
  /** The stem's idf, as phrase weights use it. */
  idf: number;
  /** How strongly the stem signals marketing (positive) or another domain (negative); undefined when neither. */
  domain: number | undefined;
  /** Ids of the trigger phrases that contain the stem. */
  phrases: Int32Array;
  /** Ids of the "Not This" rule segments that contain the stem. */
  rules: Int32Array;
  /** [candidate index, BM25 score] for each candidate the stem scores in (the compiled pairs as they are). */
  bm25: ReadonlyArray<readonly [number, number]>;
  /**
   * `bm25` packed into one array, candidate and score alternating, made when a query
   * first uses the stem (see bm25-scores): packing every stem on restore would slow start-up.
   */
  packedBm25: Float64Array | undefined;
  /** The stem's number in the example classifier, kept by it on first use (see FeatureMemo). */
  feature: number;
}

export interface StemTableSources {
  idfOf(stem: string): number;
  domain: ReadonlyMap<string, number>;
  phrasesByStem: ReadonlyMap<string, Int32Array>;
  rulesByStem: ReadonlyMap<string, Int32Array>;
  /** Stem → [candidate index, BM25 score] pairs, as compiled. */
  bm25: Readonly<Record<string, ReadonlyArray<readonly [number, number]>>>;
}

const NO_IDS = new Int32Array(0);
const NO_PAIRS: ReadonlyArray<readonly [number, number]> = [];

/** One entry for every stem that any of the sources knows. */
export function buildStemTable(sources: StemTableSources): Map<string, StemEntry> {
  const table = new Map<string, StemEntry>();
  const entry = (stem: string): StemEntry => {
    let e = table.get(stem);
    if (!e) {
      e = {
        stem,
        idf: sources.idfOf(stem),
        domain: sources.domain.get(stem),
        phrases: NO_IDS,
        rules: NO_IDS,
        bm25: NO_PAIRS,
        packedBm25: undefined,
        feature: NOT_LOOKED_UP,
      };
      table.set(stem, e);
    }
    return e;
  };
  for (const [stem, ids] of sources.phrasesByStem) entry(stem).phrases = ids;
  for (const [stem, ids] of sources.rulesByStem) entry(stem).rules = ids;
  // Object.entries, then a Map: a stem like "constructor" must not find Object's own properties.
  for (const [stem, pairs] of Object.entries(sources.bm25)) entry(stem).bm25 = pairs;
  for (const stem of sources.domain.keys()) entry(stem);
  return table;
}

/** The entries of the stems the table knows, in the order given (unknown stems carry no signal). */
export function lookUpStems(table: ReadonlyMap<string, StemEntry>, stems: Iterable<string>): StemEntry[] {
  const out: StemEntry[] = [];
  for (const stem of stems) {
    const e = table.get(stem);
    if (e) out.push(e);
  }
  return out;
}
