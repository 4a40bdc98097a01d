import { createProjectEngine } from '../../engine/index.js';
import { formatRunOutcome } from '../../engine/report/index.js';
import type { CommandHandler } from '../cli-io.js';

/** `mops cancel <run-id>`: stops a run; one executing in another process stops at its next heartbeat. */
const cancelCommand: CommandHandler = async (args, options, io) => {
  const { engine } = await createProjectEngine({ env: io.env, cwd: io.cwd, loadSkills: false });
  try {
    const view = await engine.cancelRun(args[0] ?? '', { reason: 'cancelled with mops cancel' });
    io.stdout.write(options.json ? `${JSON.stringify(view, null, 2)}\n` : formatRunOutcome(view, new Date()));
    return 0;
  } finally {
    await engine.close();
  }
};

export default cancelCommand;
