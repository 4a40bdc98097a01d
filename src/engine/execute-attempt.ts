import { MopsError } from '../errors/index.js';
// Direct module imports keep the AI SDK out of processes that never call a model.
import { assembleStepPrompt, type StepPrompt } from '../executors/assemble-step-prompt.js';
import type { StepExecutor } from '../executors/step-executor.js';
import type { Usage } from './run-records.js';
import { checkOutputContract } from './check-output-contract.js';
import type { EngineSkills } from './engine-options.js';
import { runGate, type GateOutcome, type GateToolLookup } from './gate-step.js';
import type { PlannedStep } from './run-plan.js';

export type AttemptOutcome =
  | { kind: 'done'; output: string; usage?: Usage; flagged?: string; gate?: GateOutcome }
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
}

export interface AttemptDeps {
  skills: EngineSkills;
  executor: StepExecutor | undefined;
  gateTools: GateToolLookup;
  timeoutMs: number;
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
  if (!deps.executor) throw new MopsError('INVALID_STATE', `No executor is configured for step "${step.id}".`);
  const prompt: StepPrompt = assembleStepPrompt({
    skill,
    campaign: request.campaign,
    step: { id: step.id, name: step.name, ...(step.description !== undefined && { description: step.description }) },
    inputs: request.inputs,
    dependencies: request.dependencies,
    ...(request.context && { context: request.context }),
  });
  const result = await raceAbort(
    deps.executor.execute({ runId: request.runId, stepId: step.id, attempt: request.attempt, skillId: skill.id, prompt }, { signal }),
    signal,
  );
  if (result.status === 'waiting') return { kind: 'waiting', instructions: result.instructions, reason: 'handoff' };
  const problems = checkOutputContract(result.output, skill.metadata.contract);
  if (problems.length > 0) {
    const message = `The output of step "${step.id}" breaks the ${skill.id} output contract: ${problems.join(' ')}`;
    if (step.onContractViolation === 'fail') {
      throw new MopsError('CONTRACT_VIOLATION', message, { details: { stepId: step.id, skill: skill.id, problems } });
    }
    return { kind: 'done', output: result.output, ...(result.usage && { usage: result.usage }), flagged: message };
  }
  return { kind: 'done', output: result.output, ...(result.usage && { usage: result.usage }) };
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
