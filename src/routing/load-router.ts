import { resolveProjectPaths, type ProjectPaths } from '../config/project-paths.js';
import { loadPlaybooks } from '../playbooks/index.js';
import { loadSkills } from '../skills/index.js';
import { playbookCandidate, skillCandidate, type RoutingCandidate } from './routing-candidate.js';
import { createRouter, type Router, type RouterOptions } from './router.js';

/** Reads the skills and playbooks the router chooses between. */
export async function loadRoutingCandidates(paths: ProjectPaths = resolveProjectPaths()): Promise<RoutingCandidate[]> {
  const [skills, playbooks] = await Promise.all([loadSkills(paths.skillsDir), loadPlaybooks(paths.playbooksDir)]);
  return [...skills.list().map(skillCandidate), ...playbooks.map(playbookCandidate)];
}

/** Loads the project's skills and playbooks and builds a router over them. */
export async function loadRouter(paths: ProjectPaths = resolveProjectPaths(), options: RouterOptions = {}): Promise<Router> {
  return createRouter(await loadRoutingCandidates(paths), options);
}
