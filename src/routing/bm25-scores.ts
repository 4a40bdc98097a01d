import type { StemEntry } from './stem-table.js';

/**
 * BM25 score of each candidate for a query, as MiniSearch scores an OR query: the sum
 * of the query stems' single-stem scores, times the number of them the candidate matched.
 * Plain arrays: typed arrays of this size would be allocated off the heap on every call.
 */
export function bm25Scores(query: readonly StemEntry[], candidateCount: number): number[] {
  const sums = new Array<number>(candidateCount).fill(0);
  const matched = new Array<number>(candidateCount).fill(0);
  for (const entry of query) {
    for (const pair of entry.bm25) {
      sums[pair[0]]! += pair[1];
      matched[pair[0]]!++;
    }
  }
  for (let i = 0; i < candidateCount; i++) sums[i]! *= matched[i]!;
  return sums;
}
