import { PlaybookSchema, type Playbook } from '../playbooks/index.js';
import type { Engine } from './engine-api.js';
import type { EngineSkills } from './engine-options.js';
import type { StepHandoff } from './execute-attempt.js';
import type { RunView } from './run-records.js';

export interface SkillRunRequest {
  /** What to produce, in the user's words. */
  request: string;
  /** Context name or path; absent: the default context. */
  context?: string;
  /** Executor kind. */
  executor?: string;
}

/** A re-route: the first skill's agent passed the request to another skill. */
export interface SkillRunHandoff extends StepHandoff {
  from: string;
  /** The run in which the first skill handed off. */
  runId: string;
}

export interface SkillRun {
  /** The run that answered: the re-routed one after a handoff, else the only one. */
  view: RunView;
  handoff?: SkillRunHandoff;
}

/** Starts a run and resolves with it once it stops moving; shells show progress here. */
export type FollowSkillRun = (start: () => Promise<RunView>) => Promise<RunView>;

export interface RunSkillOptions {
  /** @default start, then `engine.waitForRun` */
  follow?: FollowSkillRun;
  /** Called between the two runs of a re-route, so a shell can say why. */
  onHandoff?: (handoff: SkillRunHandoff) => void | Promise<void>;
}

/**
 * One skill on one request, as a one-step run (`mops run-skill`, MCP `run_skill`). When
 * the skill's agent hands the request to another skill (`handoff_to_skill` or the marker
 * line), the handoff is recorded on the first run and the request is run once more with
 * that skill, its reason passed along. Only once: a second handoff is reported, not followed.
 */
export async function runSkill(
  engine: Engine,
  skills: EngineSkills,
  skill: { id: string; name: string },
  request: SkillRunRequest,
  options: RunSkillOptions = {},
): Promise<SkillRun> {
  const follow = options.follow ?? (async (start) => engine.waitForRun((await start()).run.id));
  const start = (target: { id: string; name: string }, inputs: Record<string, string>) => () =>
    engine.startRun({
      playbook: singleSkillPlaybook(target, inputs),
      ...(request.context !== undefined && { context: request.context }),
      ...(request.executor !== undefined && { executor: request.executor }),
    });

  const first = await follow(start(skill, { request: request.request }));
  const passed = handoffOf(first);
  const target = passed ? skills.get(passed.to) : undefined;
  if (!passed || !target) return { view: first };
  const handoff: SkillRunHandoff = { from: skill.id, to: target.id, reason: passed.reason, runId: first.run.id };
  await options.onHandoff?.(handoff);
  const view = await follow(start(target, { request: request.request, handed_over: `The ${skill.id} skill passed this request on to you: ${passed.reason}` }));
  return { view, handoff };
}

/** The handoff a finished one-step run recorded on its step, if any. */
export function handoffOf(view: RunView): StepHandoff | undefined {
  const step = view.steps[0];
  const handoff = step?.status === 'done' ? (step.error?.details?.handoff as Partial<StepHandoff> | undefined) : undefined;
  return typeof handoff?.to === 'string' && typeof handoff.reason === 'string' ? { to: handoff.to, reason: handoff.reason } : undefined;
}

/**
 * The one-step playbook of a single-skill run. Contract violations and handoffs are
 * flagged rather than failed: the user gets the text with the problems listed, and a
 * handoff can be re-routed.
 */
export function singleSkillPlaybook(skill: { id: string; name: string }, inputs: Record<string, string>): Playbook {
  return PlaybookSchema.parse({
    id: `skill-${skill.id}`,
    name: `Skill: ${skill.name}`,
    description: `One run of the ${skill.id} skill.`,
    steps: [{ id: skill.id, skill: skill.id, name: skill.name, on_contract_violation: 'flag', with: inputs }],
  });
}
