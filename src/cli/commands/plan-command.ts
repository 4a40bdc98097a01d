import { createProjectEngine, formatPlan, MemoryRunStore, parseInputArgs, planToMermaid } from '../../engine/index.js';
import type { CommandHandler } from '../cli-io.js';

/**
 * `mops plan <playbook>`: what a run would do, without running it: inputs, the context
 * verdict, steps by level with owners, and a Mermaid chart. Exit 1 when the run would
 * be blocked by the context.
 */
const planCommand: CommandHandler = async (args, options, io) => {
  const { engine } = await createProjectEngine({ env: io.env, cwd: io.cwd, overrides: { store: new MemoryRunStore() } });
  try {
    const plan = await engine.plan({
      playbook: args[0] ?? '',
      inputs: parseInputArgs((options.input as string[] | undefined) ?? []),
      ...(typeof options.context === 'string' && { context: options.context }),
    });
    if (options.json) io.stdout.write(`${JSON.stringify({ ...plan, mermaid: planToMermaid(plan) }, null, 2)}\n`);
    else io.stdout.write(formatPlan(plan));
    return plan.status === 'blocked' ? 1 : 0;
  } finally {
    await engine.close();
  }
};

export default planCommand;
