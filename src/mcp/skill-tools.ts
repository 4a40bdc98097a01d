import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { summary } from '../routing/explain-route.js';
import { SKILL_CATEGORIES, type Skill } from '../skills/index.js';
import type { McpServices } from './mcp-services.js';
import { registerRunSkillTool } from './run-skill-tool.js';
import type { SessionEngine } from './session-engine.js';
import { guarded, toolSuccess } from './tool-result.js';

const CATEGORIES = [...SKILL_CATEGORIES, 'general'] as const;

const skillSummarySchema = z.object({
  id: z.string().describe('Skill id, for get_skill and run_skill'),
  name: z.string(),
  category: z.enum(CATEGORIES),
  description: z.string().describe('What the skill does and when to use it'),
  requires_context: z.boolean().describe('Whether the skill works from the marketing context'),
  output: z.string().optional().describe('What the skill produces'),
  uri: z.string().describe('Resource with the full SKILL.md'),
});

const skillDetailSchema = skillSummarySchema.extend({
  triggers: z.array(z.string()).describe('Requests this skill is meant for'),
  not: z.array(z.object({ when: z.string(), use: z.string() })).describe('Near misses and the skill that handles them instead'),
  tools: z.array(z.string()).describe('Ops toolkit tools the skill uses'),
  contract: z
    .object({ sections: z.array(z.string()), limits: z.array(z.object({ section: z.string(), limit: z.string() })) })
    .optional()
    .describe('Headings the output must have and channel limits it must respect'),
  instructions: z.string().describe("The skill's instructions (SKILL.md body)"),
});

export const skillUri = (id: string): string => `skill://${id}/SKILL.md`;

function skillSummary(skill: Skill): z.infer<typeof skillSummarySchema> {
  return {
    id: skill.id,
    name: skill.name,
    category: skill.metadata.category,
    description: skill.description,
    requires_context: skill.metadata.requires_context,
    ...(skill.metadata.output !== undefined && { output: skill.metadata.output }),
    uri: skillUri(skill.id),
  };
}

/** `list_skills`, `get_skill` and `run_skill`. */
export function registerSkillTools(server: McpServer, deps: McpServices, session: SessionEngine): void {
  server.registerTool(
    'list_skills',
    {
      title: 'List marketing skills',
      description:
        'Lists the marketing skills this server offers (copywriting, SEO, paid ads, cold email, analytics, marketing ops...), grouped by category, each with a one-line description. Use it to show the user what is available or to pick a skill yourself; for a request in plain words, route_request picks for you. Returns id, category, description and whether the skill needs the marketing context.',
      inputSchema: {
        category: z.enum(CATEGORIES).optional().describe('Only skills of this category'),
      },
      outputSchema: { skills: z.array(skillSummarySchema) },
      annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
    },
    guarded(async ({ category }) => {
      const { skills } = await deps.catalog.get();
      const list = skills.list().filter((skill) => !category || skill.metadata.category === category);
      const lines = list.map((skill) => `- **${skill.id}** (${skill.metadata.category}): ${summary(skill.description)}`);
      const text = list.length ? `${list.length} skills:\n${lines.join('\n')}` : `No skills in category "${category}".`;
      return toolSuccess({ skills: list.map(skillSummary) }, text);
    }),
  );

  server.registerTool(
    'get_skill',
    {
      title: 'Read a skill',
      description:
        "Returns one skill in full: its instructions (the SKILL.md body), what it needs, what it outputs, its output contract and the near-miss requests that belong to other skills. Call it when you will carry out a skill yourself or want to explain it; to have the server run it with the marketing context, call run_skill instead.",
      inputSchema: { skill: z.string().min(1).describe('Skill id, e.g. "copywriting" (list_skills shows them all)') },
      outputSchema: skillDetailSchema.shape,
      annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
    },
    guarded(async ({ skill: id }) => {
      const { skills } = await deps.catalog.get();
      const skill = skills.require(id);
      const detail = {
        ...skillSummary(skill),
        triggers: skill.metadata.triggers,
        not: skill.metadata.not,
        tools: skill.metadata.tools,
        ...(skill.metadata.contract && { contract: skill.metadata.contract }),
        instructions: skill.body,
      };
      return toolSuccess(detail, `# ${skill.name} (${skill.id})\n\n${skill.description}\n\n${skill.body}`);
    }),
  );

  registerRunSkillTool(server, deps, session);
}
