import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MopsError } from '../../errors/index.js';
import { gateFailure } from '../../engine/gate-step.js';
import { getOpsTool, OPS_TOOLS, type OpsDeps, type OpsTool } from '../../ops/index.js';
import type { CliIo, CommandHandler } from '../cli-io.js';

/** `key=value` arguments become input fields; values that parse as JSON (numbers, lists) are data. */
export function parseKeyValues(args: readonly string[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) {
      throw new MopsError('INVALID_INPUT', `expected key=value, got "${arg}" (e.g. mops ops build_utm url=https://example.com source=linkedin)`);
    }
    const key = arg.slice(0, eq);
    const raw = arg.slice(eq + 1);
    let value: unknown = raw;
    if (/^(?:-?\d+(?:\.\d+)?|true|false|null|\[.*\]|\{.*\})$/s.test(raw.trim())) {
      try {
        value = JSON.parse(raw);
      } catch {
        value = raw;
      }
    }
    input[key] = value;
  }
  return input;
}

function listTools(io: CliIo): number {
  const width = Math.max(...OPS_TOOLS.map((t) => t.name.length));
  io.stdout.write('Ops toolkit (mops ops <tool> [key=value...] [--file PATH] [--input JSON] [--json]):\n\n');
  for (const tool of OPS_TOOLS) {
    const file = tool.fileInput ? `  [--file ${tool.fileInput.formats.join('|')}]` : '';
    io.stdout.write(`  ${tool.name.padEnd(width)}  ${tool.title}${file}\n`);
  }
  io.stdout.write('\nmops ops <tool> help shows a tool’s fields and an example.\n');
  return 0;
}

function describeTool(tool: OpsTool, io: CliIo): number {
  io.stdout.write(`${tool.title} (${tool.name})\n\n${tool.description}\n\nInput fields:\n`);
  for (const [key, field] of Object.entries(tool.inputSchema.shape)) {
    const description = (field as { description?: string }).description ?? '';
    io.stdout.write(`  ${key}: ${description}\n`);
  }
  if (tool.fileInput) {
    io.stdout.write(`\n--file PATH reads a ${tool.fileInput.formats.join('/')} file into "${tool.fileInput.field}".\n`);
  }
  const example = tool.examples[0];
  if (example) io.stdout.write(`\nExample (${example.title}):\n  mops ops ${tool.name} --input '${JSON.stringify(example.input)}'\n`);
  return 0;
}

/**
 * `mops ops <tool>`: runs one ops toolkit tool (the same function the MCP tool calls) and
 * prints its Markdown report, or JSON with --json. Exits 1 when the tool's verdict is a
 * failure (a brief that is not ready, UTMs with errors), so it can gate a CI job.
 */
const opsCommand: CommandHandler = async (args, options, io) => {
  const [name, ...rest] = args;
  if (!name) return listTools(io);
  const tool = getOpsTool(name);
  if (!tool) {
    throw new MopsError('NOT_FOUND', `unknown ops tool "${name}"; known tools: ${OPS_TOOLS.map((t) => t.name).join(', ')}`);
  }
  if (rest[0] === 'help') return describeTool(tool, io);

  let input: Record<string, unknown> = {};
  if (typeof options.input === 'string') {
    try {
      input = JSON.parse(options.input) as Record<string, unknown>;
    } catch (error) {
      throw new MopsError('INVALID_INPUT', `--input is not valid JSON: ${(error as Error).message}`);
    }
  }
  Object.assign(input, parseKeyValues(rest));
  if (typeof options.file === 'string') {
    if (!tool.fileInput) throw new MopsError('INVALID_INPUT', `${tool.name} does not read a file; pass fields as key=value or --input JSON`);
    const path = resolve(io.cwd, options.file);
    try {
      input[tool.fileInput.field] = await readFile(path, 'utf8');
    } catch (error) {
      throw new MopsError('NOT_FOUND', `cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
    }
    input[tool.fileInput.sourceField] = options.file;
  }

  const deps: OpsDeps = {};
  // workflow_health reads the run store unless runs are given.
  if (tool.name === 'workflow_health' && input.runs === undefined) {
    const { listRunRecordsForHealth, openRunStore } = await import('../../engine/index.js');
    const { resolveProjectPaths } = await import('../../config/project-paths.js');
    const store = openRunStore(resolveProjectPaths(io.env, io.cwd).home);
    try {
      input.runs = await listRunRecordsForHealth(store);
    } finally {
      store.close();
    }
  }
  const output = await tool.run(input, deps);
  io.stdout.write(options.json ? `${JSON.stringify(output, null, 2)}\n` : `${tool.toMarkdown(output)}\n`);
  return gateFailure(output) === '' ? 0 : 1;
};

export default opsCommand;
