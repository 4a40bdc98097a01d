import { MopsError } from '../errors/index.js';
import type { OpsTool } from '../ops/ops-tool.js';
import { extractUrls } from '../ops/utm/extract-urls.js';

/** What the engine needs from the ops toolkit: tools by name (`getOpsTool` fits). */
export type GateToolLookup = (name: string) => Pick<OpsTool, 'name' | 'inputSchema' | 'run' | 'toMarkdown'> | undefined;

export interface GateOutcome {
  passed: boolean;
  /** The tool's readable report, kept as the step's output. */
  report: string;
  /** What the tool was called with and returned, for the tool_calls table. */
  input: Record<string, unknown>;
  result: unknown;
  /** Why it failed, in one line (empty when it passed). */
  reason: string;
}

/**
 * Runs a QA gate: calls an ops tool with the step's rendered `with:` values and decides
 * pass or fail from its output. Gate `with:` values are text, so a `text` value is turned
 * into `urls` for tools that take URLs (e.g. `validate_utms` over the links in copy).
 */
export async function runGate(tools: GateToolLookup, toolName: string, values: Record<string, string>): Promise<GateOutcome> {
  const tool = tools(toolName);
  if (!tool) {
    throw new MopsError('NOT_FOUND', `The QA gate uses the ops tool "${toolName}", which does not exist.`, { details: { tool: toolName } });
  }
  const input = adaptInput(tool.inputSchema.shape as Record<string, unknown>, values);
  const result = await tool.run(input);
  const failure = gateFailure(result);
  return { passed: failure === '', report: tool.toMarkdown(result), input, result, reason: failure };
}

function adaptInput(shape: Record<string, unknown>, values: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === 'text' && !('text' in shape) && 'urls' in shape) {
      input.urls = extractUrls(value);
    } else {
      input[key] = parseStructured(value);
    }
  }
  return input;
}

/** `with:` values are strings; one that holds JSON (a list, an object) is passed as data. */
function parseStructured(value: string): unknown {
  const trimmed = value.trim();
  if (!/^[[{]/.test(trimmed)) return value;
  try {
    return JSON.parse(trimmed);
  } catch {
    return value;
  }
}

/**
 * The adapter between ops tool outputs and a gate verdict. A gate fails when the output
 * says so: `ok`/`valid`/`ready`/`passed` false, or a positive error count
 * (`errors`, `summary.errors`, `summary.withErrors`).
 */
export function gateFailure(output: unknown): string {
  if (typeof output !== 'object' || output === null) return '';
  const record = output as Record<string, unknown>;
  for (const key of ['ok', 'valid', 'ready', 'passed']) {
    if (record[key] === false) return `the tool reported ${key}: false`;
  }
  const errors = gateFailureCount(output);
  return errors > 0 ? `the tool found ${errors} error(s)` : '';
}

/** The error count an ops tool output reports (`errors`, `summary.errors`, `summary.withErrors`), else 0. */
export function gateFailureCount(output: unknown): number {
  if (typeof output !== 'object' || output === null) return 0;
  const record = output as Record<string, unknown>;
  const count = (value: unknown): number => (typeof value === 'number' ? value : Array.isArray(value) ? value.length : 0);
  const summary = (typeof record.summary === 'object' && record.summary !== null ? record.summary : {}) as Record<string, unknown>;
  return Math.max(count(record.errors), count(summary.errors), count(summary.withErrors));
}
