import { resolveProjectPaths, type ProjectPaths } from '../config/project-paths.js';
import { loadProjectSnapshot, parseProjectFiles, type LoadSnapshotOptions } from './load-project-snapshot.js';
import { restoreRouteIndex } from './route-index.js';
import type { RoutingCandidate } from './routing-candidate.js';
import { routerFromIndex, type Router, type RouterOptions } from './router.js';

/** Reads the skills and playbooks the router chooses between. */
export async function loadRoutingCandidates(paths: ProjectPaths = resolveProjectPaths()): Promise<RoutingCandidate[]> {
  const [{ skills, playbooks }, { playbookCandidate, skillCandidate }] = await Promise.all([
    parseProjectFiles(paths),
    import('./routing-candidate.js'),
  ]);
  return [...skills.map(skillCandidate), ...playbooks.map(playbookCandidate)];
}

export interface LoadRouterOptions extends RouterOptions, LoadSnapshotOptions {}

/**
 * Loads the project's skills and playbooks and builds a router over them, from the
 * on-disk snapshot cache when the files have not changed (see load-project-snapshot).
 */
export async function loadRouter(paths: ProjectPaths = resolveProjectPaths(), options: LoadRouterOptions = {}): Promise<Router> {
  // Custom index options (tuning experiments) bypass the cache.
  if (options.index) {
    const { createRouter } = await import('./create-router.js');
    return createRouter(await loadRoutingCandidates(paths), options);
  }
  const snapshot = await loadProjectSnapshot(paths, options);
  return routerFromIndex(restoreRouteIndex(snapshot.compiled), options);
}
