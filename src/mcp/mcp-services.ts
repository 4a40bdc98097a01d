import { randomBytes } from 'node:crypto';
import type { ProjectPaths } from '../config/project-paths.js';
import type { Engine } from '../engine/engine-api.js';
import { openRunStore } from '../engine/store/open-run-store.js';
import type { RunStore } from '../engine/store/run-store.js';
import { OPS_TOOLS } from '../ops/index.js';
import { loadPlaybook } from '../playbooks/index.js';
import { ClientSamplingExecutor } from './client-sampling.js';
import { stderrLog, type McpDeps } from './mcp-deps.js';
import { ProjectCatalog } from './project-catalog.js';
import { SamplingRoutes } from './sampling-routes.js';
import { watchProject } from './watch-project.js';

/**
 * The parts every session of one server process shares: the catalog of skills and
 * playbooks (with its file watcher), the run store and the engine. A stdio server has
 * one session; an HTTP server builds one `McpServer` per session over the same services.
 */
export interface McpServices {
  readonly paths: ProjectPaths;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly clock: () => Date;
  readonly log: (message: string) => void;
  readonly catalog: ProjectCatalog;
  /** Which session's client model each run's `sampling` steps ask. */
  readonly sampling: SamplingRoutes;
  /** The run store, opened on first use. */
  store(): RunStore;
  /**
   * The engine every session shares, built on first use: the project's executors plus
   * `sampling`, which asks the model of the client driving the run. The injected one when given.
   */
  engine(): Promise<Engine>;
  /** Stops watching and closes the run store if these services opened it. */
  close(): Promise<void>;
}

/** Run ids in the engine's format: `20260301-141502-9f2c4a1b`. */
function newRunId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}

export function createMcpServices(deps: McpDeps): McpServices {
  const log = deps.log ?? stderrLog;
  const cwd = deps.cwd ?? process.cwd();
  const clock = deps.clock ?? (() => new Date());
  const opsToolNames = OPS_TOOLS.map((tool) => tool.name);
  const catalog = new ProjectCatalog({ paths: deps.paths, skills: deps.skills, playbooks: deps.playbooks, router: deps.router, opsToolNames });
  const sampling = new SamplingRoutes();

  let store: RunStore | undefined = deps.store;
  let ownsStore = false;
  const openStore = (): RunStore => {
    if (!store) {
      store = openRunStore(deps.paths.home);
      ownsStore = true;
    }
    return store;
  };

  const buildEngine = async (): Promise<Engine> => {
    const { paths } = deps;
    const first = await catalog.get();
    const skills = () => (catalog.peek() ?? first).skills;
    // The engine proper loads with the first campaign call, not at start-up.
    const { createProjectEngine } = await import('../engine/create-project-engine.js');
    const { engine } = await createProjectEngine({
      // The engine resolves folders from the environment; pin them to ours.
      env: { ...deps.env, MOPS_SKILLS_DIR: paths.skillsDir, MOPS_PLAYBOOKS_DIR: paths.playbooksDir, MOPS_CONTEXT_DIR: paths.contextDir, MOPS_HOME: paths.home },
      cwd,
      executors: { sampling: new ClientSamplingExecutor(sampling, Number(deps.env.MOPS_MAX_OUTPUT_TOKENS) || undefined) },
      overrides: {
        store: openStore(),
        clock,
        generateId: sampling.routeNewIds(() => newRunId(clock())),
        // Skills and playbooks follow the catalog, so edits are picked up without a restart.
        skills: { get: (id) => skills().get(id), ids: () => skills().ids() },
        loadPlaybook: async (idOrPath) =>
          (await catalog.get()).playbooks.find((playbook) => playbook.id === idOrPath) ??
          loadPlaybook(idOrPath, { playbooksDir: paths.playbooksDir, skillIds: skills().ids(), opsToolNames, cwd }),
      },
    });
    return engine;
  };

  let engine: Promise<Engine> | undefined;
  const stopWatching = deps.watch
    ? watchProject({
        dirs: [deps.paths.skillsDir, deps.paths.playbooksDir],
        debounceMs: deps.watchDebounceMs,
        onChange: async () => {
          await catalog.reload();
          log('reloaded skills and playbooks');
        },
        onError: (error) => log(`could not reload skills and playbooks, keeping the last good ones: ${(error as Error).message}`),
      })
    : () => {};

  return {
    paths: deps.paths,
    env: deps.env,
    cwd,
    clock,
    log,
    catalog,
    sampling,
    store: openStore,
    engine() {
      if (deps.engine) return Promise.resolve(deps.engine);
      engine ??= buildEngine();
      return engine;
    },
    async close() {
      stopWatching();
      // Runs still executing stay resumable: their steps are persisted as they finish.
      if (ownsStore) await store?.close();
    },
  };
}
