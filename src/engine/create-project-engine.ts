import { resolveProjectPaths, type ProjectPaths } from '../config/project-paths.js';
import { loadContext, parseContext } from '../context/index.js';
import { isMopsError, MopsError } from '../errors/index.js';
import { HandoffExecutor } from '../executors/handoff-executor.js';
import type { StepExecutor } from '../executors/step-executor.js';
import { OPS_TOOLS } from '../ops/ops-registry.js';
import { loadPlaybook } from '../playbooks/index.js';
import { loadSkills, SkillRegistry } from '../skills/index.js';
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
  /**
   * Load the skills. Commands that only read or cancel runs skip it (and the model
   * client) to start fast; such an engine cannot plan or execute steps.
   * @default true
   */
  loadSkills?: boolean;
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
 * the project folders, runs in `${MOPS_HOME}/runs.db`, executors from the environment,
 * and MOPS_CONTRACT_REPAIRS repair attempts per contract violation (default 2).
 */
export async function createProjectEngine(options: ProjectEngineOptions = {}): Promise<ProjectEngine> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const paths = resolveProjectPaths(env, cwd);
  const full = options.loadSkills !== false;
  const executors: Record<string, StepExecutor> = { handoff: new HandoffExecutor(), ...options.executors };
  // An injected `openai` executor (tests, embedding) wins over the environment.
  const wantsModel = full && !executors.openai && (Boolean(env.MOPS_MODEL) || options.executor === 'openai');
  if (full && (wantsModel || (options.executor && !executors[options.executor]))) {
    // Loaded on demand: the AI SDK is the heaviest import. An explicit `openai` without
    // MOPS_MODEL (or an unknown kind) throws here, saying what to set.
    const { createExecutorFromEnv } = await import('../executors/create-executor-from-env.js');
    if (wantsModel) executors.openai = createExecutorFromEnv(env, 'openai');
    if (options.executor && !executors[options.executor]) createExecutorFromEnv(env, options.executor);
  }
  const defaultExecutor = options.executor && executors[options.executor] ? options.executor : executors.openai ? 'openai' : 'handoff';

  const skills = full ? await loadSkills(paths.skillsDir) : new SkillRegistry([]);
  const opsToolNames = OPS_TOOLS.map((tool) => tool.name);
  const repairs = contractRepairsFromEnv(env);
  const engine = createEngine({
    store: options.overrides?.store ?? openRunStore(paths.home),
    ...(repairs !== undefined && { contractRepairs: repairs }),
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

function contractRepairsFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.MOPS_CONTRACT_REPAIRS?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new MopsError('INVALID_INPUT', `Expected MOPS_CONTRACT_REPAIRS to be a whole number from 0 up, got "${raw}".`);
  }
  return value;
}
