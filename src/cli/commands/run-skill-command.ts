import { createProjectEngine, runSkill, type RunView } from '../../engine/index.js';
import { exitCodeForRun, followRun } from '../../engine/report/index.js';
import { MopsError } from '../../errors/index.js';
import type { CommandHandler } from '../cli-io.js';

/**
 * `mops run-skill <skill> <request...>`: one skill on one request, with the marketing
 * context, recorded as a one-step run. When the skill's agent hands the request to
 * another skill, it is run once more with that skill and the reason goes to stderr.
 * The deliverable (or, in handoff mode, the full instructions) goes to stdout; progress
 * and hints go to stderr, so the text pipes cleanly.
 */
const runSkillCommand: CommandHandler = async (args, options, io) => {
  const [skillId = '', ...words] = args;
  const request = words.join(' ').trim();
  if (!request) throw new MopsError('INVALID_INPUT', `Say what you want done: mops run-skill ${skillId || '<skill>'} "<request>".`);
  const executor = typeof options.executor === 'string' ? options.executor : undefined;
  const { engine, skills } = await createProjectEngine({ env: io.env, cwd: io.cwd, ...(executor && { executor }) });
  try {
    const skill = skills.require(skillId);
    const follow = async (start: () => Promise<RunView>): Promise<RunView> => {
      if (options.json) return engine.waitForRun((await start()).run.id);
      let runId = '';
      await followRun(
        engine,
        async () => {
          const view = await start();
          runId = view.run.id;
          return view;
        },
        { stdout: io.stderr, env: io.env },
        { json: false },
      );
      return engine.getRun(runId);
    };
    const result = await runSkill(
      engine,
      skills,
      skill,
      { request, ...(typeof options.context === 'string' && { context: options.context }), ...(executor && { executor }) },
      {
        follow,
        onHandoff: (handoff) => {
          if (!options.json) io.stderr.write(`\n↪ ${handoff.from} handed this request to ${handoff.to}: ${handoff.reason}\n  (run ${handoff.runId}); running ${handoff.to} instead.\n\n`);
        },
      },
    );
    const { view } = result;
    if (options.json) {
      io.stdout.write(`${JSON.stringify({ ...view, ...(result.handoff && { handoff: result.handoff }) }, null, 2)}\n`);
      return view.run.status === 'done' || view.run.status === 'waiting' ? 0 : 1;
    }
    const step = view.steps[0];
    if (step?.status === 'done' && step.output) io.stdout.write(`${step.output.trimEnd()}\n`);
    if (step?.status === 'waiting' && step.instructions) io.stdout.write(`${step.instructions.trimEnd()}\n`);
    return exitCodeForRun(view);
  } finally {
    await engine.close();
  }
};

export default runSkillCommand;
