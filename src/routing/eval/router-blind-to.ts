import type { ProjectPaths } from '../../config/project-paths.js';
import { requestKey } from '../../text/request-key.js';
import { createRouter } from '../create-router.js';
import { loadRoutingCandidates } from '../load-router.js';
import { NOT_MARKETING_REQUESTS } from '../learned/not-marketing-requests.js';
import type { RoutingCandidate } from '../routing-candidate.js';
import type { Router, RouterOptions } from '../router.js';

/** Whether a text is one of `requests` (see requestKey). */
function isOneOf(requests: readonly string[]): (text: string) => boolean {
  const keys = new Set(requests.map(requestKey));
  return (text) => keys.has(requestKey(text));
}

/** The candidates with every example that is one of `requests` taken out. */
export function withoutExamples(candidates: readonly RoutingCandidate[], requests: readonly string[]): RoutingCandidate[] {
  const held = isOneOf(requests);
  return candidates.map((c) => ({ ...c, examples: (c.examples ?? []).filter((text) => !held(text)) }));
}

/**
 * A router whose example classifier never saw the given requests. The skills' examples and
 * the not-marketing list include requests from the labelled sets; scoring a set with a model
 * trained on it would measure memory, not understanding, so each set is scored by a model
 * trained without it.
 */
export async function routerBlindTo(requests: readonly string[], paths?: ProjectPaths, options: RouterOptions = {}): Promise<Router> {
  const held = isOneOf(requests);
  const notMarketing = (options.index?.notMarketing ?? NOT_MARKETING_REQUESTS).filter((text) => !held(text));
  return createRouter(withoutExamples(await loadRoutingCandidates(paths), requests), {
    ...options,
    index: { ...options.index, notMarketing },
  });
}
