import { createProjectEngine, parseInputArgs } from '../../engine/index.js';
import { followRun } from '../../engine/report/index.js';
import type { CommandHandler } from '../cli-io.js';

/**
 * `mops run <playbook>`: starts a campaign run and follows it. Without a model
 * (MOPS_MODEL unset) it runs in handoff mode and says how to continue.
 */
const runCommand: CommandHandler = async (args, options, io) => {
  const executor = typeof options.executor === 'string' ? options.executor : undefined;
  const { engine } = await createProjectEngine({ env: io.env, cwd: io.cwd, ...(executor && { executor }) });
  try {
    const handoff = (executor ?? (io.env.MOPS_MODEL ? 'openai' : 'handoff')) === 'handoff';
    if (handoff && !options.json) {
      // Said once the run exists, so a bad input is reported on its own.
      const stop = engine.events.on('run.started', () => {
        stop();
        io.stdout.write(
          `${io.env.MOPS_MODEL ? 'Handoff mode' : 'No model configured (MOPS_MODEL is not set), so this run is in handoff mode'}: ` +
            'each skill step pauses with its full instructions for you or your chat client to produce, then continues when you submit the output.\n\n',
        );
      });
    }
    return await followRun(
      engine,
      () =>
        engine.startRun({
          playbook: args[0] ?? '',
          inputs: parseInputArgs((options.input as string[] | undefined) ?? []),
          ...(typeof options.context === 'string' && { context: options.context }),
          draftContext: options.draftContext === true,
          ...(executor && { executor }),
        }),
      io,
      { json: options.json === true },
    );
  } finally {
    await engine.close();
  }
};

export default runCommand;
