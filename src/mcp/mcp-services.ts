import PQueue from 'p-queue';
import type { ProjectPaths } from '../config/project-paths.js';
import { createProjectEngine, openRunStore, type Engine, type RunStore } from '../engine/index.js';
import type { StepExecutor } from '../executors/index.js';
import { OPS_TOOLS } from '../ops/index.js';
import { loadPlaybook } from '../playbooks/index.js';
import { stderrLog, type McpDeps } from './mcp-deps.js';
import { ProjectCatalog } from './project-catalog.js';
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
  /** The run store, opened on first use. */
  store(): RunStore;
  /**
   * An engine over the shared store and step queue with these extra executors (the
   * session's `sampling`); the injected engine when there is one.
   */
  createEngine(executors: Record<string, StepExecutor>): Promise<Engine>;
  /** Stops watching and closes the store if this object opened it. */
  close(): Promise<void>;
}

export function createMcpServices(deps: McpDeps): McpServices {
  const log = deps.log ?? stderrLog;
  const catalog = new ProjectCatalog({
    paths: deps.paths,
    skills: deps.skills,
    playbooks: deps.playbooks,
    router: deps.router,
    opsToolNames: OPS_TOOLS.map((tool) => tool.name),
  });
  let store: RunStore | undefined = deps.store;
  let ownsStore = false;
  // One queue for every session, so the step concurrency limit holds across clients.
  const queue = new PQueue({ concurrency: 4 });
  const openStore = (): RunStore => {
    if (!store) {
      store = openRunStore(deps.paths.home);
      ownsStore = true;
    }
    return store;
  };
  const services: McpServices = {
    paths: deps.paths,
    env: deps.env,
    cwd: deps.cwd ?? process.cwd(),
    clock: deps.clock ?? (() => new Date()),
    log,
    catalog,
    store: openStore,
    async createEngine(executors) {
      if (deps.engine) return deps.engine;
      const { paths } = deps;
      const first = await catalog.get();
      const skills = () => (catalog.peek() ?? first).skills;
      const { engine } = await createProjectEngine({
        // The engine resolves folders from the environment; pin them to ours.
        env: {
          ...deps.env,
          MOPS_SKILLS_DIR: paths.skillsDir,
          MOPS_PLAYBOOKS_DIR: paths.playbooksDir,
          MOPS_CONTEXT_DIR: paths.contextDir,
          MOPS_HOME: paths.home,
        },
        cwd: services.cwd,
        executors,
        overrides: {
          store: openStore(),
          queue,
          // Skills and playbooks follow the catalog, so edits are picked up without a restart.
          skills: { get: (id) => skills().get(id), ids: () => skills().ids() },
          loadPlaybook: async (idOrPath) => {
            const known = (await catalog.get()).playbooks.find((playbook) => playbook.id === idOrPath);
            return (
              known ??
              loadPlaybook(idOrPath, {
                playbooksDir: paths.playbooksDir,
                skillIds: skills().ids(),
                opsToolNames: OPS_TOOLS.map((tool) => tool.name),
                cwd: services.cwd,
              })
            );
          },
          ...(deps.clock && { clock: deps.clock }),
        },
      });
      return engine;
    },
    async close() {
      stopWatching();
      // Per-session engines share the store; closing it here ends them all at once.
      if (ownsStore) await store?.close();
    },
  };
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
  return services;
}
