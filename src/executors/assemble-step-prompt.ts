import { agentToolDefinitions, HANDOFF_TOOL } from './agent-tool-catalog.js';
import { getChannelLimit } from '../ops/channel-limits.js';
import { HANDOFF_MARKER_EXAMPLE } from './handoff-marker.js';
import type { ToolAccess } from './step-executor.js';

/**
 * Builds the prompt for one skill step. Pure: the same inputs give the same text, and
 * the handoff executor hands out exactly this text, so a person or a chat client sees
 * what a model would have seen.
 */

export interface PromptSkill {
  id: string;
  name: string;
  body: string;
  metadata: {
    output?: string;
    contract?: { sections: readonly string[]; limits?: readonly { section: string; limit: string }[] };
    /** The matrix's "Not This" rules: near misses and the skill they belong to. */
    not?: readonly { when: string; use: string }[];
    /** Tools the skill may call (ops toolkit names, `read_context`, `read_step_output`). */
    tools?: readonly string[];
  };
}

export interface PromptDependency {
  stepId: string;
  name: string;
  /** The skill, gate tool or approval that produced it, for the heading. */
  source?: string;
  output: string;
}

export interface StepPromptInput {
  skill: PromptSkill;
  campaign: { id: string; name: string };
  step: { id: string; name?: string; description?: string };
  /** The step's `with:` values after template rendering, in file order. */
  inputs: Record<string, string>;
  /** Outputs of the steps this step needs, in plan order. */
  dependencies: readonly PromptDependency[];
  /** The marketing context as Markdown (already narrowed to the sections wanted), if any. */
  context?: { name: string; markdown: string };
  /**
   * How the model doing the step reaches the skill's tools; decides the "Tools" and
   * "another skill" sections. Absent: neither section (the prompt as a plain document).
   */
  toolAccess?: ToolAccess;
}

export interface StepPrompt {
  /** The skill's instructions plus the output format reminder. */
  system: string;
  /** Campaign, step goal, context, inputs and earlier outputs. */
  user: string;
}

export function assembleStepPrompt(input: StepPromptInput): StepPrompt {
  return { system: buildSystem(input), user: buildUser(input) };
}

function buildSystem({ skill, campaign, step, toolAccess }: StepPromptInput): string {
  const parts = [
    `You are carrying out the "${skill.name}" skill (${skill.id}) for step "${stepLabel(step)}" of the campaign "${campaign.name}". Follow the skill's instructions below.`,
    skill.body.trim(),
  ];
  if (toolAccess) {
    const tools = toolsSection(skill, toolAccess);
    if (tools) parts.push(tools);
    const handoff = handoffSection(skill, toolAccess);
    if (handoff) parts.push(handoff);
  }
  const reminder = ['## Output format reminder', 'Answer in Markdown with the finished deliverable only: no preamble, no closing remarks.'];
  const sections = skill.metadata.contract?.sections ?? [];
  if (sections.length > 0) {
    reminder.push(`Use exactly these \`##\` headings, in this order: ${sections.map((s) => `"${s}"`).join(', ')}.`);
  }
  for (const { section, limit } of skill.metadata.contract?.limits ?? []) reminder.push(describeLimit(section, limit));
  if (skill.metadata.output) reminder.push(`Expected output: ${skill.metadata.output}.`);
  reminder.push('When an input is missing and nobody can be asked, state the assumption you made in the output.');
  parts.push(reminder.join('\n'));
  return parts.join('\n\n');
}

function buildUser({ campaign, step, inputs, dependencies, context }: StepPromptInput): string {
  const renderedInputs = Object.values(inputs);
  const parts = [`# Campaign: ${campaign.name} (${campaign.id})`, `## This step: ${stepLabel(step)}`];
  if (step.description?.trim()) parts.push(step.description.trim());

  const entries = Object.entries(inputs);
  if (entries.length > 0) {
    parts.push('## Inputs for this step');
    for (const [key, value] of entries) parts.push(`### ${key}\n\n${value.trim() || '(empty)'}`);
  }

  // An earlier output already quoted in full by a `with:` value is not repeated.
  const pending = dependencies.filter((dep) => !renderedInputs.some((value) => dep.output.trim() !== '' && value.includes(dep.output.trim())));
  if (pending.length > 0) {
    parts.push('## Outputs of earlier steps');
    for (const dep of pending) {
      const source = dep.source ? `, ${dep.source}` : '';
      parts.push(`### ${dep.name} (step \`${dep.stepId}\`${source})\n\n${dep.output.trim()}`);
    }
  }

  if (!context) {
    parts.push('## Marketing context\n\nNo marketing context was provided for this run. Say which facts you had to assume.');
  } else if (!renderedInputs.some((value) => value.includes(context.markdown.trim()))) {
    parts.push(`## Marketing context (${context.name})\n\n${demoteHeadings(context.markdown.trim())}`);
  }
  return parts.join('\n\n') + '\n';
}

function toolsSection(skill: PromptSkill, access: ToolAccess): string | undefined {
  const declared = agentToolDefinitions(skill.metadata.tools ?? [], { handoff: false });
  if (access === 'none') {
    if (declared.length === 0) return undefined;
    return [
      '## Tools',
      `This skill normally uses tools (${declared.map((t) => `\`${t.name}\``).join(', ')}), but none can be called here: this model is reached without tool calling (MCP sampling, for one, carries no tools). ` +
        'The marketing context and the earlier outputs you need are in the material below; check lengths, links and required fields yourself against the limits stated.',
    ].join('\n');
  }
  if (access === 'mcp') {
    if (declared.length === 0) return undefined;
    return [
      '## Tools',
      "This server's MCP tools can do the checks and lookups of this skill for you; call them before you submit:",
      ...declared.map((t) => `- ${t.mcp}: ${firstSentence(t.description)}`),
    ].join('\n');
  }
  return [
    '## Tools',
    'You can call these tools while you work. Use them instead of guessing (check lengths, build and validate links, read the context or an earlier output), then answer with the deliverable itself:',
    ...declared.map((t) => `- \`${t.name}\`: ${firstSentence(t.description)}`),
    `- \`${HANDOFF_TOOL}\`: hands the request to another skill (see below).`,
  ].join('\n');
}

function handoffSection(skill: PromptSkill, access: ToolAccess): string {
  const rules = skill.metadata.not ?? [];
  const lines = ['## When the request belongs to another skill'];
  if (rules.length > 0) {
    lines.push('These requests look like this skill\'s work but belong to another skill:', ...rules.map((rule) => `- ${rule.when} → \`${rule.use}\``));
  } else {
    lines.push('Some requests look like this skill\'s work but are plainly another skill\'s job.');
  }
  const how =
    access === 'agent'
      ? `If this step's request is one of them, do not write the deliverable: call \`${HANDOFF_TOOL}\` with the skill id and a one-sentence reason, and stop. (If you cannot call tools, answer with this one line instead: \`${HANDOFF_MARKER_EXAMPLE}\`.)`
      : `If this step's request is one of them, do not write the deliverable: answer with this one line instead: \`${HANDOFF_MARKER_EXAMPLE}\`.`;
  lines.push(how, 'Only hand off when the request clearly matches such a case; otherwise do the work.');
  return lines.join('\n');
}

/** One contract limit as a sentence the model can follow; the same ids `checkOutputContract` enforces. */
function describeLimit(section: string, limitId: string): string {
  if (limitId === 'utm-links') return `Every link under "${section}" carries lowercase utm_source, utm_medium and utm_campaign.`;
  if (limitId === 'brief-fields') {
    return `"${section}" names every brief field: objective, audience, key message, call to action, success metric, deadline and format specs.`;
  }
  const limit = getChannelLimit(limitId);
  if (!limit) return `"${section}" follows the "${limitId}" limit.`;
  const count = limit.maxCount !== undefined ? `, and at most ${limit.maxCount} items` : '';
  return `Each list item under "${section}" is a ${limit.label} of at most ${limit.maxChars} characters (an emoji counts as one)${count}.`;
}

function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text.trim());
  return match?.[1] ?? text.trim();
}

function stepLabel(step: StepPromptInput['step']): string {
  return step.name ? `${step.name} (${step.id})` : step.id;
}

let lastDemoted: { source: string; result: string } | undefined;

/**
 * Nests the context's own headings under ours (`#` → `###`), so the prompt keeps one
 * outline. Every step of a run passes the same context text, so the last result is kept.
 */
function demoteHeadings(markdown: string): string {
  if (lastDemoted?.source === markdown) return lastDemoted.result;
  const result = markdown.replace(/^(#{1,4}) /gm, (_match, hashes: string) => `${hashes}## `);
  lastDemoted = { source: markdown, result };
  return result;
}
