import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the project's files and data live. Every folder can be overridden by env. */
export interface ProjectPaths {
  /** Folder of `<id>/SKILL.md` folders. */
  skillsDir: string;
  /** Folder of `<id>.yaml` playbooks. */
  playbooksDir: string;
  /** Folder of marketing context documents (`<name>.md`). */
  contextDir: string;
  /** Folder for run data (`MOPS_HOME`, default `.mops/` in the working directory). */
  home: string;
}

/** The package root: two levels above this file in both `src/` and `dist/`. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Resolves the project folders. A folder in the working directory wins over the one
 * shipped in the package, so an ops team can keep its own skills, playbooks and contexts.
 */
export function resolveProjectPaths(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): ProjectPaths {
  const pick = (envName: string, folder: string): string => {
    const fromEnv = env[envName];
    if (fromEnv) return resolve(cwd, fromEnv);
    const local = join(cwd, folder);
    return existsSync(local) ? local : join(PACKAGE_ROOT, folder);
  };
  return {
    skillsDir: pick('MOPS_SKILLS_DIR', 'skills'),
    playbooksDir: pick('MOPS_PLAYBOOKS_DIR', 'playbooks'),
    contextDir: pick('MOPS_CONTEXT_DIR', 'context'),
    home: resolve(cwd, env.MOPS_HOME || '.mops'),
  };
}
