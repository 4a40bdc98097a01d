import { jsonSchema, tool, type ToolSet } from 'ai';
import { z } from 'zod';
import { isMopsError } from '../errors/index.js';
import { agentToolDefinitions, HANDOFF_TOOL, type AgentToolbox, type AgentToolDefinition } from './agent-tool-catalog.js';

/** A handoff the agent asked for with `handoff_to_skill`. */
export interface AgentHandoff {
  to: string;
  reason: string;
}

export interface AgentTools {
  /** The AI SDK tools for `generateText({ tools })`. */
  tools: ToolSet;
  /** The handoff the agent made during the loop, if any (the first valid one). */
  handoff(): AgentHandoff | undefined;
  /** A failure to record a call in the run store; the attempt must not pass over it. */
  recordingError(): unknown;
}

/**
 * The skill's declared tools plus `handoff_to_skill`, as AI SDK tools over the same
 * definitions the prompts describe. Inputs reach each tool unvalidated by the SDK and
 * are checked by the tool itself, so a bad call gets a field-path message back (the
 * model can correct it) and is recorded like any other. Every call is stored with its
 * input, result, start time and duration.
 */
export function createAgentTools(box: AgentToolbox): AgentTools {
  const clock = box.clock ?? (() => new Date());
  let handoff: AgentHandoff | undefined;
  let recordingError: unknown;
  const tools: ToolSet = {};
  for (const definition of agentToolDefinitions(box.names, { handoff: true })) {
    tools[definition.name] = tool({
      description: definition.description,
      inputSchema: jsonSchema<unknown>(() => toJsonSchema(definition)),
      execute: async (input: unknown) => {
        const started = clock();
        let result: unknown;
        try {
          result = await definition.run(input, box);
        } catch (error) {
          if (!isMopsError(error)) throw error;
          result = { error: error.message };
        }
        if (definition.name === HANDOFF_TOOL && !handoff && isAccepted(result)) handoff = { to: result.skill, reason: result.reason };
        try {
          await box.record({
            name: definition.name,
            input,
            result,
            startedAt: started.toISOString(),
            durationMs: Math.max(0, clock().getTime() - started.getTime()),
          });
        } catch (error) {
          recordingError ??= error;
        }
        return result;
      },
    });
  }
  return { tools, handoff: () => handoff, recordingError: () => recordingError };
}

function isAccepted(result: unknown): result is { accepted: true; skill: string; reason: string } {
  return typeof result === 'object' && result !== null && (result as { accepted?: unknown }).accepted === true;
}

type JsonSchemaObject = Parameters<typeof jsonSchema>[0] extends infer S ? Exclude<S, () => unknown> : never;

/** The input's JSON Schema as a model sees it (the shape callers send, before defaults). */
function toJsonSchema(definition: AgentToolDefinition): JsonSchemaObject {
  return z.toJSONSchema(definition.inputSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as JsonSchemaObject;
}
