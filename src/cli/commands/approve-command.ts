import { createProjectEngine } from '../../engine/index.js';
import { followRun } from '../../engine/report/index.js';
import { MopsError } from '../../errors/index.js';
import type { CommandHandler } from '../cli-io.js';

/**
 * `mops approve <run-id> <step-id> --as <approver> [--note text]`: signs off a waiting
 * approval step as its named approver, then continues the run.
 */
const approveCommand: CommandHandler = async (args, options, io) => {
  const [runId = '', stepId = ''] = args;
  const approver = typeof options.as === 'string' ? options.as : undefined;
  if (!approver) throw new MopsError('INVALID_INPUT', `Say who approves: mops approve ${runId} ${stepId} --as <approver>.`);
  const { engine } = await createProjectEngine({ env: io.env, cwd: io.cwd });
  try {
    const note = typeof options.note === 'string' ? options.note : undefined;
    return await followRun(engine, () => engine.approveStep(runId, stepId, { approver, ...(note && { note }) }), io, { json: options.json === true });
  } finally {
    await engine.close();
  }
};

export default approveCommand;
