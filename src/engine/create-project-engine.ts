import { resolveProjectPaths, type ProjectPaths } from '../config/project-paths.js';
import { loadContext, parseContext } from '../context/index.js';
import { isMopsError } from '../errors/index.js';
import { createExecutorFromEnv, HandoffExecutor, type StepExecutor } from '../executors/index.js';
import { OPS_TOOLS } from '../ops/ops-registry.js';
import { loadPlaybook } from '../playbooks/index.js';
import { loadSkills, type SkillRegistry } from '../skills/index.js';
import { createEngine, type Engine } from './create-engine.js';
import type { EngineOptions } from './engine-options.js';
import { openRunStore } from './store/index.js';

export interface ProjectEngineOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Executor kind runs use by default: `openai` when MOPS_MODEL is set, else `handoff`. */
  executor?: string;
  /** Extra executors, e.g. `sampling` from the MCP server. */
  executors?: Record<string, StepExecutor>;
  /** Anything else to override (store, clock, concurrency...). */
  overrides?: Partial<EngineOptions>;
}

export interface ProjectEngine {
  engine: Engine;
  paths: ProjectPaths;
  skills: SkillRegistry;
}

/**
 * The engine as the CLI and the MCP server use it: skills, playbooks and contexts from
 * the project folders, runs in `${MOPS_HOME}/runs.db`, executors from the environment.
 */
export async function createProjectEngine(options: ProjectEngineOptions = {}): Promise<ProjectEngine> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const paths = resolveProjectPaths(env, cwd);
  const executors: Record<string, StepExecutor> = { handoff: new HandoffExecutor(), ...options.executors };
  // An explicit `openai` without MOPS_MODEL throws here, with what to set.
  if (env.MOPS_MODEL || options.executor === 'openai') executors.openai = createExecutorFromEnv(env, 'openai');
  const defaultExecutor = options.executor ?? (executors.openai ? 'openai' : 'handoff');
  if (!executors[defaultExecutor]) createExecutorFromEnv(env, defaultExecutor);

  const skills = await loadSkills(paths.skillsDir);
  const opsToolNames = OPS_TOOLS.map((tool) => tool.name);
  const engine = createEngine({
    store: options.overrides?.store ?? openRunStore(paths.home),
    skills,
    executors,
    defaultExecutor,
    loadPlaybook: (idOrPath) => loadPlaybook(idOrPath, { playbooksDir: paths.playbooksDir, skillIds: skills.ids(), opsToolNames, cwd }),
    loadContext: async (nameOrPath) => {
      try {
        const context = await loadContext(nameOrPath, { contextDir: paths.contextDir, env, cwd });
        return { name: context.name, context };
      } catch (error) {
        // No name given and no context exists at all: the plan reports it as missing.
        const none = nameOrPath === undefined && isMopsError(error) && error.code === 'NOT_FOUND';
        if (none) return undefined;
        throw error;
      }
    },
    parseContext: (text, where) => parseContext(text, where),
    ...options.overrides,
  });
  return { engine, paths, skills };
}
