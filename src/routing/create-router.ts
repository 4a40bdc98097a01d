import { buildRouteIndex } from './compile-route-index.js';
import type { RoutingCandidate } from './routing-candidate.js';
import { routerFromIndex, type Router, type RouterOptions } from './router.js';

/** Builds a router over skills and playbooks (indexing their texts). */
export function createRouter(candidates: readonly RoutingCandidate[], options: RouterOptions = {}): Router {
  return routerFromIndex(buildRouteIndex(candidates, options.index), options);
}
