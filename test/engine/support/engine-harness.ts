import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadContext, parseContext } from '../../../src/context/index.js';
import { createEngine, type Engine, type EngineOptions } from '../../../src/engine/index.js';
import { RunEventEmitter, type RunEvent } from '../../../src/engine/index.js';
import { SqliteRunStore } from '../../../src/engine/store/index.js';
import type { StepExecutor } from '../../../src/executors/index.js';
import { OPS_TOOLS } from '../../../src/ops/ops-registry.js';
import { loadPlaybook, type Playbook } from '../../../src/playbooks/index.js';
import { loadSkills, type SkillRegistry } from '../../../src/skills/index.js';

export const REPO = resolve(import.meta.dirname, '../../..');
export const PLAYBOOKS_DIR = join(REPO, 'playbooks');
export const SKILLS_DIR = join(REPO, 'skills');
export const EXAMPLE_CONTEXT = 'northwind-analytics';

let skillsCache: Promise<SkillRegistry> | undefined;
export const repoSkills = (): Promise<SkillRegistry> => (skillsCache ??= loadSkills(SKILLS_DIR));

export interface Harness {
  engine: Engine;
  store: SqliteRunStore;
  dir: string;
  contextDir: string;
  events: RunEvent[];
  /** Every backoff delay the engine asked to sleep. */
  sleeps: number[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  executors: Record<string, StepExecutor>;
  defaultExecutor?: string;
  concurrency?: number;
  stepTimeoutMs?: number;
  overrides?: Partial<EngineOptions>;
}

/**
 * An engine over a real SQLite file in a temp dir, the repo's skills and playbooks, and a
 * temp copy of the context folder (tests add thin contexts to it). Retry sleeps resolve
 * at once and are recorded, so tests never wait on backoff.
 */
export async function createHarness(options: HarnessOptions): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'mops-engine-'));
  const contextDir = join(dir, 'context');
  cpSync(join(REPO, 'context'), contextDir, { recursive: true });
  const store = new SqliteRunStore({ file: join(dir, 'runs.db') });
  const skills = await repoSkills();
  const emitter = new RunEventEmitter();
  const events: RunEvent[] = [];
  emitter.subscribe((event) => events.push(event));
  const sleeps: number[] = [];
  const engine = createEngine({
    store,
    skills,
    executors: options.executors,
    ...(options.defaultExecutor && { defaultExecutor: options.defaultExecutor }),
    loadPlaybook: (idOrPath) =>
      loadPlaybook(idOrPath, { playbooksDir: PLAYBOOKS_DIR, skillIds: skills.ids(), opsToolNames: OPS_TOOLS.map((t) => t.name) }),
    loadContext: async (name) => {
      const context = await loadContext(name ?? EXAMPLE_CONTEXT, { contextDir, cwd: dir });
      return { name: context.name, context };
    },
    parseContext: (text, where) => parseContext(text, where),
    events: emitter,
    random: () => 0.5,
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      if (signal.aborted) throw signal.reason;
    },
    concurrency: options.concurrency ?? 4,
    ...(options.stepTimeoutMs !== undefined && { stepTimeoutMs: options.stepTimeoutMs }),
    ...options.overrides,
  });
  return {
    engine,
    store,
    dir,
    contextDir,
    events,
    sleeps,
    close: async () => {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sample values for a playbook's required inputs, by declared type. */
export function sampleInputs(playbook: Playbook): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(playbook.inputs)) {
    if (!spec.required) continue;
    inputs[name] =
      spec.enum?.[0] !== undefined
        ? String(spec.enum[0])
        : spec.type === 'number'
          ? '1200'
          : spec.type === 'date'
            ? '2026-09-15'
            : spec.type === 'url'
              ? 'https://northwind.example/pulse'
              : spec.type === 'boolean'
                ? 'true'
                : spec.type === 'list'
                  ? 'revenue analytics, board reporting'
                  : name === 'campaign_name'
                    ? 'pulse-launch'
                    : `Sample ${name.replace(/_/g, ' ')}`;
  }
  return inputs;
}

export async function loadRepoPlaybook(id: string): Promise<Playbook> {
  const skills = await repoSkills();
  return loadPlaybook(id, { playbooksDir: PLAYBOOKS_DIR, skillIds: skills.ids(), opsToolNames: OPS_TOOLS.map((t) => t.name) });
}

export const SHIPPED_PLAYBOOKS = ['product-launch', 'content-sprint', 'lead-gen-blitz', 'brand-awareness', 'conversion-optimization'];

/**
 * A deliverable that honours the output contract named in the system prompt: each
 * required `##` heading with a short paragraph (no list items, so no channel limit can
 * trip) that names the brief fields and carries one correctly tagged link, plus a
 * marker line tests look for in later prompts.
 */
export function contractOutput(system: string, stepId: string | undefined, attempt = 1): string {
  const line = /Use exactly these `##` headings, in this order: (.+)\.$/m.exec(system)?.[1] ?? '';
  const headings = [...line.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  const marker = `Deliverable marker ${stepId ?? 'unknown'} #${attempt}`;
  const body =
    'Objective, audience, key message, call to action (CTA), success metric, deadline and format are set out here. ' +
    'Track it at https://northwind.example/pulse?utm_source=linkedin&utm_medium=social&utm_campaign=pulse-launch today.';
  const sections = (headings.length ? headings : ['Result']).map((heading) => `## ${heading}\n\n${body}`);
  return [marker, '', ...sections].join('\n\n');
}

/** The step id in a user prompt (`## This step: Name (id)`). */
export function stepIdOf(user: string): string | undefined {
  return /^## This step: .*\(([^()]+)\)$/m.exec(user)?.[1];
}
