import { Command, CommanderError } from 'commander';
import { processIo, type CliIo, type CommandHandler } from './cli-io.js';
import { exitCodeFor } from './exit-codes.js';

/**
 * The `mops` entry point. Each command's module is imported only when that command runs,
 * so `mops route` does not pay for the engine, the MCP SDK or the AI SDK at start-up.
 */
type Loader = () => Promise<{ default: CommandHandler }>;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function buildProgram(io: CliIo, onExit: (code: number) => void): Command {
  const program = new Command('mops')
    .description('Route marketing requests to the right skill and orchestrate whole campaigns.')
    .version('0.1.0')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride()
    .showHelpAfterError('(run `mops --help` for usage)');

  const wire = (cmd: Command, load: Loader): Command =>
    cmd.action(async (...raw: unknown[]) => {
      const command = raw[raw.length - 1] as Command;
      const options = command.opts();
      const args = command.args;
      const handler = (await load()).default;
      onExit(await handler(args, options, io));
    });

  wire(
    program
      .command('route')
      .description('Route a request to a skill or playbook (or say it is out of scope).')
      .argument('[request...]', 'the request, in plain words')
      .option('--json', 'print the routing result as JSON')
      .option('--batch <file>', 'route every {"id","text"} line of a JSONL file; one JSON line out per line in')
      .option('--model', 'let the configured model settle low-confidence requests (needs MOPS_MODEL)'),
    () => import('./commands/route-command.js'),
  );
  wire(
    program.command('skills').description('List the skills.').option('--json', 'print JSON'),
    () => import('./commands/skills-command.js'),
  );
  wire(
    program.command('playbooks').description('List the campaign playbooks.').option('--json', 'print JSON'),
    () => import('./commands/playbooks-command.js'),
  );
  wire(
    program
      .command('validate')
      .description('Lint skills, playbooks and contexts (all of them, or the paths given). Exit 1 on errors.')
      .argument('[paths...]', 'files or folders to check')
      .option('--json', 'print diagnostics as JSON'),
    () => import('./commands/validate-command.js'),
  );
  wire(
    program
      .command('plan')
      .description('Show what a playbook run would do: steps, dependencies, inputs, context check, Mermaid chart.')
      .argument('<playbook>', 'playbook id or path to a playbook YAML')
      .option('--context <file>', 'marketing context name or file')
      .option('--input <key=value>', 'a playbook input (repeatable)', collect, [])
      .option('--json', 'print the plan as JSON'),
    () => import('./commands/plan-command.js'),
  );
  wire(
    program
      .command('run')
      .description('Run a playbook. Without a model configured, runs in handoff mode.')
      .argument('<playbook>', 'playbook id or path to a playbook YAML')
      .option('--context <file>', 'marketing context name or file')
      .option('--input <key=value>', 'a playbook input (repeatable)', collect, [])
      .option('--executor <kind>', 'openai | handoff')
      .option('--draft-context', 'draft a missing or thin context with the marketing-context skill first')
      .option('--json', 'print the run as JSON'),
    () => import('./commands/run-command.js'),
  );
  wire(
    program.command('runs').description('List runs, newest first.').option('--json', 'print JSON'),
    () => import('./commands/runs-command.js'),
  );
  wire(
    program
      .command('show')
      .description("Show a run: its steps, outputs, tool calls and attempts.")
      .argument('<run-id>')
      .option('--json', 'print JSON'),
    () => import('./commands/show-command.js'),
  );
  wire(
    program
      .command('resume')
      .description('Resume a run from its last finished step.')
      .argument('<run-id>')
      .option('--executor <kind>', 'openai | handoff')
      .option('--json', 'print the run as JSON'),
    () => import('./commands/resume-command.js'),
  );
  wire(
    program.command('cancel').description('Cancel a run.').argument('<run-id>').option('--json', 'print JSON'),
    () => import('./commands/cancel-command.js'),
  );
  wire(
    program
      .command('submit')
      .description('Submit the output of a step that is waiting (handoff mode), then continue the run.')
      .argument('<run-id>')
      .argument('<step-id>')
      .option('--file <path>', 'read the output from a file (default: stdin)')
      .option('--json', 'print the run as JSON'),
    () => import('./commands/submit-command.js'),
  );
  wire(
    program
      .command('approve')
      .description('Approve a step that waits for its accountable approver (approval gates).')
      .argument('<run-id>')
      .argument('<step-id>')
      .requiredOption('--as <approver>', 'the approving role, as named in the playbook (e.g. marketing-director)')
      .option('--note <text>', 'a note kept with the approval')
      .option('--json', 'print the run as JSON'),
    () => import('./commands/approve-command.js'),
  );
  wire(
    program
      .command('run-skill')
      .description('Run one skill on a request with the marketing context.')
      .argument('<skill>', 'skill id')
      .argument('<request...>', 'what you want done')
      .option('--context <file>', 'marketing context name or file')
      .option('--executor <kind>', 'openai | handoff')
      .option('--json', 'print JSON'),
    () => import('./commands/run-skill-command.js'),
  );
  wire(
    program
      .command('context')
      .description('Check a marketing context: completeness per section and readiness.')
      .argument('[name]', 'context name or file (default: the default context)')
      .option('--json', 'print JSON'),
    () => import('./commands/context-command.js'),
  );
  wire(
    program
      .command('ops')
      .description('Run an ops toolkit tool (mops ops --help lists them).')
      .argument('[tool]', 'tool name, e.g. score_leads')
      .argument('[args...]')
      .option('--file <path>', 'input file (CSV, JSON or YAML)')
      .option('--input <json>', 'input as JSON')
      .option('--json', 'print JSON')
      .allowUnknownOption(true),
    () => import('./commands/ops-command.js'),
  );
  wire(
    program
      .command('serve')
      .description('Start the MCP server (stdio unless --http).')
      .option('--http', 'serve Streamable HTTP instead of stdio')
      .option('--port <n>', 'HTTP port', '3333')
      .option('--host <host>', 'HTTP bind address', '127.0.0.1'),
    () => import('./commands/serve-command.js'),
  );
  return program;
}

/** Runs the CLI with the given argv (without node and script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`mops: ${message}\n`);
    return exitCodeFor(error);
  }
}
