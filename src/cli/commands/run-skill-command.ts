import { createProjectEngine } from '../../engine/index.js';
import { followRun } from '../../engine/report/index.js';
import { MopsError } from '../../errors/index.js';
import { PlaybookSchema } from '../../playbooks/index.js';
import type { Skill } from '../../skills/index.js';
import type { CommandHandler } from '../cli-io.js';

/**
 * `mops run-skill <skill> <request...>`: one skill on one request, with the marketing
 * context, recorded as a one-step run. The deliverable (or, in handoff mode, the full
 * instructions) goes to stdout; progress and hints go to stderr, so the text pipes cleanly.
 */
const runSkillCommand: CommandHandler = async (args, options, io) => {
  const [skillId = '', ...words] = args;
  const request = words.join(' ').trim();
  if (!request) throw new MopsError('INVALID_INPUT', `Say what you want done: mops run-skill ${skillId || '<skill>'} "<request>".`);
  const executor = typeof options.executor === 'string' ? options.executor : undefined;
  const { engine, skills } = await createProjectEngine({ env: io.env, cwd: io.cwd, ...(executor && { executor }) });
  try {
    const skill = skills.require(skillId);
    let runId: string | undefined;
    const start = async () => {
      const view = await engine.startRun({
        playbook: oneStepPlaybook(skill, request),
        ...(typeof options.context === 'string' && { context: options.context }),
        ...(executor && { executor }),
      });
      runId = view.run.id;
      return view;
    };
    if (options.json) {
      const view = await engine.waitForRun((await start()).run.id);
      io.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
      return view.run.status === 'done' || view.run.status === 'waiting' ? 0 : 1;
    }
    const code = await followRun(engine, start, { stdout: io.stderr, env: io.env }, { json: false });
    const step = runId ? (await engine.getRun(runId)).steps[0] : undefined;
    if (step?.status === 'done' && step.output) io.stdout.write(`${step.output.trimEnd()}\n`);
    if (step?.status === 'waiting' && step.instructions) io.stdout.write(`${step.instructions.trimEnd()}\n`);
    return code;
  } finally {
    await engine.close();
  }
};

function oneStepPlaybook(skill: Skill, request: string) {
  return PlaybookSchema.parse({
    id: `skill-${skill.id}`,
    name: `Skill: ${skill.name}`,
    description: `One run of the ${skill.id} skill.`,
    steps: [{ id: skill.id, skill: skill.id, name: skill.name, on_contract_violation: 'flag', with: { request } }],
  });
}

export default runSkillCommand;
