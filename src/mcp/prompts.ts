import type { McpServer, RegisteredPrompt } from '@modelcontextprotocol/sdk/server/mcp.js';
import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { listContexts } from '../context/index.js';
import type { Playbook } from '../playbooks/index.js';
import type { Skill } from '../skills/index.js';
import { completeFrom } from './complete-from.js';
import type { McpServices } from './mcp-services.js';
import type { CatalogSnapshot } from './project-catalog.js';

/** A playbook prompt takes the name of its playbook unless a skill already has it. */
export function playbookPromptName(playbook: Pick<Playbook, 'id'>, skillIds: readonly string[]): string {
  return skillIds.includes(playbook.id) ? `playbook-${playbook.id}` : playbook.id;
}

const userText = (text: string): GetPromptResult['messages'][number] => ({ role: 'user', content: { type: 'text', text } });

function skillPromptText(skill: Skill, request: string, context: string | undefined): string {
  const contextLine = skill.metadata.requires_context
    ? `Work from the marketing context${context ? ` "${context}"` : ''} (resource ${context ? `context://${context}` : 'listed by list_contexts'}); if a fact is missing, say what you assumed.`
    : 'This skill does not need the marketing context.';
  return [
    `Use the **${skill.name}** skill (${skill.id}) for this request:`,
    `> ${request.trim().replace(/\n/g, '\n> ')}`,
    contextLine,
    `You can call \`run_skill\` with {"skill": "${skill.id}", "request": ..., ${context ? `"context": "${context}"` : '"context": <name>'}} to have the server assemble the full prompt with the context, or follow the instructions below yourself.`,
    '---',
    skill.body.trim(),
  ].join('\n\n');
}

function playbookPromptText(playbook: Playbook, inputs: Record<string, string>, context: string | undefined): string {
  const args = { playbook: playbook.id, inputs, ...(context && { context }) };
  const steps = playbook.steps.map((step, index) => {
    const what = step.type === 'skill' ? step.skill : step.type === 'gate' ? `QA gate ${step.tool}` : `approval by ${step.approver}`;
    return `${index + 1}. ${step.name ?? step.id} (${what})`;
  });
  return [
    `Run the **${playbook.name}** campaign (${playbook.id}).`,
    playbook.description.trim(),
    `Steps:\n${steps.join('\n')}`,
    `First call \`plan_campaign\` with ${JSON.stringify(args)} and show me the plan. If the context is not ready, call \`check_context\`. ` +
      'Then call `start_campaign` with the same arguments. When a step waits for output, produce it by following its instructions and call `submit_step_output`; repeat until the run is done.',
  ].join('\n\n');
}

/**
 * One prompt per skill (argument `request`, completed from the skill's triggers) and one
 * per playbook (one argument per playbook input). Re-registered whenever the catalog
 * reloads, so clients get a prompts list_changed notification. Returns the unsubscribe.
 */
export function registerPrompts(server: McpServer, deps: McpServices, snapshot: CatalogSnapshot): () => void {
  let registered: RegisteredPrompt[] = [];
  const completeContext = completeFrom(() => listContexts(deps.paths.contextDir));
  const contextArg = () =>
    completable(z.string().optional().describe('Marketing context name (default: MOPS_CONTEXT or the only one)'), completeContext);

  const sync = ({ skills, playbooks }: CatalogSnapshot): void => {
    for (const prompt of registered) prompt.remove();
    registered = [];
    for (const skill of skills.list()) {
      const triggers = skill.metadata.triggers;
      registered.push(
        server.registerPrompt(
          skill.id,
          {
            title: skill.name,
            description: skill.description,
            argsSchema: {
              request: completable(z.string().describe('What you want done, in your own words'), completeFrom(() => triggers)),
              context: contextArg(),
            },
          },
          ({ request, context }) => ({
            description: `${skill.name} for: ${request}`,
            messages: [userText(skillPromptText(skill, request, context))],
          }),
        ),
      );
    }
    const skillIds = skills.ids();
    for (const playbook of playbooks) {
      const shape: Record<string, z.ZodType<string | undefined>> = {};
      for (const [name, input] of Object.entries(playbook.inputs)) {
        const hint = input.default !== undefined ? ` (default: ${JSON.stringify(input.default)})` : '';
        const base = z.string().describe(`${input.description}${hint}`);
        const field = input.required && input.default === undefined ? base : base.optional();
        shape[name] = input.enum ? completable(field, completeFrom(() => input.enum!.map(String))) : field;
      }
      // A playbook input that happens to be called `context` keeps its meaning.
      if (!('context' in shape)) shape.context = contextArg();
      registered.push(
        server.registerPrompt(
          playbookPromptName(playbook, skillIds),
          { title: playbook.name, description: playbook.description, argsSchema: shape },
          (args: Record<string, string | undefined>) => {
            const contextIsInput = 'context' in playbook.inputs;
            const context = contextIsInput ? undefined : args.context;
            const inputs = Object.fromEntries(
              Object.entries(args).filter(
                (entry): entry is [string, string] => (contextIsInput || entry[0] !== 'context') && entry[1] !== undefined && entry[1] !== '',
              ),
            );
            return { description: `${playbook.name} campaign`, messages: [userText(playbookPromptText(playbook, inputs, context))] };
          },
        ),
      );
    }
  };

  sync(snapshot);
  return deps.catalog.subscribe(sync);
}
