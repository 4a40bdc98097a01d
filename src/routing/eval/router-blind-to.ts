import type { ProjectPaths } from '../../config/project-paths.js';
import { createRouter } from '../create-router.js';
import { loadRoutingCandidates } from '../load-router.js';
import { NOT_MARKETING_REQUESTS } from '../learned/not-marketing-requests.js';
import type { RoutingCandidate } from '../routing-candidate.js';
import type { Router, RouterOptions } from '../router.js';

const normalise = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The candidates with every example that is one of `requests` taken out. */
export function withoutExamples(candidates: readonly RoutingCandidate[], requests: readonly string[]): RoutingCandidate[] {
  const held = new Set(requests.map(normalise));
  return candidates.map((c) => ({ ...c, examples: (c.examples ?? []).filter((text) => !held.has(normalise(text))) }));
}

/**
 * A router whose example classifier never saw the given requests. The skills' examples and
 * the not-marketing list include requests from the labelled sets; scoring a set with a model
 * trained on it would measure memory, not understanding, so each set is scored by a model
 * trained without it.
 */
export async function routerBlindTo(requests: readonly string[], paths?: ProjectPaths, options: RouterOptions = {}): Promise<Router> {
  const held = new Set(requests.map(normalise));
  const notMarketing = (options.index?.notMarketing ?? NOT_MARKETING_REQUESTS).filter((text) => !held.has(normalise(text)));
  return createRouter(withoutExamples(await loadRoutingCandidates(paths), requests), {
    ...options,
    index: { ...options.index, notMarketing },
  });
}
