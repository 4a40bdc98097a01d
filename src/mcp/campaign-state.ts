import { z } from 'zod';
import type { RunView, StepRecord } from '../engine/index.js';
import type { Playbook } from '../playbooks/index.js';
import { SuggestedCallSchema, type SuggestedCall } from './routing-tools.js';

/**
 * What every campaign tool returns: the run, its steps, the steps waiting for the client
 * (with their full instructions) and the exact calls to make next. A projection of the
 * engine's `RunView`, shaped for a client's model to act on.
 */
export const CampaignStateSchema = z.object({
  run: z.object({
    id: z.string(),
    playbook: z.string(),
    playbook_name: z.string(),
    status: z.enum(['pending', 'running', 'waiting', 'done', 'failed', 'cancelled', 'blocked']),
    executor: z.string().describe('Who produces skill steps: openai (server model), sampling (your model) or handoff (you, via submit_step_output)'),
    context: z.string().nullable(),
    created_at: z.string(),
    finished_at: z.string().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    report: z.string().nullable().describe('Why the run is blocked (e.g. which context sections fall short)'),
  }),
  steps: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['skill', 'gate', 'approval']),
      uses: z.string().nullable().describe('The skill or QA gate tool'),
      status: z.enum(['pending', 'running', 'waiting', 'done', 'failed', 'skipped', 'cancelled', 'blocked']),
      needs: z.array(z.string()),
      attempts: z.number(),
      error: z.string().optional(),
      output: z.string().optional().describe('The step output (when asked for)'),
    }),
  ),
  waiting: z
    .array(
      z.object({
        step_id: z.string(),
        name: z.string(),
        kind: z.enum(['handoff', 'approval']),
        approver: z.string().optional().describe('Approval steps: the role that must approve'),
        instructions: z.string().describe('Everything needed to produce the step: skill instructions, context, inputs, earlier outputs'),
      }),
    )
    .describe('Steps waiting for you: produce each handoff step and submit it, or get the approval'),
  next: z.array(SuggestedCallSchema).describe('Calls to make next, best first; empty when the run is finished'),
  uri: z.string().describe('Resource with the whole run as JSON'),
});
export type CampaignState = z.infer<typeof CampaignStateSchema>;

const FINISHED_OUTPUT_PLACEHOLDER = '<the finished deliverable for this step, in Markdown>';

function approverOf(view: RunView, step: StepRecord): string | undefined {
  const planned = (view.run.playbookSnapshot as Playbook | null)?.steps?.find((candidate) => candidate.id === step.stepId);
  return planned?.type === 'approval' ? planned.approver : undefined;
}

function nextCalls(view: RunView, waiting: CampaignState['waiting']): SuggestedCall[] {
  const runId = view.run.id;
  switch (view.run.status) {
    case 'waiting':
      return waiting.map((step) =>
        step.kind === 'approval'
          ? {
              tool: 'approve_step',
              arguments: { run_id: runId, step_id: step.step_id, approver: step.approver ?? '' },
              why: `Record the approval of "${step.name}" once ${step.approver ?? 'the approver'} has approved`,
            }
          : {
              tool: 'submit_step_output',
              arguments: { run_id: runId, step_id: step.step_id, output: FINISHED_OUTPUT_PLACEHOLDER },
              why: `Produce "${step.name}" by following its instructions, then submit it so the run moves on`,
            },
      );
    case 'blocked':
      return [
        { tool: 'check_context', arguments: view.run.contextName ? { context: view.run.contextName, playbook: view.run.playbookId } : { playbook: view.run.playbookId }, why: 'See which context sections fall short and fill them in' },
        { tool: 'resume_run', arguments: { run_id: runId }, why: 'Try again once the context or the failing check is fixed' },
      ];
    case 'failed':
      return [{ tool: 'resume_run', arguments: { run_id: runId }, why: 'Retry from the failed step; finished steps are kept' }];
    case 'pending':
    case 'running':
      return [{ tool: 'get_run', arguments: { run_id: runId }, why: 'Check on the run again' }];
    case 'done':
    case 'cancelled':
      return [];
  }
}

/** Projects a run view; `includeOutputs` adds every finished step's output. */
export function toCampaignState(view: RunView, options: { includeOutputs?: boolean } = {}): CampaignState {
  const waiting = view.steps
    .filter((step) => step.status === 'waiting')
    .map((step) => {
      const approver = step.kind === 'approval' ? approverOf(view, step) : undefined;
      return {
        step_id: step.stepId,
        name: step.name,
        kind: step.kind === 'approval' ? ('approval' as const) : ('handoff' as const),
        ...(approver && { approver }),
        instructions: step.instructions ?? '',
      };
    });
  const { run } = view;
  return {
    run: {
      id: run.id,
      playbook: run.playbookId,
      playbook_name: run.playbookName,
      status: run.status,
      executor: run.executor,
      context: run.contextName,
      created_at: run.createdAt,
      finished_at: run.finishedAt,
      error: run.error ? { code: run.error.code, message: run.error.message } : null,
      report: run.report,
    },
    steps: view.steps.map((step) => ({
      id: step.stepId,
      name: step.name,
      kind: step.kind,
      uses: step.skill,
      status: step.status,
      needs: step.needs,
      attempts: step.attempts,
      ...(step.error && { error: `${step.error.code}: ${step.error.message}` }),
      ...(options.includeOutputs && step.output !== null && { output: step.output }),
    })),
    waiting,
    next: nextCalls(view, waiting),
    uri: `run://${run.id}`,
  };
}

const MARK: Record<CampaignState['steps'][number]['status'], string> = {
  pending: '·',
  running: '…',
  waiting: '⏸',
  done: '✔',
  failed: '✖',
  skipped: '-',
  cancelled: '-',
  blocked: '✖',
};

/** The state as Markdown: the verdict, the step list, then what to do now. */
export function formatCampaignState(state: CampaignState): string {
  const { run } = state;
  const done = state.steps.filter((step) => step.status === 'done').length;
  const lines = [`Run \`${run.id}\` (${run.playbook_name}): **${run.status}**, ${done}/${state.steps.length} steps done, executor ${run.executor}.`];
  if (run.error && run.status !== 'cancelled') lines.push(`Error: ${run.error.code}: ${run.error.message}`);
  if (run.report && run.status === 'blocked') lines.push(run.report);
  lines.push(state.steps.map((step) => `${MARK[step.status]} ${step.id}: ${step.name} (${step.status})${step.error ? ` - ${step.error}` : ''}`).join('\n'));
  for (const step of state.waiting) {
    if (step.kind === 'approval') {
      lines.push(`## Waiting for approval: ${step.step_id}`, `${step.approver ?? 'The approver'} must approve; then call \`approve_step\` with run_id "${run.id}", step_id "${step.step_id}" and approver "${step.approver ?? ''}".`, step.instructions);
    } else {
      lines.push(
        `## Your turn: step ${step.step_id}`,
        `Produce this step's deliverable by following the instructions below, then call \`submit_step_output\` with run_id "${run.id}", step_id "${step.step_id}" and the deliverable as output.`,
        step.instructions,
      );
    }
  }
  if (run.status === 'done') lines.push(`All steps are done. Read the outputs with \`get_run\` (run_id "${run.id}") or the resource ${state.uri}.`);
  return lines.join('\n\n');
}
