import { describe, expect, it } from 'vitest';
import { rankCandidates, topCandidates } from '../../src/routing/rank-candidates.js';
import type { CandidateScore } from '../../src/routing/score-request.js';

const candidate = (index: number, score: number): CandidateScore => ({
  index,
  score,
  phraseScore: 0,
  bm25: 0,
  hits: [],
  multiWordMatch: false,
  penalisedBy: [],
  boostedBy: [],
  learned: 0,
});

/** A small deterministic generator, so a failure can be replayed. */
function scoresFrom(seed: number, count: number): number[] {
  let x = seed;
  return Array.from({ length: count }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    // Few distinct values, so ties (broken by index) are common.
    return (x % 7) / 2;
  });
}

describe('topCandidates', () => {
  it('gives the head of the full ranking, ties broken by candidate order', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const scores = scoresFrom(seed, 23);
      const ranked = rankCandidates(scores.map((s, i) => candidate(i, s))).map((c) => c.index);
      for (const count of [1, 2, 6, 23, 30]) {
        const top = topCandidates(scores.map((s, i) => candidate(i, s)), count).map((c) => c.index);
        expect(top).toEqual(ranked.slice(0, count));
      }
    }
  });

  it('returns nothing for no candidates', () => {
    expect(topCandidates([], 6)).toEqual([]);
  });
});
