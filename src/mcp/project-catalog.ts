import type { ProjectPaths } from '../config/project-paths.js';
import { loadPlaybooks, type Playbook } from '../playbooks/index.js';
import { createRouter, loadProjectSnapshot, playbookCandidate, restoreRouteIndex, routerFromIndex, skillCandidate, type Router } from '../routing/index.js';
import { loadSkills, SkillRegistry } from '../skills/index.js';

/** What the server serves at one moment: the skills, the playbooks and a router over both. */
export interface CatalogSnapshot {
  skills: SkillRegistry;
  playbooks: readonly Playbook[];
  router: Router;
}

export interface ProjectCatalogOptions {
  paths: ProjectPaths;
  /** Fixed skills; when given, reloads keep them instead of reading skills/. */
  skills?: SkillRegistry;
  /** Fixed playbooks; when given, reloads keep them instead of reading playbooks/. */
  playbooks?: readonly Playbook[];
  /** Fixed router; when given, reloads keep it instead of building one. */
  router?: Router;
  /** Ops tool names, so a playbook gate naming an unknown tool fails to load. */
  opsToolNames?: Iterable<string>;
}

export type CatalogListener = (snapshot: CatalogSnapshot) => void;

/**
 * The skills, playbooks and router the server works from, loaded once and reloaded when
 * the files change. A reload that fails (a half-saved file) keeps the last good snapshot
 * and rethrows, so the caller can log the problem and the server goes on serving.
 */
export class ProjectCatalog {
  readonly #options: ProjectCatalogOptions;
  readonly #listeners = new Set<CatalogListener>();
  #current: CatalogSnapshot | undefined;
  #loading: Promise<CatalogSnapshot> | undefined;

  constructor(options: ProjectCatalogOptions) {
    this.#options = options;
  }

  /** The current snapshot, loading it on first use. */
  get(): Promise<CatalogSnapshot> {
    if (this.#current) return Promise.resolve(this.#current);
    this.#loading ??= this.#load().finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  /** The snapshot already loaded, if any (for synchronous callers such as completions). */
  peek(): CatalogSnapshot | undefined {
    return this.#current;
  }

  /** Reads the files again and tells every listener when the snapshot changed. */
  async reload(): Promise<CatalogSnapshot> {
    const snapshot = await this.#load();
    for (const listener of [...this.#listeners]) listener(snapshot);
    return snapshot;
  }

  /** Calls `listener` after every successful reload; returns the unsubscribe function. */
  subscribe(listener: CatalogListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async #load(): Promise<CatalogSnapshot> {
    const { paths } = this.#options;
    if (!this.#options.router && !this.#options.skills && !this.#options.playbooks) {
      // From the project folders: the same cached snapshot `mops route` uses.
      const snapshot = await loadProjectSnapshot(paths);
      // The router is restored from the index on first use: a server start that only
      // lists tools and prompts never needs it.
      let router: Router | undefined;
      this.#current = {
        skills: new SkillRegistry(snapshot.skills),
        playbooks: snapshot.playbooks,
        get router() {
          router ??= routerFromIndex(restoreRouteIndex(snapshot.compiled));
          return router;
        },
      };
      return this.#current;
    }
    const skills = this.#options.skills ?? (await loadSkills(paths.skillsDir));
    const playbooks =
      this.#options.playbooks ??
      (await loadPlaybooks(paths.playbooksDir, { skillIds: skills.ids(), opsToolNames: this.#options.opsToolNames }));
    const router =
      this.#options.router ?? createRouter([...skills.list().map(skillCandidate), ...playbooks.map(playbookCandidate)]);
    this.#current = { skills, playbooks, router };
    return this.#current;
  }
}
