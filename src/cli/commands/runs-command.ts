import { createProjectEngine } from '../../engine/index.js';
import { formatRunsTable } from '../../engine/report/index.js';
import type { CommandHandler } from '../cli-io.js';

/** `mops runs`: every run, newest first: id, playbook, status, started, duration. */
const runsCommand: CommandHandler = async (_args, options, io) => {
  const { engine } = await createProjectEngine({ env: io.env, cwd: io.cwd, loadSkills: false });
  try {
    const runs = await engine.listRuns();
    if (options.json) {
      const rows = runs.map(({ playbookSnapshot: _p, contextSnapshot: _c, ...run }) => run);
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    } else {
      io.stdout.write(formatRunsTable(runs, new Date()));
    }
    return 0;
  } finally {
    await engine.close();
  }
};

export default runsCommand;
