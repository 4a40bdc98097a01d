import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Playbook } from '../playbooks/index.js';
import { RouteResultSchema, type RouteResult } from '../routing/index.js';
import type { McpServices } from './mcp-services.js';
import { guarded, toolSuccess } from './tool-result.js';

/** A tool call the client can make next, with its exact arguments. */
export const SuggestedCallSchema = z.object({
  tool: z.string().describe('Tool to call'),
  arguments: z.record(z.string(), z.unknown()).describe('Arguments to pass as they are (fill in the required inputs listed, if any)'),
  why: z.string().describe('What the call does'),
  required_inputs: z
    .array(z.object({ name: z.string(), type: z.string(), description: z.string() }))
    .optional()
    .describe('Playbook inputs the call still needs; ask the user for them and put them under arguments.inputs'),
});
export type SuggestedCall = z.infer<typeof SuggestedCallSchema>;

const routeOutput = RouteResultSchema.extend({
  next: z.array(SuggestedCallSchema).describe('Calls to make next, best first; empty when the request is out of scope'),
});

/** The calls that act on a routing decision: run or read the skill, or plan the campaign. */
export function suggestNextCalls(result: RouteResult, request: string, playbooks: readonly Playbook[]): SuggestedCall[] {
  const match = result.match;
  if (!match) return [];
  if (match.type === 'skill') {
    return [
      { tool: 'run_skill', arguments: { skill: match.id, request }, why: `Carry out the request with the ${match.id} skill and the marketing context` },
      { tool: 'get_skill', arguments: { skill: match.id }, why: `Read the ${match.id} instructions first` },
    ];
  }
  const playbook = playbooks.find((candidate) => candidate.id === match.id);
  const required = Object.entries(playbook?.inputs ?? {})
    .filter(([, input]) => input.required && input.default === undefined)
    .map(([name, input]) => ({ name, type: input.type, description: input.description }));
  return [
    {
      tool: 'plan_campaign',
      arguments: { playbook: match.id, inputs: {} },
      why: `Preview the ${match.id} campaign: its steps, owners and whether the marketing context is ready`,
      ...(required.length > 0 && { required_inputs: required }),
    },
  ];
}

function routeText(result: RouteResult, next: SuggestedCall[]): string {
  const confidence = `${Math.round(result.confidence * 100)}%`;
  if (!result.match) {
    return `Not a marketing task I can route (${confidence} sure): ${result.reason}.`;
  }
  const lines = [`Route: ${result.match.type} **${result.match.id}** (confidence ${confidence}) - ${result.reason}.`];
  if (result.question) lines.push(`Ask the user first: ${result.question}`);
  if (result.alternatives.length > 0) {
    lines.push(`Alternatives: ${result.alternatives.map((a) => `${a.id} (${Math.round(a.score * 100)}%)`).join(', ')}.`);
  }
  const [first] = next;
  if (first) {
    const inputs = first.required_inputs?.length ? ` after asking for ${first.required_inputs.map((i) => i.name).join(', ')}` : '';
    lines.push(`Next: call \`${first.tool}\` with ${JSON.stringify(first.arguments)}${inputs}.`);
  }
  return lines.join('\n');
}

/** `route_request`: the front door of the server. */
export function registerRoutingTools(server: McpServer, deps: McpServices): void {
  server.registerTool(
    'route_request',
    {
      title: 'Route a marketing request',
      description:
        'Decides which skill (e.g. copywriting, paid-ads, cold-email) or whole-campaign playbook (e.g. product-launch) should handle a marketing request written in plain words. Call it first when the user asks for marketing work and you are unsure which skill fits. Returns the match with a calibrated confidence, alternatives, the reason, a clarifying question when the request is ambiguous, and `next`: the exact tool call to make (run_skill for a skill, plan_campaign for a playbook). A null match means the request is not a marketing task.',
      inputSchema: {
        request: z.string().trim().min(1).describe("The user's request, in their own words"),
        use_model: z
          .boolean()
          .optional()
          .describe('Let the server model (MOPS_MODEL) settle a low-confidence decision among the top candidates. Default false: offline routing only'),
      },
      outputSchema: routeOutput.shape,
      annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
    },
    guarded(async ({ request, use_model }, extra) => {
      const { router, playbooks } = await deps.catalog.get();
      let result = router.route(request);
      if (use_model) result = await (await import('../routing/settle-with-model.js')).settleWithModel(request, result, router, { env: deps.env, abortSignal: extra.signal });
      const next = suggestNextCalls(result, request, playbooks);
      return toolSuccess({ ...result, next }, routeText(result, next));
    }),
  );
}
