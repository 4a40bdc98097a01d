/**
 * Builds the prompt for one skill step. Pure: the same inputs give the same text, and
 * the handoff executor hands out exactly this text, so a person or a chat client sees
 * what a model would have seen.
 */

export interface PromptSkill {
  id: string;
  name: string;
  body: string;
  metadata: { output?: string; contract?: { sections: readonly string[] } };
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

function buildSystem({ skill, campaign, step }: StepPromptInput): string {
  const parts = [
    `You are carrying out the "${skill.name}" skill (${skill.id}) for step "${stepLabel(step)}" of the campaign "${campaign.name}". Follow the skill's instructions below.`,
    skill.body.trim(),
  ];
  const reminder = ['## Output format reminder', 'Answer in Markdown with the finished deliverable only: no preamble, no closing remarks.'];
  const sections = skill.metadata.contract?.sections ?? [];
  if (sections.length > 0) {
    reminder.push(`Use exactly these \`##\` headings, in this order: ${sections.map((s) => `"${s}"`).join(', ')}.`);
  }
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
