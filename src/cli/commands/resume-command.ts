import { createProjectEngine } from '../../engine/index.js';
import { followRun } from '../../engine/report/index.js';
import type { CommandHandler } from '../cli-io.js';

/** `mops resume <run-id>`: continues a stopped run; finished steps are never run again. */
const resumeCommand: CommandHandler = async (args, options, io) => {
  const executor = typeof options.executor === 'string' ? options.executor : undefined;
  const { engine } = await createProjectEngine({ env: io.env, cwd: io.cwd, ...(executor && { executor }) });
  try {
    return await followRun(engine, () => engine.resumeRun(args[0] ?? '', executor ? { executor } : {}), io, { json: options.json === true });
  } finally {
    await engine.close();
  }
};

export default resumeCommand;
