import type { StemEntry } from './stem-table.js';

/**
 * How many of the query's stems each candidate matched, reused across calls (routing is
 * synchronous, so calls never overlap): typed arrays of this size would otherwise be
 * allocated off the heap on every call.
 */
let matchedScratch = new Int32Array(0);

/**
 * BM25 score of each candidate for a query, as MiniSearch scores an OR query: the sum
 * of the query stems' single-stem scores, times the number of them the candidate matched.
 * Written into `out` (one slot per candidate, overwritten), which is returned.
 */
export function bm25Scores(query: readonly StemEntry[], out: Float64Array): Float64Array {
  const candidateCount = out.length;
  if (matchedScratch.length < candidateCount) matchedScratch = new Int32Array(candidateCount);
  const matched = matchedScratch;
  out.fill(0);
  matched.fill(0, 0, candidateCount);
  for (const entry of query) {
    const packed = entry.packedBm25 ?? packBm25(entry);
    for (let i = 0; i < packed.length; i += 2) {
      const candidate = packed[i]!;
      out[candidate]! += packed[i + 1]!;
      matched[candidate]!++;
    }
  }
  for (let i = 0; i < candidateCount; i++) out[i]! *= matched[i]!;
  return out;
}

/**
 * The stem's [candidate, score] pairs in one contiguous array, kept on the entry: the
 * compiled pairs are an array each, and reading them scattered over the heap cost more
 * than the sums themselves.
 */
function packBm25(entry: StemEntry): Float64Array {
  const packed = new Float64Array(entry.bm25.length * 2);
  entry.bm25.forEach(([candidate, score], i) => {
    packed[2 * i] = candidate;
    packed[2 * i + 1] = score;
  });
  entry.packedBm25 = packed;
  return packed;
}
