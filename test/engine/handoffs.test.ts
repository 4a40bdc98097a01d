import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runSkill } from '../../src/engine/index.js';
import { HandoffExecutor, OpenAiExecutor, SamplingExecutor } from '../../src/executors/index.js';
import { PlaybookSchema, type Playbook } from '../../src/playbooks/index.js';
import { startOpenAiStub, type OpenAiStub } from '../executors/openai-stub.js';
import { agentModel, type AgentCall, type AgentTurn } from '../executors/support/agent-model.js';
import { cliRunner } from './cli/cli-harness.js';
import { contractOutput, createHarness, repoSkills, type Harness } from './support/engine-harness.js';

const REASON = 'The user already has a draft and wants it tightened, not new copy.';
const handoffTo = (skill: string, reason = REASON): AgentTurn => ({ calls: [{ name: 'handoff_to_skill', input: { skill, reason } }] });

const playbook = (steps: unknown[]): Playbook => PlaybookSchema.parse({ id: 'handoffs', name: 'Handoffs', description: 'Steps whose agent may hand off.', steps });

describe('handoffs between skill agents', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness?.close();
  });

  const withModel = async (script: (call: AgentCall, index: number) => AgentTurn) => {
    const { model, calls } = agentModel(script);
    harness = await createHarness({ executors: { openai: new OpenAiExecutor({ model }) }, defaultExecutor: 'openai' });
    return calls;
  };

  const runPlaybook = async (book: Playbook) => {
    const { run } = await harness.engine.startRun({ playbook: book });
    return harness.engine.waitForRun(run.id);
  };

  it('fails a playbook step whose agent hands off, with the reason, and records the handoff', async () => {
    const calls = await withModel((call) => (call.stepId === 'copy' && call.results.length === 0 ? handoffTo('copy-editing') : { text: contractOutput(call.system, call.stepId) }));
    const view = await runPlaybook(
      playbook([
        { id: 'copy', skill: 'copywriting', with: { request: 'Tighten the homepage draft below' } },
        { id: 'posts', skill: 'social-content', with: { request: 'Posts' } },
      ]),
    );

    expect(view.run.status).toBe('failed');
    const step = view.steps[0]!;
    expect(step).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'CONTRACT_VIOLATION', details: { handoff: { to: 'copy-editing', reason: REASON } } } });
    expect(step.error!.message).toContain(`The copywriting agent handed step "copy" off to the copy-editing skill: ${REASON.slice(0, -1)}. A playbook step does not switch skills on its own`);
    expect(view.steps[1]!.status).toBe('skipped');
    // Neither repaired nor retried: one model call, and the prompt carried the Not This rules.
    expect(calls).toHaveLength(1);
    expect(calls[0]!.system).toContain('→ `copy-editing`');
    const events = await harness.store.listEvents(view.run.id);
    expect(events.find((e) => e.type === 'step.handoff')).toMatchObject({ stepId: 'copy', data: { attempt: 1, to: 'copy-editing', reason: REASON } });
    expect((await harness.store.listToolCalls(view.run.id, 'copy')).map((c) => [c.name, c.input])).toEqual([['handoff_to_skill', { skill: 'copy-editing', reason: REASON }]]);
  });

  it('flags the handoff and goes on when the step says on_contract_violation: flag', async () => {
    await withModel((call) => (call.stepId === 'copy' && call.results.length === 0 ? handoffTo('copy-editing') : { text: contractOutput(call.system, call.stepId) }));
    const view = await runPlaybook(
      playbook([
        { id: 'copy', skill: 'copywriting', on_contract_violation: 'flag', with: { request: 'Tighten the draft' } },
        { id: 'posts', skill: 'social-content', with: { request: 'Posts' } },
      ]),
    );
    expect(view.run.status).toBe('done');
    expect(view.steps[0]).toMatchObject({
      status: 'done',
      output: `Handed off to the copy-editing skill: ${REASON}`,
      error: { code: 'CONTRACT_VIOLATION', details: { flagged: true, handoff: { to: 'copy-editing', reason: REASON } } },
    });
    expect(harness.events.filter((e) => e.type === 'step.handoff')).toHaveLength(1);
  });

  it('reads the handoff marker from a model without tools (sampling), ignoring one that names an unknown skill', async () => {
    const answers = [
      () => 'HANDOFF TO copy-editor: wrong name',
      (system: string) => contractOutput(system, 'copy'),
      () => 'HANDOFF TO copy-editing: the draft exists already',
    ];
    const prompts: string[] = [];
    harness = await createHarness({
      executors: {
        sampling: new SamplingExecutor(async ({ system }) => {
          prompts.push(system);
          return answers.shift()!(system);
        }),
      },
      defaultExecutor: 'sampling',
      overrides: { contractRepairs: 1 },
    });
    // An unknown skill is no handoff: the answer is checked (and repaired) as a deliverable.
    const first = await runPlaybook(playbook([{ id: 'copy', skill: 'copywriting', on_contract_violation: 'flag', with: { request: 'Copy' } }]));
    expect(first.steps[0]).toMatchObject({ status: 'done', attempts: 2, error: null });
    expect(prompts[0]).toContain('answer with this one line instead: `HANDOFF TO <skill-id>: <one-sentence reason>`');
    expect(prompts[0]).toContain('none can be called here');

    const second = await runPlaybook(playbook([{ id: 'copy', skill: 'copywriting', with: { request: 'Copy' } }]));
    expect(second.steps[0]).toMatchObject({ status: 'failed', error: { details: { handoff: { to: 'copy-editing', reason: 'the draft exists already' } } } });
  });

  it('re-routes a single-skill run once, passing the reason on, and reports the handoff', async () => {
    const calls = await withModel((call) => {
      if (call.stepId === 'copywriting' && call.results.length === 0) return handoffTo('copy-editing');
      return { text: contractOutput(call.system, call.stepId) };
    });
    const skills = await repoSkills();
    const seen: unknown[] = [];
    const result = await runSkill(harness.engine, skills, skills.require('copywriting'), { request: 'Tighten my homepage hero: "We are the best"' }, { onHandoff: (h) => void seen.push(h) });

    const runs = await harness.engine.listRuns();
    expect(runs).toHaveLength(2);
    const first = runs.find((r) => r.playbookId === 'skill-copywriting')!;
    expect(result.handoff).toEqual({ from: 'copywriting', to: 'copy-editing', reason: REASON, runId: first.id });
    expect(seen).toEqual([result.handoff]);
    expect(result.view.run.playbookId).toBe('skill-copy-editing');
    expect(result.view.steps[0]).toMatchObject({ skill: 'copy-editing', status: 'done', output: expect.stringContaining('Deliverable marker copy-editing') });
    // The second skill gets the request and why it was handed over.
    const second = calls.find((c) => c.stepId === 'copy-editing')!;
    expect(second.user).toContain('### request\n\nTighten my homepage hero: "We are the best"');
    expect(second.user).toContain(`### handed_over\n\nThe copywriting skill passed this request on to you: ${REASON}`);
    // The first run keeps the handoff on record.
    const firstView = await harness.engine.getRun(first.id);
    expect(firstView.steps[0]!.error).toMatchObject({ details: { flagged: true, handoff: { to: 'copy-editing', reason: REASON } } });
  });

  it('does not loop: a second handoff is reported on the second run, not followed', async () => {
    await withModel((call) => {
      if (call.results.length > 0) return { text: 'unused' };
      return call.stepId === 'copywriting' ? handoffTo('copy-editing') : handoffTo('copywriting', 'This needs brand-new copy after all.');
    });
    const skills = await repoSkills();
    const result = await runSkill(harness.engine, skills, skills.require('copywriting'), { request: 'Rewrite the hero' });
    expect(await harness.engine.listRuns()).toHaveLength(2);
    expect(result.handoff?.to).toBe('copy-editing');
    expect(result.view.steps[0]).toMatchObject({ skill: 'copy-editing', status: 'done', error: { details: { handoff: { to: 'copywriting' } } } });
  });

  it('treats a submitted handoff marker like a contract violation: refused with its reason, or taken flagged', async () => {
    harness = await createHarness({ executors: { handoff: new HandoffExecutor() } });
    const book = playbook([
      { id: 'copy', skill: 'copywriting', with: { request: 'Copy' } },
      { id: 'edit', skill: 'copy-editing', on_contract_violation: 'flag', with: { request: 'Edit' } },
    ]);
    const started = await runPlaybook(book);
    expect(started.steps[0]!.instructions).toContain('`HANDOFF TO <skill-id>: <one-sentence reason>`');
    expect(started.steps[0]!.instructions).toContain('- `check_copy_length`: ');
    const refused = await harness.engine.submitStepOutput(started.run.id, 'copy', `HANDOFF TO copy-editing: ${REASON}`).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'CONTRACT_VIOLATION', details: { handoff: { to: 'copy-editing', reason: REASON } } });
    expect((refused as Error).message).toContain('the step is still waiting');
    expect((await harness.engine.getRun(started.run.id)).steps[0]!.status).toBe('waiting');

    const instructions = (await harness.engine.getRun(started.run.id)).steps[0]!.instructions!;
    await harness.engine.submitStepOutput(started.run.id, 'copy', contractOutput(instructions, 'copy'));
    expect((await harness.engine.waitForRun(started.run.id)).steps[1]!.status).toBe('waiting');
    await harness.engine.submitStepOutput(started.run.id, 'edit', 'HANDOFF TO copywriting: they want new copy');
    const flagged = await harness.engine.waitForRun(started.run.id);
    expect(flagged.run.status).toBe('done');
    expect(flagged.steps[1]!.error).toMatchObject({ code: 'CONTRACT_VIOLATION', message: 'The output for step "edit" hands it off to the copywriting skill: they want new copy' });
  });
});

describe('mops run-skill re-routes on a handoff (OpenAI-compatible stub)', () => {
  let stub: OpenAiStub;
  beforeAll(async () => {
    stub = await startOpenAiStub((request) =>
      request.stepId === 'copywriting'
        ? { text: `HANDOFF TO copy-editing: ${REASON}` }
        : { text: contractOutput(request.system, request.stepId) },
    );
  });
  afterAll(async () => {
    await stub.close();
  });

  it('prints the reason on stderr and the second skill\'s deliverable on stdout', async () => {
    const cli = cliRunner({ MOPS_MODEL: 'stub-model', OPENAI_BASE_URL: stub.baseURL });
    const result = await cli.run(['run-skill', 'copywriting', 'tighten', 'my', 'hero', 'draft']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`↪ copywriting handed this request to copy-editing: ${REASON}`);
    expect(result.stdout).toContain('Deliverable marker copy-editing');
    expect(result.stdout).not.toContain('HANDOFF TO');
    expect(stub.requests.map((r) => r.stepId)).toEqual(['copywriting', 'copy-editing']);

    const json = await cli.run(['run-skill', 'copywriting', 'tighten', 'my', 'hero', 'draft', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ handoff: { from: 'copywriting', to: 'copy-editing', reason: REASON }, steps: [{ skill: 'copy-editing', status: 'done' }] });
  });
});
