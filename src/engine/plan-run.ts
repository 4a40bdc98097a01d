import { checkContext, type MarketingContext } from '../context/index.js';
import { MopsError } from '../errors/index.js';
import {
  computeStepGraph,
  lintPlaybook,
  parseDuration,
  parseTemplateRefs,
  type Playbook,
  type PlaybookStep,
} from '../playbooks/index.js';
import { coerceInputs } from './coerce-inputs.js';
import { formatContextReport } from './format-context-report.js';
import { DRAFT_CONTEXT_STEP_ID, type PlanContext, type PlannedStep, type RunPlan } from './run-plan.js';

/** The skills a plan needs to know about (a SkillRegistry fits). */
export interface PlanSkills {
  get(id: string): { id: string; name: string } | undefined;
  ids(): string[];
}

export interface PlanRunOptions {
  /** Inputs as given (CLI text or typed values); coerced to the declared types. */
  inputs?: Record<string, unknown>;
  /** The marketing context, or undefined when there is none. */
  context?: { name: string; context: MarketingContext };
  skills: PlanSkills;
  /** Run the marketing-context skill first when the context falls short. */
  draftContext?: boolean;
  /** Executor kind for skill steps. @default 'handoff' */
  executor?: string;
}

/**
 * Retry policy of a skill step that declares none: transient model errors (429, 5xx,
 * timeouts) get two more tries. Gates and approvals call no model, so one attempt.
 */
const DEFAULT_RETRY = { attempts: 3, backoffMs: 1000 };
const SINGLE_ATTEMPT = { attempts: 1, backoffMs: 1000 };

/**
 * Plans a run. Pure: validates inputs, the playbook's references and skills, resolves
 * dependencies and levels, and checks the context requirement ("verify first").
 * Throws INVALID_INPUT for bad inputs and INVALID_FILE for a playbook that does not lint.
 */
export function planRun(playbook: Playbook, options: PlanRunOptions): RunPlan {
  const errors = lintPlaybook(playbook, { skillIds: options.skills.ids() }).filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new MopsError('INVALID_FILE', `Playbook "${playbook.id}" cannot run:\n${errors.map((d) => `- ${d.message}`).join('\n')}`, {
      details: { playbook: playbook.id, problems: errors.map((d) => d.message) },
    });
  }
  const inputs = coerceInputs(playbook, options.inputs ?? {});
  const executor = options.executor ?? 'handoff';
  const context = planContext(playbook, options.context);
  const drafting = !context.ok && options.draftContext === true;
  if (drafting && !options.skills.get('marketing-context')) {
    throw new MopsError('NOT_FOUND', 'Cannot draft the context: the "marketing-context" skill is not installed.');
  }

  const graph = computeStepGraph(playbook);
  const steps = playbook.steps.map((step) => plannedStep(step, graph.needs[step.id] ?? [], executor, options.skills));
  let levels = graph.levels;
  if (drafting) {
    for (const step of steps) if (step.needs.length === 0) step.needs = [DRAFT_CONTEXT_STEP_ID];
    steps.unshift(draftContextStep(playbook, context, executor));
    levels = [[DRAFT_CONTEXT_STEP_ID], ...levels];
  }
  const levelOf = new Map(levels.flatMap((ids, level) => ids.map((id) => [id, level] as const)));
  for (const step of steps) step.level = levelOf.get(step.id) ?? 0;

  return {
    playbook: { id: playbook.id, name: playbook.name, description: playbook.description },
    inputs,
    executor,
    context,
    status: context.ok ? 'ready' : drafting ? 'draft-context' : 'blocked',
    steps,
    levels,
  };
}

function planContext(playbook: Playbook, given: PlanRunOptions['context']): PlanContext {
  const requirement = playbook.context ?? null;
  if (!requirement) {
    return { name: given?.name ?? null, requirement: null, check: null, ok: true, report: formatContextReport(playbook, given?.name ?? null, null) };
  }
  if (!given) {
    return { name: null, requirement, check: null, ok: false, report: formatContextReport(playbook, null, null) };
  }
  const check = checkContext(given.context, requirement);
  return { name: given.name, requirement, check, ok: check.ok, report: formatContextReport(playbook, given.name, check) };
}

function plannedStep(step: PlaybookStep, needs: string[], executor: string, skills: PlanSkills): PlannedStep {
  const references = collectReferences(step.with);
  const common = {
    id: step.id,
    ...(step.description !== undefined && { description: step.description }),
    needs,
    level: 0,
    ...(step.owner && { owner: step.owner }),
    with: { ...step.with },
    retry: step.retry
      ? { attempts: step.retry.attempts, backoffMs: parseDuration(step.retry.backoff) }
      : step.type === 'skill'
        ? { ...DEFAULT_RETRY }
        : { ...SINGLE_ATTEMPT },
    ...(step.timeout !== undefined && { timeoutMs: parseDuration(step.timeout) }),
    references,
  };
  switch (step.type) {
    case 'skill':
      return {
        ...common,
        name: step.name ?? skills.get(step.skill)?.name ?? step.id,
        kind: 'skill',
        skill: step.skill,
        executor,
        onContractViolation: step.on_contract_violation,
      };
    case 'gate':
      return { ...common, name: step.name ?? `QA gate: ${step.tool}`, kind: 'gate', tool: step.tool, executor: 'gate', onContractViolation: 'fail' };
    case 'approval':
      return {
        ...common,
        name: step.name ?? `Approval by ${step.approver}`,
        kind: 'approval',
        approver: step.approver,
        executor: 'approval',
        onContractViolation: 'fail',
      };
  }
}

function draftContextStep(playbook: Playbook, context: PlanContext, executor: string): PlannedStep {
  const sections = playbook.context?.required_sections ?? [];
  const needed = playbook.context?.min_status ?? 'thin';
  const shortfall = context.check?.blocking.map((b) => `${b.section} (${b.status}, needs ${b.needed})`) ?? sections.map((s) => `${s} (missing)`);
  return {
    id: DRAFT_CONTEXT_STEP_ID,
    name: 'Draft the marketing context',
    description: `The context is not ready for "${playbook.name}"; draft the missing or thin sections before any content step runs.`,
    kind: 'skill',
    skill: 'marketing-context',
    needs: [],
    level: 0,
    executor,
    with: {
      request:
        `Draft the marketing context document for the "${playbook.name}" campaign. ` +
        `It must bring these sections to at least "${needed}": ${shortfall.join(', ')}. ` +
        'Keep every fact already in the current context, and answer with the whole document: one `##` section per context section.',
      'what is missing': context.report,
      'current context': '${{ context }}',
    },
    retry: { ...DEFAULT_RETRY },
    onContractViolation: 'flag',
    references: { inputs: [], steps: [], context: ['*'] },
  };
}

function collectReferences(values: Record<string, string>): PlannedStep['references'] {
  const inputs = new Set<string>();
  const steps = new Set<string>();
  const context = new Set<string>();
  for (const value of Object.values(values)) {
    for (const ref of parseTemplateRefs(value)) {
      if (ref.kind === 'input') inputs.add(ref.name);
      else if (ref.kind === 'step') steps.add(ref.stepId);
      else if (ref.kind === 'context') context.add(ref.section ?? '*');
    }
  }
  return { inputs: [...inputs], steps: [...steps], context: [...context] };
}
