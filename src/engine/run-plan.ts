import type { ContextCheck, ContextRequirement } from '../context/index.js';
import type { InputValue, StepOwner } from '../playbooks/index.js';
import type { StepKind } from './run-records.js';

/** The id of the step that drafts a missing or thin context before the playbook's own steps. */
export const DRAFT_CONTEXT_STEP_ID = '_context';

/** One step as the engine will run it: dependencies resolved, durations in ms. */
export interface PlannedStep {
  id: string;
  name: string;
  description?: string;
  kind: StepKind;
  /** Skill steps (and the `_context` step). */
  skill?: string;
  /** Gate steps: the ops tool that checks earlier outputs. */
  tool?: string;
  /** Approval steps: the role that must approve. */
  approver?: string;
  needs: string[];
  /** Topological level: steps on one level can run at the same time. */
  level: number;
  owner?: StepOwner;
  /** Who produces the text: the run's executor for skill steps, `gate` or `approval` otherwise. */
  executor: string;
  /** The `with:` templates, rendered when the step starts. */
  with: Record<string, string>;
  retry: { attempts: number; backoffMs: number };
  timeoutMs?: number;
  onContractViolation: 'fail' | 'flag';
  references: { inputs: string[]; steps: string[]; context: string[] };
}

export type PlanStatus = 'ready' | 'blocked' | 'draft-context';

export interface PlanContext {
  /** Name of the context used (null when there is none). */
  name: string | null;
  requirement: ContextRequirement | null;
  /** The completeness check (null when the playbook needs no context or there is none). */
  check: ContextCheck | null;
  /** True when the context meets the playbook's requirement (or none is needed). */
  ok: boolean;
  /** Readable report: what is missing or thin and what would fix it. */
  report: string;
}

export interface RunPlan {
  playbook: { id: string; name: string; description: string };
  inputs: Record<string, InputValue>;
  executor: string;
  context: PlanContext;
  /** ready: runs now; blocked: stops at the context check; draft-context: drafts the context first. */
  status: PlanStatus;
  steps: PlannedStep[];
  levels: string[][];
}
