import { MopsError } from '../errors/index.js';
// Direct module imports keep the AI SDK out of processes that never call a model.
import type { AgentToolCall } from '../executors/agent-tool-catalog.js';
import { assembleStepPrompt, type StepPrompt } from '../executors/assemble-step-prompt.js';
import { readHandoffMarker } from '../executors/handoff-marker.js';
import type { RepairRequest, StepExecutor } from '../executors/step-executor.js';
import type { Skill } from '../skills/index.js';
import type { Usage } from './run-records.js';
import { checkOutputContract } from './check-output-contract.js';
import type { EngineSkills, NamedContext } from './engine-options.js';
import { runGate, type GateOutcome, type GateToolLookup } from './gate-step.js';
import type { PlannedStep } from './run-plan.js';

/** A step's agent passed the request on to another skill. */
export interface StepHandoff {
  to: string;
  reason: string;
}

export type AttemptOutcome =
  | {
      kind: 'done';
      output: string;
      usage?: Usage;
      /** Why the step passed flagged for review (`on_contract_violation: flag`). */
      flagged?: string;
      /** The contract violations behind the flag. */
      problems?: string[];
      /** A handoff the step was allowed to pass with (flagged). */
      handoff?: StepHandoff;
      gate?: GateOutcome;
    }
  /** The output broke the contract and repairs are left: ask the model again with these violations. */
  | { kind: 'repair'; output: string; problems: string[]; usage?: Usage }
  | { kind: 'waiting'; instructions: string; reason: 'handoff' | 'approval' }
  | { kind: 'blocked'; output: string; error: MopsError; gate: GateOutcome };

export interface AttemptRequest {
  runId: string;
  campaign: { id: string; name: string };
  step: PlannedStep;
  attempt: number;
  inputs: Record<string, string>;
  /** Outputs of the steps this step needs. */
  dependencies: { stepId: string; name: string; source?: string; output: string }[];
  /** The run's context as prompt Markdown (rendered once per run, not per step). */
  context: { name: string; markdown: string } | undefined;
  /** The run's context as loaded, for the `read_context` tool. */
  namedContext?: NamedContext;
  /** Every finished step of the run, for the `read_step_output` tool. */
  finished?: Record<string, { name: string; output: string }>;
  /** Set when this attempt repairs the previous answer. */
  repair?: RepairRequest;
  /** Repairs still allowed for this step; 0 settles a violation by the step's policy. */
  repairsLeft?: number;
  /** Repairs already made for this step. */
  repairsUsed?: number;
}

export interface AttemptDeps {
  skills: EngineSkills;
  executor: StepExecutor | undefined;
  gateTools: GateToolLookup;
  timeoutMs: number;
  /** Stores one agent tool call of this attempt. */
  recordToolCall?: (call: AgentToolCall) => Promise<void>;
  clock?: () => Date;
}

/**
 * Runs one attempt of one step: a skill through the executor (with a time limit and the
 * run's abort signal), a gate through its ops tool, an approval by handing out what to
 * approve. Returns the outcome or throws the attempt's error.
 */
export async function executeAttempt(request: AttemptRequest, deps: AttemptDeps, runSignal: AbortSignal): Promise<AttemptOutcome> {
  const { step } = request;
  if (step.kind === 'approval') return approvalOutcome(request);
  return withTimeout(deps.timeoutMs, step.id, runSignal, async (signal) => {
    if (step.kind === 'gate') return gateOutcome(request, deps);
    return skillOutcome(request, deps, signal);
  });
}

async function skillOutcome(request: AttemptRequest, deps: AttemptDeps, signal: AbortSignal): Promise<AttemptOutcome> {
  const { step } = request;
  const skill = deps.skills.get(step.skill ?? '');
  if (!skill) {
    throw new MopsError('NOT_FOUND', `Step "${step.id}" uses the skill "${step.skill}", which is not installed. Known skills: ${deps.skills.ids().join(', ')}.`);
  }
  const executor = deps.executor;
  if (!executor) throw new MopsError('INVALID_STATE', `No executor is configured for step "${step.id}".`);
  const toolAccess = executor.toolAccess ?? 'none';
  const prompt: StepPrompt = assembleStepPrompt({
    skill,
    campaign: request.campaign,
    step: { id: step.id, name: step.name, ...(step.description !== undefined && { description: step.description }) },
    inputs: request.inputs,
    dependencies: request.dependencies,
    ...(request.context && { context: request.context }),
    toolAccess,
  });
  const tools =
    toolAccess === 'agent'
      ? {
          names: skill.metadata.tools,
          skillId: skill.id,
          skillIds: deps.skills.ids(),
          ...(request.namedContext && { context: request.namedContext }),
          steps: request.finished ?? {},
          record: deps.recordToolCall ?? (async () => {}),
          ...(deps.clock && { clock: deps.clock }),
        }
      : undefined;
  const result = await raceAbort(
    executor.execute(
      {
        runId: request.runId,
        stepId: step.id,
        attempt: request.attempt,
        skillId: skill.id,
        prompt,
        ...(tools && { tools }),
        ...(request.repair && { repair: request.repair }),
      },
      { signal },
    ),
    signal,
  );
  if (result.status === 'waiting') return { kind: 'waiting', instructions: result.instructions, reason: 'handoff' };
  const usage = result.usage ? { usage: result.usage } : {};
  const marker = result.status === 'done' ? validMarker(result.output, skill, deps.skills) : undefined;
  if (result.status === 'handoff' || marker) {
    const handoff = result.status === 'handoff' ? { to: result.to, reason: result.reason } : { to: marker!.to, reason: marker!.reason };
    const rest = result.status === 'handoff' ? result.output : marker!.rest;
    return { ...handoffOutcome(step, skill.id, handoff, rest), ...usage };
  }
  const problems = checkOutputContract(result.output, skill.metadata.contract);
  if (problems.length === 0) return { kind: 'done', output: result.output, ...usage };
  if ((request.repairsLeft ?? 0) > 0) return { kind: 'repair', output: result.output, problems, ...usage };
  const used = request.repairsUsed ?? 0;
  const repaired = used > 0 ? ` The model was asked to repair it ${used} time(s) and did not.` : '';
  const message = `The output of step "${step.id}" breaks the ${skill.id} output contract: ${problems.join(' ')}${repaired}`;
  if (step.onContractViolation === 'fail') {
    throw new MopsError('CONTRACT_VIOLATION', message, { details: { stepId: step.id, skill: skill.id, problems } });
  }
  return { kind: 'done', output: result.output, ...usage, flagged: message, problems };
}

/** A handoff marker naming an installed skill other than this one; anything else is ordinary output. */
function validMarker(output: string, skill: Skill, skills: EngineSkills) {
  const marker = readHandoffMarker(output);
  return marker && marker.to !== skill.id && skills.get(marker.to) ? marker : undefined;
}

/**
 * A playbook step never switches skills by itself: the handoff fails the step with the
 * agent's reason, or (`on_contract_violation: flag`) passes it flagged for review, with
 * whatever the agent wrote or a note as its output. Single-skill runs re-route on the flag.
 */
function handoffOutcome(step: PlannedStep, skillId: string, handoff: StepHandoff, text: string): AttemptOutcome {
  const message = `The ${skillId} agent handed step "${step.id}" off to the ${handoff.to} skill: ${handoff.reason.replace(/[.\s]+$/, '')}`;
  if (step.onContractViolation === 'fail') {
    throw new MopsError(
      'CONTRACT_VIOLATION',
      `${message}. A playbook step does not switch skills on its own: if the agent is right, change the step's skill to "${handoff.to}" in the playbook; otherwise make the step's request clearer. Then resume the run.`,
      { details: { stepId: step.id, skill: skillId, handoff } },
    );
  }
  const output = text.trim() || `Handed off to the ${handoff.to} skill: ${handoff.reason}`;
  return { kind: 'done', output, flagged: message, handoff };
}

async function gateOutcome(request: AttemptRequest, deps: AttemptDeps): Promise<AttemptOutcome> {
  const gate = await runGate(deps.gateTools, request.step.tool ?? '', request.inputs);
  if (gate.passed) return { kind: 'done', output: gate.report, gate };
  const error = new MopsError(
    'GATE_FAILED',
    `QA gate "${request.step.id}" (${request.step.tool}) blocked the run: ${gate.reason}. Fix the outputs it checks, then resume the run.`,
    { details: { stepId: request.step.id, tool: request.step.tool } },
  );
  return { kind: 'blocked', output: gate.report, error, gate };
}

function approvalOutcome(request: AttemptRequest): AttemptOutcome {
  const { step } = request;
  const lines = [
    `# Approval needed: ${step.name}`,
    `Run ${request.runId} waits for **${step.approver}** to approve step "${step.id}" of "${request.campaign.name}".`,
    `Approve: \`mops approve ${request.runId} ${step.id} --as ${step.approver}\` (MCP: the \`approve_step\` tool with approver "${step.approver}").`,
  ];
  for (const [key, value] of Object.entries(request.inputs)) lines.push(`## ${key}\n\n${value.trim()}`);
  return { kind: 'waiting', instructions: lines.join('\n\n'), reason: 'approval' };
}

/** Aborts the work after `timeoutMs` with a TIMEOUT error, or with the run's reason on cancel. */
async function withTimeout<T>(timeoutMs: number, stepId: string, runSignal: AbortSignal, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onRunAbort = () => controller.abort(runSignal.reason);
  if (runSignal.aborted) onRunAbort();
  runSignal.addEventListener('abort', onRunAbort, { once: true });
  const timer = setTimeout(() => {
    controller.abort(
      new MopsError('TIMEOUT', `Step "${stepId}" took longer than its ${formatDuration(timeoutMs)} limit. Raise the step's timeout in the playbook if it needs more time.`, {
        details: { stepId, timeoutMs },
      }),
    );
  }, timeoutMs);
  try {
    return await raceAbort(work(controller.signal), controller.signal);
  } finally {
    clearTimeout(timer);
    runSignal.removeEventListener('abort', onRunAbort);
  }
}

/** Settles with the abort reason as soon as the signal fires, even if the work ignores it. */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function formatDuration(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000}m` : ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
