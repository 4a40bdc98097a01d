import { createProjectEngine } from '../../engine/index.js';
import { formatRunDetails } from '../../engine/report/index.js';
import type { CommandHandler } from '../cli-io.js';

/** `mops show <run-id>`: steps with status, timings, attempts, tokens, outputs; full instructions for waiting steps. */
const showCommand: CommandHandler = async (args, options, io) => {
  const { engine } = await createProjectEngine({ env: io.env, cwd: io.cwd, loadSkills: false });
  try {
    const details = await engine.getRunDetails(args[0] ?? '');
    io.stdout.write(options.json ? `${JSON.stringify(details, null, 2)}\n` : formatRunDetails(details, new Date()));
    return 0;
  } finally {
    await engine.close();
  }
};

export default showCommand;
