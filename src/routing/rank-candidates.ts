import type { CandidateScore } from './score-request.js';

/** Candidate order: higher score first, then the earlier candidate (a total order, so ranking is deterministic). */
export function ranksBefore(a: CandidateScore, b: CandidateScore): boolean {
  return a.score > b.score || (a.score === b.score && a.index < b.index);
}

/** All candidates, best first. */
export function rankCandidates(candidates: CandidateScore[]): CandidateScore[] {
  return candidates.sort((a, b) => b.score - a.score || a.index - b.index);
}

/**
 * The best `count` candidates, best first: the same as the head of `rankCandidates`,
 * found by one insertion pass instead of sorting them all (routing needs only the head).
 */
export function topCandidates(candidates: readonly CandidateScore[], count: number): CandidateScore[] {
  const top: CandidateScore[] = [];
  for (const candidate of candidates) {
    if (top.length === count && !ranksBefore(candidate, top[count - 1]!)) continue;
    let i = top.length < count ? top.length : count - 1;
    while (i > 0 && ranksBefore(candidate, top[i - 1]!)) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = candidate;
  }
  return top;
}
