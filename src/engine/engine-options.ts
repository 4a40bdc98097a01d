import type PQueue from 'p-queue';
import type { MarketingContext } from '../context/index.js';
import type { StepExecutor } from '../executors/index.js';
import type { Playbook } from '../playbooks/index.js';
import type { Skill } from '../skills/index.js';
import type { GateToolLookup } from './gate-step.js';
import type { RunEventEmitter } from './run-event-emitter.js';
import type { LeaseOptions } from './run-lease.js';
import type { RunStore } from './store/index.js';

/** The skills the engine runs (a SkillRegistry fits). */
export interface EngineSkills {
  get(id: string): Skill | undefined;
  ids(): string[];
}

/** A loaded context with the name runs record. */
export interface NamedContext {
  name: string;
  context: MarketingContext;
}

export interface EngineOptions {
  store: RunStore;
  skills: EngineSkills;
  /** Executors by kind (`openai`, `handoff`, `sampling`); a run picks one by kind. */
  executors: Record<string, StepExecutor>;
  /** Kind used when a run does not name one. @default 'handoff' when registered, else the first kind */
  defaultExecutor?: string;
  /** Loads a playbook by id or path (throws NOT_FOUND / INVALID_FILE). */
  loadPlaybook: (idOrPath: string) => Promise<Playbook>;
  /**
   * Loads a context by name or path; with no name, the default context, or undefined
   * when there is none at all (the plan then reports it missing).
   */
  loadContext: (nameOrPath: string | undefined) => Promise<NamedContext | undefined>;
  /** Parses a drafted context document (the `_context` step's output). */
  parseContext: (text: string, where: { file: string; name: string }) => MarketingContext;
  /** Ops tools for gate steps. @default getOpsTool from the ops toolkit */
  gateTools?: GateToolLookup;
  /** Where state changes are announced. @default a new RunEventEmitter */
  events?: RunEventEmitter;
  /** @default () => new Date() */
  clock?: () => Date;
  /** Run ids. @default timestamp plus random hex, e.g. `20260301-141502-9f2c4a1b` */
  generateId?: () => string;
  /** Backoff jitter source in [0, 1). @default Math.random */
  random?: () => number;
  /** Waits between retries; rejects when the signal aborts. @default a setTimeout-based sleep */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /**
   * Steps executing at once across every run of this engine.
   * @default 4
   */
  concurrency?: number;
  /** A queue to share with other engines; overrides `concurrency`. */
  queue?: PQueue;
  /** Time limit of a step that sets no `timeout`. @default 600000 (10 minutes) */
  stepTimeoutMs?: number;
  /**
   * How many times a skill step's model is sent the exact contract violations of its
   * answer and asked for a repair before the step fails (or passes flagged, with
   * `on_contract_violation: flag`). Each repair is a stored attempt. 0 turns repairs off.
   * @default 2
   */
  contractRepairs?: number;
  /** Lease settings (owner token, heartbeat, liveness check). */
  lease?: Partial<LeaseOptions>;
}
