import { z } from 'zod';
import { contextToMarkdown, matchSectionHeading, SECTION_IDS, type MarketingContext, type SectionId } from '../context/index.js';
import { MopsError } from '../errors/index.js';
import { getOpsTool } from '../ops/ops-registry.js';
import { parseToolInput } from '../ops/shared/parse-tool-input.js';

/**
 * The tools a skill's agent may call, as plain definitions: the ops toolkit (by its MCP
 * names), the read-only project tools `read_context` and `read_step_output`, and
 * `handoff_to_skill`. Free of the AI SDK, so prompts can describe the tools without
 * loading it; `createAgentTools` (agent-tools.ts) turns these into AI SDK tools.
 */

export const READ_CONTEXT_TOOL = 'read_context';
export const READ_STEP_OUTPUT_TOOL = 'read_step_output';
export const HANDOFF_TOOL = 'handoff_to_skill';

/** One tool call as the run store records it. */
export interface AgentToolCall {
  name: string;
  input: unknown;
  result: unknown;
  startedAt: string;
  durationMs: number;
}

/** What a step's tools work with. The engine builds one per attempt. */
export interface AgentToolbox {
  /** The tools the skill declares (`metadata.tools`); names nobody knows are left out (the linter reports them). */
  names: readonly string[];
  /** The skill the step runs; a handoff must name another one. */
  skillId: string;
  /** Installed skills a handoff may name. */
  skillIds: readonly string[];
  /** The run's marketing context, when it has one. */
  context?: { name: string; context: MarketingContext };
  /** Earlier steps of this run that are done: step id → name and output. */
  steps: Readonly<Record<string, { name: string; output: string }>>;
  /** Stores one call (name, input, result, timing) in the run store. */
  record(call: AgentToolCall): Promise<void>;
  /** @default () => new Date() */
  clock?: () => Date;
}

export interface AgentToolDefinition {
  name: string;
  description: string;
  inputSchema: z.ZodObject;
  /** How a chat client in handoff mode reaches the same thing over this server's MCP surface. */
  mcp: string;
  /** Validates the input (INVALID_INPUT with field paths) and computes the result. */
  run(input: unknown, box: AgentToolbox): unknown;
}

const readContextInput = z.strictObject({
  section: z
    .string()
    .optional()
    .describe(`One section, by id (${SECTION_IDS.join(', ')}) or heading; leave out for the whole context`),
});

const readContextTool: AgentToolDefinition = {
  name: READ_CONTEXT_TOOL,
  description:
    "Reads the run's marketing context: one section (product, audience, personas, pains, competitors, differentiation, objections, customer-language, brand-voice, proof-points, goals) or the whole document, as Markdown.",
  inputSchema: readContextInput,
  mcp: 'the `context://<name>` resource (list_contexts names them)',
  run(input, box) {
    const { section } = parseToolInput(readContextInput, input, READ_CONTEXT_TOOL);
    if (!box.context) {
      throw new MopsError('NOT_FOUND', 'This run has no marketing context. Work from the step inputs and say which facts you assumed.');
    }
    let only: SectionId | undefined;
    if (section !== undefined && section.trim() !== '') {
      only = (SECTION_IDS as readonly string[]).includes(section.trim()) ? (section.trim() as SectionId) : matchSectionHeading(section);
      if (!only) {
        throw new MopsError('INVALID_INPUT', `read_context: unknown section "${section}". Expected one of: ${SECTION_IDS.join(', ')}; or leave it out for the whole context.`);
      }
    }
    return {
      context: box.context.name,
      section: only ?? null,
      markdown: contextToMarkdown(box.context.context, only ? [only] : undefined),
    };
  },
};

const readStepOutputInput = z.strictObject({
  step: z.string().min(1).describe('The id of an earlier step of this run'),
});

const readStepOutputTool: AgentToolDefinition = {
  name: READ_STEP_OUTPUT_TOOL,
  description: "Reads the full output of an earlier step of this run, by step id (the ids are listed under the earlier steps' outputs in the prompt).",
  inputSchema: readStepOutputInput,
  mcp: '`get_run` (every finished step\'s output, by run id)',
  run(input, box) {
    const { step } = parseToolInput(readStepOutputInput, input, READ_STEP_OUTPUT_TOOL);
    const found = box.steps[step];
    if (!found) {
      const done = Object.keys(box.steps);
      throw new MopsError(
        'NOT_FOUND',
        `read_step_output: no finished step "${step}" in this run. ${done.length ? `Finished steps: ${done.join(', ')}.` : 'No earlier step has finished.'}`,
      );
    }
    return { step, name: found.name, output: found.output };
  },
};

const handoffInput = z.strictObject({
  skill: z.string().min(1).describe('The id of the skill that should handle this request instead'),
  reason: z.string().trim().min(3).describe('One sentence: why the request belongs to that skill'),
});

const handoffTool: AgentToolDefinition = {
  name: HANDOFF_TOOL,
  description:
    'Hands the request to another skill when it is not this skill\'s job (see "When the request belongs to another skill"). Give the skill id and a one-sentence reason, then stop: do not write the deliverable.',
  inputSchema: handoffInput,
  mcp: 'no tool: say so in your answer (see below)',
  run(input, box) {
    const { skill, reason } = parseToolInput(handoffInput, input, HANDOFF_TOOL);
    checkHandoffTarget(skill, box.skillId, box.skillIds);
    return { accepted: true, skill, reason, next: 'Handoff recorded. Stop now; do not write the deliverable.' };
  },
};

/** Throws INVALID_INPUT unless `target` is an installed skill other than the current one. */
export function checkHandoffTarget(target: string, current: string, skillIds: readonly string[]): void {
  if (target === current) {
    throw new MopsError('INVALID_INPUT', `handoff_to_skill: "${target}" is the skill already running this step; name another skill, or do the work.`);
  }
  if (!skillIds.includes(target)) {
    throw new MopsError('INVALID_INPUT', `handoff_to_skill: unknown skill "${target}". Installed skills: ${skillIds.join(', ')}.`);
  }
}

const PROJECT_TOOLS = new Map([readContextTool, readStepOutputTool].map((tool) => [tool.name, tool]));

/** The definition of a declared tool name, or undefined for a name nobody knows. */
export function agentToolDefinition(name: string): AgentToolDefinition | undefined {
  const project = PROJECT_TOOLS.get(name);
  if (project) return project;
  const ops = getOpsTool(name);
  if (!ops) return undefined;
  return {
    name: ops.name,
    description: ops.description,
    inputSchema: ops.inputSchema,
    mcp: `\`${ops.name}\``,
    run: (input, box) => ops.run(input, { now: box.clock ?? (() => new Date()) }),
  };
}

/** The declared tools that exist, in declaration order, plus `handoff_to_skill` when asked for. */
export function agentToolDefinitions(names: readonly string[], options: { handoff: boolean }): AgentToolDefinition[] {
  const seen = new Set<string>();
  const tools: AgentToolDefinition[] = [];
  for (const name of names) {
    const definition = seen.has(name) ? undefined : agentToolDefinition(name);
    seen.add(name);
    if (definition) tools.push(definition);
  }
  if (options.handoff) tools.push(handoffTool);
  return tools;
}
