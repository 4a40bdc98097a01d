import type { z } from 'zod';
import type { RunRecordForHealth } from './health/run-record-for-health.js';
import { parseToolInput } from './shared/parse-tool-input.js';

/**
 * Services a tool may need from outside. Every ops tool is pure except `workflow_health`,
 * which reads run records through `listRunRecords` when the caller does not pass `runs`.
 */
export interface OpsDeps {
  /** Lists the run records of the run store (the engine provides this). */
  listRunRecords?: () => readonly RunRecordForHealth[] | Promise<readonly RunRecordForHealth[]>;
  /** The clock used when an input has no explicit date (`today`, `now`). @default () => new Date() */
  now?: () => Date;
}

/** MCP tool annotations; every ops tool only reads its input and computes. */
export interface OpsToolAnnotations {
  readOnlyHint: boolean;
  idempotentHint: boolean;
  destructiveHint: boolean;
  openWorldHint: boolean;
}

/**
 * Tells a shell (CLI, MCP client helper) that one input field can be filled from a file:
 * read the file as text into `field` and put its name into `sourceField`, so every
 * problem is reported as `file:line: message`.
 */
export interface OpsFileInput {
  /** Input field that takes the file's text (e.g. `csv`, `text`). */
  field: string;
  /** Input field that takes the file name for messages (e.g. `source`). */
  sourceField: string;
  /** File formats the field understands. */
  formats: readonly ('csv' | 'yaml' | 'json' | 'markdown')[];
}

/** A worked example: an input that runs cleanly, shown in help and checked by tests. */
export interface OpsToolExample {
  title: string;
  input: Record<string, unknown>;
}

export interface OpsTool<I = any, O = any> {
  /** snake_case MCP tool name, also the CLI subcommand (`mops ops <name>`). */
  name: string;
  title: string;
  /** 2-4 sentences: what it does, when to use it, what it returns. */
  description: string;
  inputSchema: z.ZodObject;
  outputSchema: z.ZodObject;
  annotations: OpsToolAnnotations;
  /** Present when part of the input is usually a file (CSV of leads, stack YAML...). */
  fileInput?: OpsFileInput;
  examples: readonly OpsToolExample[];
  /**
   * Validates `input` against `inputSchema` (throwing MopsError INVALID_INPUT with every
   * problem and its field path) and computes the result, which matches `outputSchema`.
   */
  run(input: I, deps?: OpsDeps): O | Promise<O>;
  /** A readable report of an output: Markdown tables, Mermaid where a picture reads better. */
  toMarkdown(output: O): string;
}

export const READ_ONLY_ANNOTATIONS: OpsToolAnnotations = Object.freeze({
  readOnlyHint: true,
  idempotentHint: true,
  destructiveHint: false,
  openWorldHint: false,
});

export interface OpsToolDefinition<S extends z.ZodObject, T extends z.ZodObject> {
  name: string;
  title: string;
  description: string;
  inputSchema: S;
  outputSchema: T;
  annotations?: OpsToolAnnotations;
  fileInput?: OpsFileInput;
  examples: readonly OpsToolExample[];
  /** Computes the output from input that already passed `inputSchema`. */
  execute(input: z.output<S>, deps: OpsDeps): z.output<T> | Promise<z.output<T>>;
  toMarkdown(output: z.output<T>): string;
}

/**
 * Builds an OpsTool whose `run` validates its input first, so the CLI, the MCP server
 * and library callers all get the same field-path errors.
 */
export function defineOpsTool<S extends z.ZodObject, T extends z.ZodObject>(
  definition: OpsToolDefinition<S, T>,
): OpsTool<z.input<S>, z.output<T>> {
  const { execute, ...rest } = definition;
  return {
    ...rest,
    annotations: definition.annotations ?? READ_ONLY_ANNOTATIONS,
    run(input, deps = {}) {
      const parsed = parseToolInput(definition.inputSchema, input, definition.name);
      return execute(parsed, deps);
    },
  };
}
