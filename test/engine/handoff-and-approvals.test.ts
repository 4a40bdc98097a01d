import { afterEach, describe, expect, it } from 'vitest';
import { HandoffExecutor } from '../../src/executors/index.js';
import { contractOutput, createHarness, loadRepoPlaybook, repoSkills, sampleInputs, type Harness } from './support/engine-harness.js';

describe('handoff mode', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness.close();
  });

  it('pauses at the first step with the full instructions, and continues with each submitted output', async () => {
    harness = await createHarness({ executors: { handoff: new HandoffExecutor() } });
    const { engine } = harness;
    const playbook = await loadRepoPlaybook('content-sprint');
    const started = await engine.startRun({ playbook: 'content-sprint', inputs: sampleInputs(playbook) });
    let view = await engine.waitForRun(started.run.id);
    const [first, second] = view.steps;
    expect(view.run.status).toBe('waiting');
    expect(first).toMatchObject({ status: 'waiting', attempts: 1 });
    expect(second?.status).toBe('pending');
    const firstSkill = (await repoSkills()).get(first!.skill!)!;
    // The instructions hold the skill body and the context, and say how to continue.
    expect(first!.instructions).toContain(firstSkill.body.trim().split('\n').find((line) => line.trim().length > 20)!);
    expect(first!.instructions).toContain('Northwind Pulse');
    expect(first!.instructions).toContain(`mops submit ${view.run.id} ${first!.stepId}`);
    expect(harness.events.filter((e) => e.type === 'step.waiting').map((e) => 'stepId' in e && e.stepId)).toEqual([first!.stepId]);

    // Submitted text must meet the skill's output contract; the step stays waiting until it does.
    await expect(engine.submitStepOutput(view.run.id, first!.stepId, 'A plan without the promised headings.')).rejects.toThrow(
      /breaks the content-strategy output contract: Missing section\(s\) "## Strategy summary".*submit it again/,
    );
    expect((await engine.getRun(view.run.id)).steps[0]?.status).toBe('waiting');
    const submitted = `${contractOutput(first!.instructions!, first!.stepId)}\n\nSUBMITTED-PLAN-7731: three pillars around month-end close.`;
    view = await engine.submitStepOutput(view.run.id, first!.stepId, submitted);
    view = await engine.waitForRun(view.run.id);
    expect(view.steps[0]).toMatchObject({ status: 'done', output: submitted, instructions: null });
    expect(view.steps[1]?.status).toBe('waiting');
    expect(view.steps[1]?.instructions).toContain('SUBMITTED-PLAN-7731');
    expect(view.run.status).toBe('waiting');
  });

  it('refuses output for a step that is not waiting, naming the steps that are', async () => {
    harness = await createHarness({ executors: { handoff: new HandoffExecutor() } });
    const { engine } = harness;
    const playbook = await loadRepoPlaybook('content-sprint');
    const { run } = await engine.waitForRun((await engine.startRun({ playbook: playbook.id, inputs: sampleInputs(playbook) })).run.id);
    const steps = await harness.store.listSteps(run.id);
    await expect(engine.submitStepOutput(run.id, steps[1]!.stepId, 'text')).rejects.toThrow(
      new RegExp(`is pending, not waiting.*Waiting now: ${steps[0]!.stepId}`),
    );
    await expect(engine.submitStepOutput(run.id, 'no-such-step', 'text')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(engine.submitStepOutput(run.id, steps[0]!.stepId, '   ')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(engine.submitStepOutput('missing-run', 'x', 'text')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('parallel handoff steps', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness.close();
  });

  it('takes two submissions at once without running the next step twice', async () => {
    harness = await createHarness({ executors: { handoff: new HandoffExecutor() } });
    const { engine } = harness;
    const playbook = await loadRepoPlaybook('conversion-optimization');
    const runId = (await engine.startRun({ playbook: playbook.id, inputs: sampleInputs(playbook) })).run.id;
    const view = await engine.waitForRun(runId);
    const waiting = view.steps.filter((s) => s.status === 'waiting');
    expect(waiting.map((s) => s.stepId)).toEqual(['psychology', 'copy-audit']);
    await Promise.all(waiting.map((step) => engine.submitStepOutput(runId, step.stepId, contractOutput(step.instructions!, step.stepId))));
    const after = await engine.waitForRun(runId);
    expect(after.steps.find((s) => s.stepId === 'rewrite')).toMatchObject({ status: 'waiting', attempts: 1 });
    expect(harness.events.filter((e) => e.type === 'step.started' && e.stepId === 'rewrite')).toHaveLength(1);
    expect(after.run.status).toBe('waiting');
  });
});

describe('approval steps', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness.close();
  });

  it('waits for the named approver and rejects anyone else', async () => {
    harness = await createHarness({ executors: { handoff: new HandoffExecutor() } });
    const { engine } = harness;
    const playbook = await loadRepoPlaybook('product-launch');
    const runId = (await engine.startRun({ playbook: playbook.id, inputs: sampleInputs(playbook) })).run.id;
    // Walk the handoff steps up to the approval by submitting each waiting step.
    let view = await engine.waitForRun(runId);
    while (!view.steps.some((s) => s.stepId === 'launch-approval' && s.status === 'waiting')) {
      const waiting = view.steps.filter((s) => s.status === 'waiting');
      expect(waiting.length).toBeGreaterThan(0);
      for (const step of waiting) {
        await engine.submitStepOutput(runId, step.stepId, `${contractOutput(step.instructions!, step.stepId)}\n\nHanded-off output of ${step.stepId}.`);
      }
      view = await engine.waitForRun(runId);
    }
    const approval = view.steps.find((s) => s.stepId === 'launch-approval')!;
    expect(approval.instructions).toContain('marketing-director');
    expect(approval.instructions).toContain('Handed-off output of landing-page');
    expect(harness.events.some((e) => e.type === 'step.waiting' && e.stepId === 'launch-approval' && e.approver === 'marketing-director')).toBe(true);

    await expect(engine.approveStep(runId, 'launch-approval', { approver: 'campaign-manager' })).rejects.toThrow(
      /must be approved by "marketing-director".*"campaign-manager" cannot approve it/,
    );
    await expect(engine.submitStepOutput(runId, 'launch-approval', 'ok')).rejects.toThrow(/is an approval.*mops approve/);
    view = await engine.approveStep(runId, 'launch-approval', { approver: 'Marketing Director', note: 'Claims match proof points.' });
    view = await engine.waitForRun(runId);
    const approved = view.steps.find((s) => s.stepId === 'launch-approval')!;
    expect(approved.status).toBe('done');
    expect(approved.output).toMatch(/^Approved by marketing-director at .*\n\nClaims match proof points\.$/);
    expect(view.steps.find((s) => s.stepId === 'paid-ads')?.status).toBe('waiting');
  });
});
