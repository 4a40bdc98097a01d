import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { formatPlan } from '../engine/format-plan.js';
import { planToMermaid } from '../engine/plan-to-mermaid.js';
import type { RunPlan } from '../engine/run-plan.js';
import { InputValueSchema } from '../playbooks/index.js';
import { summary } from '../routing/explain-route.js';
import { CampaignStateSchema, formatCampaignState, toCampaignState } from './campaign-state.js';
import { followRun } from './follow-run.js';
import { contextNameField, playbookIdField } from './input-fields.js';
import type { McpServices } from './mcp-services.js';
import { registerRunTools } from './run-tools.js';
import { EXECUTOR_CHOICES, type SessionEngine } from './session-engine.js';
import { guarded, toolSuccess } from './tool-result.js';

const READ_ONLY = { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false } as const;

const campaignArgs = {
  playbook: playbookIdField,
  inputs: z
    .record(z.string(), InputValueSchema)
    .optional()
    .describe('Playbook inputs by name, e.g. {"product_name": "Acme", "launch_date": "2026-05-01"}; list_playbooks shows what each playbook takes'),
  context: contextNameField.optional(),
  draft_context: z
    .boolean()
    .optional()
    .describe('When the context is missing or thin, draft it with the marketing-context skill as a first step instead of stopping'),
};

const planOutput = {
  playbook: z.object({ id: z.string(), name: z.string(), description: z.string() }),
  status: z.enum(['ready', 'blocked', 'draft-context']).describe('ready: would run now; blocked: stops at the context check; draft-context: drafts the context first'),
  executor: z.string(),
  inputs: z.record(z.string(), z.unknown()).describe('Inputs after defaults and type coercion'),
  context: z.object({ name: z.string().nullable(), ok: z.boolean(), report: z.string() }),
  steps: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['skill', 'gate', 'approval']),
      uses: z.string().describe('The skill, gate tool or approver'),
      needs: z.array(z.string()),
      level: z.number().describe('Steps on the same level run in parallel'),
      accountable: z.string().optional(),
    }),
  ),
  mermaid: z.string().describe('The step graph as a Mermaid flowchart'),
};

function planStructured(plan: RunPlan) {
  return {
    playbook: plan.playbook,
    status: plan.status,
    executor: plan.executor,
    inputs: plan.inputs,
    context: { name: plan.context.name, ok: plan.context.ok, report: plan.context.report },
    steps: plan.steps.map((step) => ({
      id: step.id,
      name: step.name,
      kind: step.kind,
      uses: step.skill ?? step.tool ?? step.approver ?? '',
      needs: step.needs,
      level: step.level,
      ...(step.owner && { accountable: step.owner.accountable }),
    })),
    mermaid: planToMermaid(plan),
  };
}

/** `list_playbooks`, `plan_campaign`, `start_campaign`, and the run tools. */
export function registerCampaignTools(server: McpServer, deps: McpServices, session: SessionEngine): void {
  server.registerTool(
    'list_playbooks',
    {
      title: 'List campaign playbooks',
      description:
        'Lists the campaign playbooks (product launch, content sprint, lead-gen blitz, brand awareness, conversion optimization...) with their steps and the inputs each one takes. Use it to offer the user a whole campaign or to learn which inputs plan_campaign and start_campaign need.',
      inputSchema: {},
      outputSchema: {
        playbooks: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            description: z.string(),
            steps: z.array(z.string()).describe('Step ids in order'),
            inputs: z.array(
              z.object({
                name: z.string(),
                type: z.string(),
                required: z.boolean(),
                description: z.string(),
                default: z.unknown().optional(),
                enum: z.array(z.union([z.string(), z.number()])).optional(),
              }),
            ),
            context_sections: z.array(z.string()).describe('Context sections the campaign checks before it starts'),
            uri: z.string(),
          }),
        ),
      },
      annotations: READ_ONLY,
    },
    guarded(async () => {
      const { playbooks } = await deps.catalog.get();
      const list = playbooks.map((playbook) => ({
        id: playbook.id,
        name: playbook.name,
        description: playbook.description,
        steps: playbook.steps.map((step) => step.id),
        inputs: Object.entries(playbook.inputs).map(([name, input]) => ({
          name,
          type: input.type,
          required: input.required && input.default === undefined,
          description: input.description,
          ...(input.default !== undefined && { default: input.default }),
          ...(input.enum && { enum: input.enum }),
        })),
        context_sections: playbook.context?.required_sections ?? [],
        uri: `playbook://${playbook.id}`,
      }));
      const text = list
        .map((p) => `- **${p.id}**: ${summary(p.description)} (${p.steps.length} steps; inputs: ${p.inputs.map((i) => `${i.name}${i.required ? '*' : ''}`).join(', ') || 'none'})`)
        .join('\n');
      return toolSuccess({ playbooks: list }, `${text}\n\n(* required)`);
    }),
  );

  server.registerTool(
    'plan_campaign',
    {
      title: 'Plan a campaign',
      description:
        'Shows what a campaign run would do without starting it: the steps in order (parallel ones on the same level), who is accountable for each, the QA gates and approvals, the inputs after defaults, and whether the marketing context is good enough (if not, which sections fall short). Call it before start_campaign and show the plan to the user. Missing required inputs come back as an error naming them.',
      inputSchema: { ...campaignArgs, executor: z.enum(EXECUTOR_CHOICES).optional().describe('Who would write the steps; default "auto"') },
      outputSchema: planOutput,
      annotations: READ_ONLY,
    },
    guarded(async ({ playbook, inputs, context, draft_context, executor }) => {
      const engine = await session.engine();
      const plan = await engine.plan({
        playbook,
        inputs: inputs ?? {},
        ...(context && { context }),
        draftContext: draft_context === true,
        executor: session.executorFor(executor),
      });
      const start = `Start it with \`start_campaign\` and the same arguments${plan.status === 'blocked' ? ' once the context is fixed (check_context), or with draft_context: true' : ''}.`;
      return toolSuccess(planStructured(plan), `${formatPlan(plan)}\n${start}`);
    }),
  );

  server.registerTool(
    'start_campaign',
    {
      title: 'Start a campaign',
      description:
        'Starts a campaign run from a playbook and follows it until it needs someone: with the server model (MOPS_MODEL) or your model (sampling) the steps run one after another, parallel where the playbook allows; in handoff mode the run pauses at each step and this call returns the step id and its full instructions, which you follow and send back with submit_step_output. The context is checked first: a run whose context falls short comes back "blocked" with what is missing. Sends progress notifications when the call carries a progress token; cancelling the call cancels the run.',
      inputSchema: {
        ...campaignArgs,
        executor: z.enum(EXECUTOR_CHOICES).optional().describe('Who writes the skill steps; default "auto" (server model, else your model, else handoff)'),
        wait: z.boolean().optional().describe('Wait until the run needs someone or ends (default true); false returns at once with the run id'),
      },
      outputSchema: CampaignStateSchema.shape,
      annotations: { readOnlyHint: false, idempotentHint: false, destructiveHint: false, openWorldHint: true },
    },
    guarded(async ({ playbook, inputs, context, draft_context, executor, wait }, extra) => {
      const engine = await session.engine();
      const kind = session.executorFor(executor);
      const view = await followRun({ engine, session, extra, wait }, () =>
        engine.startRun({ playbook, inputs: inputs ?? {}, ...(context && { context }), draftContext: draft_context === true, executor: kind }),
      );
      const state = toCampaignState(view);
      return toolSuccess(state, formatCampaignState(state));
    }),
  );

  registerRunTools(server, session);
}
