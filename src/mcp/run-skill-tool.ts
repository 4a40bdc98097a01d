import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { contextToMarkdown, listContexts, loadContext, type MarketingContext } from '../context/index.js';
import { runSkill, type SkillRun } from '../engine/run-skill.js';
import type { RunView } from '../engine/index.js';
import { ERROR_CODES, MopsError, type ErrorCode } from '../errors/index.js';
import { assembleStepPrompt, type StepPrompt } from '../executors/assemble-step-prompt.js';
import { HANDOFF_MARKER_EXAMPLE } from '../executors/handoff-marker.js';
import type { Skill } from '../skills/index.js';
import { followRun } from './follow-run.js';
import { contextNameField } from './input-fields.js';
import type { McpServices } from './mcp-services.js';
import { EXECUTOR_CHOICES, type SessionEngine } from './session-engine.js';
import { guarded, toolSuccess } from './tool-result.js';

const runSkillOutput = {
  skill: z.string().describe('The skill that produced the output (after a handoff: the skill it was handed to)'),
  mode: z.enum(['openai', 'sampling', 'handoff']).describe('Who produced the text: the server model, your model through sampling, or nobody yet (handoff: you follow the instructions)'),
  context: z.string().nullable().describe('The marketing context used, or null when none exists'),
  run_id: z.string().optional().describe('The one-step run that recorded this (openai and sampling modes); get_run shows it'),
  output: z.string().optional().describe('The finished deliverable (openai and sampling modes)'),
  instructions: z
    .object({ system: z.string(), prompt: z.string() })
    .optional()
    .describe('Handoff mode: the skill instructions (system) and the material (prompt) to produce the deliverable from'),
  contract_problems: z.array(z.string()).describe("Where the output still misses the skill's required sections or channel limits (after the repairs)"),
  attempts: z.number().int().optional().describe('Model attempts the step took: 1, plus one per contract repair'),
  tool_calls: z.array(z.string()).optional().describe('The tools the skill\'s agent called, in order'),
  handoff: z
    .object({ from: z.string(), to: z.string(), reason: z.string() })
    .optional()
    .describe("The first skill's agent said the request belongs to another skill, which then produced the output"),
  usage: z.object({ inputTokens: z.number().optional(), outputTokens: z.number().optional() }).optional(),
};

/** The context for a skill: the one named, else the default one, else none at all. */
async function skillContext(deps: McpServices, skill: Skill, name: string | undefined): Promise<MarketingContext | undefined> {
  if (!skill.metadata.requires_context && name === undefined) return undefined;
  const options = { contextDir: deps.paths.contextDir, env: deps.env, cwd: deps.cwd };
  if (name === undefined && !deps.env.MOPS_CONTEXT && (await listContexts(deps.paths.contextDir)).length === 0) return undefined;
  return loadContext(name, options);
}

/** Handoff mode: the client's model does the work and calls the skill's tools as this server's MCP tools. */
function handoffPrompt(skill: Skill, request: string, context: MarketingContext | undefined): StepPrompt {
  return assembleStepPrompt({
    skill,
    campaign: { id: 'one-off', name: `One-off request (${skill.name})` },
    step: { id: skill.id, name: skill.name },
    inputs: { request },
    dependencies: [],
    ...(context && { context: { name: context.name, markdown: contextToMarkdown(context) } }),
    toolAccess: 'mcp',
  });
}

/** What the one-step run produced, as the tool's structured result and text. */
async function skillRunResult(engine: Awaited<ReturnType<SessionEngine['engine']>>, mode: 'openai' | 'sampling', result: SkillRun) {
  const { view } = result;
  const step = view.steps[0];
  if (!step || step.status !== 'done' || step.output === null) throw runFailure(view);
  const problems = (step.error?.details?.problems as string[] | undefined) ?? [];
  const calls = await engine.getRunDetails(view.run.id).then((details) => details.toolCalls.map((call) => call.name));
  const handoff = result.handoff && { from: result.handoff.from, to: result.handoff.to, reason: result.handoff.reason };
  const structured = {
    skill: step.skill ?? '',
    mode,
    context: view.run.contextName,
    run_id: view.run.id,
    output: step.output,
    contract_problems: problems,
    attempts: step.attempts,
    tool_calls: calls,
    ...(handoff && { handoff }),
    ...(step.usage && { usage: step.usage }),
  };
  const notes: string[] = [];
  if (handoff) notes.push(`Handed off: the ${handoff.from} skill passed this request to ${handoff.to} (${handoff.reason}).`);
  if (problems.length) notes.push(`Output contract (still broken after the repairs): ${problems.join(' ')}`);
  else if (step.error?.details?.flagged) notes.push(`Flagged for review: ${step.error.message}`);
  const text = notes.length ? `${step.output}\n\n---\n${notes.join('\n')}` : step.output;
  return toolSuccess(structured, text);
}

function runFailure(view: RunView): MopsError {
  const step = view.steps[0];
  const error = step?.error ?? view.run.error;
  const message = error ? `${error.message} (run ${view.run.id}; get_run shows it)` : `The skill run ${view.run.id} ended ${view.run.status} without an output.`;
  const code = error && Object.hasOwn(ERROR_CODES, error.code) ? (error.code as ErrorCode) : 'MODEL_ERROR';
  return new MopsError(code, message, { details: { runId: view.run.id } });
}

/** `run_skill`: one skill on one request, with the marketing context. */
export function registerRunSkillTool(server: McpServer, deps: McpServices, session: SessionEngine): void {
  server.registerTool(
    'run_skill',
    {
      title: 'Run a marketing skill',
      description:
        'Carries out one skill (e.g. copywriting, cold-email, paid-ads) on a request, with the marketing context built into the prompt. The text comes from the server model when MOPS_MODEL is set (which may call the skill\'s tools and repairs output that breaks the skill\'s contract), else from your own model through sampling when your client offers it, else the call returns the assembled instructions (mode "handoff") for you to follow and answer the user with. When the skill\'s agent finds the request belongs to another skill, the request is run once more with that skill and the handoff is reported. Use route_request first when unsure which skill fits. Returns the deliverable (or the instructions) and any breaches of the skill\'s output contract.',
      inputSchema: {
        skill: z.string().min(1).describe('Skill id, e.g. "copywriting" (see list_skills or route_request)'),
        request: z.string().trim().min(1).describe('What to produce, in the user\'s words plus any details they gave'),
        context: contextNameField.optional(),
        executor: z.enum(EXECUTOR_CHOICES).optional().describe('Who writes the text; default "auto" (server model, else your model, else handoff)'),
      },
      outputSchema: runSkillOutput,
      annotations: { readOnlyHint: false, idempotentHint: false, destructiveHint: false, openWorldHint: true },
    },
    guarded(async ({ skill: id, request, context: contextName, executor }, extra) => {
      const { skills } = await deps.catalog.get();
      const skill = skills.require(id);
      const mode = session.executorFor(executor);

      if (mode === 'handoff') {
        const context = await skillContext(deps, skill, contextName);
        const prompt = handoffPrompt(skill, request, context);
        const text = [
          `Handoff: no model on the server. Produce the ${skill.name} deliverable yourself by following these instructions, then answer the user with it.`,
          `If the request belongs to another skill (see "When the request belongs to another skill"), do not answer with \`${HANDOFF_MARKER_EXAMPLE}\`: call run_skill with that skill instead.`,
          '---',
          prompt.system,
          '---',
          prompt.user,
        ].join('\n\n');
        return toolSuccess({ skill: skill.id, mode, context: context?.name ?? null, instructions: { system: prompt.system, prompt: prompt.user }, contract_problems: [] }, text);
      }

      const engine = await session.engine();
      const result = await runSkill(
        engine,
        skills,
        skill,
        { request, ...(contextName !== undefined && { context: contextName }), executor: mode },
        { follow: (start) => followRun({ engine, session, extra }, start) },
      );
      return skillRunResult(engine, mode, result);
    }),
  );
}
