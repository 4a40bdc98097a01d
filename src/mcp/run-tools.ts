import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { RUN_STATUSES, type RunView } from '../engine/run-records.js';
import { CampaignStateSchema, formatCampaignState, toCampaignState } from './campaign-state.js';
import { followRun } from './follow-run.js';
import { EXECUTOR_CHOICES, type SessionEngine } from './session-engine.js';
import { guarded, toolSuccess } from './tool-result.js';

const runId = z.string().min(1).describe('Run id, as returned by start_campaign or list_runs');
const stepId = z.string().min(1).describe('Step id, as listed under `waiting` in the run state');

const stateResult = (view: RunView, includeOutputs = false) => {
  const state = toCampaignState(view, { includeOutputs });
  return toolSuccess(state, formatCampaignState(state));
};

/** `get_run`, `list_runs`, `submit_step_output`, `approve_step`, `resume_run`, `cancel_run`. */
export function registerRunTools(server: McpServer, session: SessionEngine): void {
  server.registerTool(
    'get_run',
    {
      title: 'Show a campaign run',
      description:
        'Returns a campaign run: its status, every step with its status and output, the steps waiting for you with their full instructions, and the calls to make next. Use it to check on a run, to pick up a handoff run in a new chat, or to collect the deliverables once the run is done.',
      inputSchema: {
        run_id: runId,
        include_outputs: z.boolean().optional().describe('Include every finished step\'s output (default true)'),
      },
      outputSchema: CampaignStateSchema.shape,
      annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
    },
    guarded(async ({ run_id, include_outputs }) => {
      const engine = await session.engine();
      const view = await engine.getRun(run_id);
      const state = toCampaignState(view, { includeOutputs: include_outputs !== false });
      const outputs = state.steps
        .filter((step) => step.output)
        .map((step) => `## ${step.name} (${step.id})\n\n${step.output}`);
      return toolSuccess(state, [formatCampaignState(state), ...outputs].join('\n\n'));
    }),
  );

  server.registerTool(
    'list_runs',
    {
      title: 'List campaign runs',
      description:
        'Lists campaign runs, newest first, with their playbook and status (waiting runs need a step output or an approval; failed and blocked runs can be resumed). Use it to find a run id for get_run, submit_step_output or resume_run.',
      inputSchema: {
        status: z.enum(RUN_STATUSES).optional().describe('Only runs with this status'),
        playbook: z.string().min(1).optional().describe('Only runs of this playbook'),
        limit: z.number().int().min(1).max(200).optional().describe('At most this many (default 20)'),
      },
      outputSchema: {
        runs: z.array(
          z.object({
            id: z.string(),
            playbook: z.string(),
            status: z.enum(RUN_STATUSES),
            executor: z.string(),
            context: z.string().nullable(),
            created_at: z.string(),
            finished_at: z.string().nullable(),
            uri: z.string(),
          }),
        ),
      },
      annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
    },
    guarded(async ({ status, playbook, limit }) => {
      const engine = await session.engine();
      const records = await engine.listRuns({ ...(status && { status }), ...(playbook && { playbookId: playbook }), limit: limit ?? 20 });
      const runs = records.map((run) => ({
        id: run.id,
        playbook: run.playbookId,
        status: run.status,
        executor: run.executor,
        context: run.contextName,
        created_at: run.createdAt,
        finished_at: run.finishedAt,
        uri: `run://${run.id}`,
      }));
      const text = runs.length
        ? runs.map((run) => `- \`${run.id}\` ${run.playbook}: ${run.status} (created ${run.created_at})`).join('\n')
        : 'No runs yet. Start one with start_campaign.';
      return toolSuccess({ runs }, text);
    }),
  );

  server.registerTool(
    'submit_step_output',
    {
      title: 'Submit a step output',
      description:
        "Hands the run the deliverable you produced for a waiting step (handoff mode), then continues the run until it needs someone again. Returns the new run state: usually the next waiting step with its full instructions, or the finished run. The step must be waiting; the error says which steps are.",
      inputSchema: {
        run_id: runId,
        step_id: stepId,
        output: z.string().min(1).describe("The step's finished deliverable in Markdown, following the step's instructions and headings"),
      },
      outputSchema: CampaignStateSchema.shape,
      annotations: { readOnlyHint: false, idempotentHint: false, destructiveHint: false, openWorldHint: true },
    },
    guarded(async ({ run_id, step_id, output }, extra) => {
      const engine = await session.engine();
      return stateResult(await followRun({ engine, session, extra, runId: run_id }, () => engine.submitStepOutput(run_id, step_id, output)));
    }),
  );

  server.registerTool(
    'approve_step',
    {
      title: 'Approve a step',
      description:
        'Records the approval of a waiting approval step (e.g. launch sign-off) on behalf of its named approver, then continues the run. Only call it when that person has actually approved; the approver must match the role the playbook names.',
      inputSchema: {
        run_id: runId,
        step_id: stepId,
        approver: z.string().min(1).describe('The approving role, exactly as the waiting step names it (e.g. "marketing-director")'),
        note: z.string().optional().describe('What was approved, conditions, or a link to the sign-off'),
      },
      outputSchema: CampaignStateSchema.shape,
      annotations: { readOnlyHint: false, idempotentHint: false, destructiveHint: false, openWorldHint: true },
    },
    guarded(async ({ run_id, step_id, approver, note }, extra) => {
      const engine = await session.engine();
      return stateResult(
        await followRun({ engine, session, extra, runId: run_id }, () =>
          engine.approveStep(run_id, step_id, { approver, ...(note !== undefined && { note }) }),
        ),
      );
    }),
  );

  server.registerTool(
    'resume_run',
    {
      title: 'Resume a campaign run',
      description:
        'Continues a run that stopped: failed (after a model error), blocked (after the context was fixed) or interrupted (server restart). Finished steps are kept and never run again. Returns the run state once it needs someone or ends.',
      inputSchema: {
        run_id: runId,
        executor: z.enum(EXECUTOR_CHOICES).optional().describe('Switch who writes the remaining steps; default: as the run started'),
      },
      outputSchema: CampaignStateSchema.shape,
      annotations: { readOnlyHint: false, idempotentHint: false, destructiveHint: false, openWorldHint: true },
    },
    guarded(async ({ run_id, executor }, extra) => {
      const engine = await session.engine();
      const kind = executor ? session.executorFor(executor) : undefined;
      return stateResult(
        await followRun({ engine, session, extra, runId: run_id }, () => engine.resumeRun(run_id, kind ? { executor: kind } : {})),
      );
    }),
  );

  server.registerTool(
    'cancel_run',
    {
      title: 'Cancel a campaign run',
      description:
        'Stops a campaign run for good: running steps are aborted and waiting ones are closed. Finished outputs stay readable with get_run. Only cancel when the user asks to.',
      inputSchema: {
        run_id: runId,
        reason: z.string().optional().describe('Why, for the run history'),
      },
      outputSchema: CampaignStateSchema.shape,
      annotations: { readOnlyHint: false, idempotentHint: true, destructiveHint: true, openWorldHint: false },
    },
    guarded(async ({ run_id, reason }) => {
      const engine = await session.engine();
      return stateResult(await engine.cancelRun(run_id, reason ? { reason } : {}));
    }),
  );
}
