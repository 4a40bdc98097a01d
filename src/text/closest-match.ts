import { editDistance } from './edit-distance.js';

/**
 * The candidate closest to `value`, if it is close enough to be a plausible typo:
 * within a third of the length in edits, or sharing a whole hyphen-separated word.
 */
export function closestMatch(value: string, candidates: Iterable<string>): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (!best) return undefined;
  const limit = Math.max(2, Math.ceil(Math.max(value.length, best.candidate.length) / 3));
  if (best.distance <= limit) return best.candidate;
  const words = new Set(value.toLowerCase().split(/[-_\s]+/).filter((word) => word.length > 3));
  for (const candidate of candidates) {
    if (candidate.toLowerCase().split(/[-_\s]+/).some((word) => words.has(word))) return candidate;
  }
  return undefined;
}
