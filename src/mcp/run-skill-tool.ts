import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { contextToMarkdown, listContexts, loadContext, type MarketingContext } from '../context/index.js';
import { checkOutputContract } from '../engine/index.js';
import {
  SamplingExecutor,
  assembleStepPrompt,
  createExecutorFromEnv,
  type StepExecutor,
  type StepPrompt,
} from '../executors/index.js';
import type { Skill } from '../skills/index.js';
import { createClientSampler } from './client-sampling.js';
import { contextNameField } from './input-fields.js';
import type { McpServices } from './mcp-services.js';
import { EXECUTOR_CHOICES, type SessionEngine } from './session-engine.js';
import { guarded, toolSuccess } from './tool-result.js';

const runSkillOutput = {
  skill: z.string(),
  mode: z.enum(['openai', 'sampling', 'handoff']).describe('Who produced the text: the server model, your model through sampling, or nobody yet (handoff: you follow the instructions)'),
  context: z.string().nullable().describe('The marketing context used, or null when none exists'),
  output: z.string().optional().describe('The finished deliverable (openai and sampling modes)'),
  instructions: z
    .object({ system: z.string(), prompt: z.string() })
    .optional()
    .describe('Handoff mode: the skill instructions (system) and the material (prompt) to produce the deliverable from'),
  contract_problems: z.array(z.string()).describe("Where the output misses the skill's required sections or channel limits"),
  usage: z.object({ inputTokens: z.number().optional(), outputTokens: z.number().optional() }).optional(),
};

/** The context for a skill: the one named, else the default one, else none at all. */
async function skillContext(deps: McpServices, skill: Skill, name: string | undefined): Promise<MarketingContext | undefined> {
  if (!skill.metadata.requires_context && name === undefined) return undefined;
  const options = { contextDir: deps.paths.contextDir, env: deps.env, cwd: deps.cwd };
  if (name === undefined && !deps.env.MOPS_CONTEXT && (await listContexts(deps.paths.contextDir)).length === 0) return undefined;
  return loadContext(name, options);
}

function skillPrompt(skill: Skill, request: string, context: MarketingContext | undefined): StepPrompt {
  return assembleStepPrompt({
    skill,
    campaign: { id: 'one-off', name: `One-off request (${skill.name})` },
    step: { id: skill.id, name: skill.name },
    inputs: { request },
    dependencies: [],
    ...(context && { context: { name: context.name, markdown: contextToMarkdown(context) } }),
  });
}

/** `run_skill`: one skill on one request, with the marketing context. */
export function registerRunSkillTool(server: McpServer, deps: McpServices, session: SessionEngine): void {
  server.registerTool(
    'run_skill',
    {
      title: 'Run a marketing skill',
      description:
        'Carries out one skill (e.g. copywriting, cold-email, paid-ads) on a request, with the marketing context built into the prompt. The text comes from the server model when MOPS_MODEL is set, else from your own model through sampling when your client offers it, else the call returns the assembled instructions (mode "handoff") for you to follow and answer the user with. Use route_request first when unsure which skill fits. Returns the deliverable (or the instructions) and any breaches of the skill\'s output contract.',
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
      const context = await skillContext(deps, skill, contextName);
      const prompt = skillPrompt(skill, request, context);
      const mode = session.executorFor(executor);
      const base = { skill: skill.id, mode, context: context?.name ?? null };

      if (mode === 'handoff') {
        const text = [
          `Handoff: no model on the server. Produce the ${skill.name} deliverable yourself by following these instructions, then answer the user with it.`,
          '---',
          prompt.system,
          '---',
          prompt.user,
        ].join('\n\n');
        return toolSuccess({ ...base, instructions: { system: prompt.system, prompt: prompt.user }, contract_problems: [] }, text);
      }

      const stepExecutor: StepExecutor =
        mode === 'openai'
          ? createExecutorFromEnv(deps.env, 'openai')
          : new SamplingExecutor(createClientSampler(server, { relatedRequestId: extra.requestId }));
      const result = await stepExecutor.execute(
        { runId: 'one-off', stepId: skill.id, attempt: 1, skillId: skill.id, prompt },
        { signal: extra.signal },
      );
      if (result.status === 'waiting') {
        return toolSuccess({ ...base, mode: 'handoff' as const, instructions: { system: prompt.system, prompt: prompt.user }, contract_problems: [] }, result.instructions);
      }
      const problems = checkOutputContract(result.output, skill.metadata.contract);
      const note = problems.length ? `\n\n---\nOutput contract: ${problems.join(' ')}` : '';
      return toolSuccess(
        { ...base, output: result.output, contract_problems: problems, ...(result.usage && { usage: result.usage }) },
        `${result.output}${note}`,
      );
    }),
  );
}
