import type { ProjectPaths } from '../config/project-paths.js';
import type { Engine, RunStore } from '../engine/index.js';
import type { Playbook } from '../playbooks/index.js';
import type { Router } from '../routing/index.js';
import type { SkillRegistry } from '../skills/index.js';

/**
 * What the MCP server is built from. Only `paths` and `env` are required; everything
 * else has a default that is built the first time a tool needs it, so a server that is
 * only asked to route never opens the run store.
 */
export interface McpDeps {
  /** Where skills, playbooks, contexts and run data live. */
  paths: ProjectPaths;
  /** Read for MOPS_MODEL, OPENAI_BASE_URL, OPENAI_API_KEY, MOPS_CONTEXT. */
  env: NodeJS.ProcessEnv;
  /** Fixed router. @default built from the loaded skills and playbooks */
  router?: Router;
  /** Fixed skills. @default loaded from `paths.skillsDir` (and reloaded on change) */
  skills?: SkillRegistry;
  /** Fixed playbooks. @default loaded from `paths.playbooksDir` (and reloaded on change) */
  playbooks?: readonly Playbook[];
  /** The run store. @default SQLite at `${paths.home}/runs.db` */
  store?: RunStore;
  /**
   * One engine for every session. Without it each session gets its own engine over the
   * shared store and step queue, with a \`sampling\` executor that asks that session's client.
   */
  engine?: Engine;
  /** @default () => new Date() */
  clock?: () => Date;
  /** Base for relative context and playbook paths. @default process.cwd() */
  cwd?: string;
  /** Watch skills/ and playbooks/ and refresh lists on change. @default false */
  watch?: boolean;
  /** Quiet time before a change is picked up. @default 200 */
  watchDebounceMs?: number;
  /** Diagnostics (never stdout: stdio carries the protocol). @default a line on stderr */
  log?: (message: string) => void;
}

/** Writes one diagnostic line to stderr. */
export function stderrLog(message: string): void {
  process.stderr.write(`mops serve: ${message}\n`);
}
