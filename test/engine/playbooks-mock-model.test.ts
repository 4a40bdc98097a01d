import { afterEach, describe, expect, it } from 'vitest';
import { OpenAiExecutor } from '../../src/executors/index.js';
import { createHarness, loadRepoPlaybook, sampleInputs, SHIPPED_PLAYBOOKS, type Harness } from './support/engine-harness.js';
import { contractMockModel, type MockCall } from './support/mock-model.js';

describe('every shipped playbook end to end on the AI SDK mock model', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it.each(SHIPPED_PLAYBOOKS)('%s runs to done, feeding each step the outputs it needs and the context', async (id) => {
    const calls: MockCall[] = [];
    harness = await createHarness({ executors: { openai: new OpenAiExecutor({ model: contractMockModel(calls), modelName: 'mock' }) } });
    const { engine } = harness;
    const playbook = await loadRepoPlaybook(id);
    const started = await engine.startRun({ playbook: id, inputs: sampleInputs(playbook), executor: 'openai' });
    let view = await engine.waitForRun(started.run.id);

    // Approval gates pause the run until the named approver signs off.
    for (const approval of playbook.steps.filter((step) => step.type === 'approval')) {
      expect(view.run.status).toBe('waiting');
      expect(view.steps.find((s) => s.stepId === approval.id)?.status).toBe('waiting');
      await engine.approveStep(view.run.id, approval.id, { approver: approval.approver, note: 'Claims checked.' });
      view = await engine.waitForRun(view.run.id);
    }

    expect(view.run.status, JSON.stringify(view.run.error)).toBe('done');
    expect(view.steps.every((step) => step.status === 'done')).toBe(true);
    const skillSteps = playbook.steps.filter((step) => step.type === 'skill');
    expect(calls.map((c) => c.stepId).sort()).toEqual(skillSteps.map((s) => s.id).sort());

    // Order: a step starts only after every step it needs has finished.
    const finishedAt = new Map<string, number>();
    harness.events.forEach((event, index) => {
      if (event.type === 'step.finished') finishedAt.set(event.stepId, index);
    });
    harness.events.forEach((event, index) => {
      if (event.type !== 'step.started') return;
      const step = view.steps.find((s) => s.stepId === event.stepId)!;
      for (const need of step.needs) expect(finishedAt.get(need)!).toBeLessThan(index);
    });

    const outputs = new Map(view.steps.map((s) => [s.stepId, s.output ?? '']));
    for (const call of calls) {
      const step = view.steps.find((s) => s.stepId === call.stepId)!;
      expect(call.system).toContain(`"${step.skill}" skill`);
      // The context reaches every step (as its own section or through a with: value).
      expect(call.user).toContain('Northwind Pulse');
      for (const need of step.needs) expect(call.user).toContain(outputs.get(need)!.trim());
    }
    expect(view.steps.filter((s) => s.kind === 'skill').every((s) => s.usage?.inputTokens === 300 && s.usage.outputTokens === 80)).toBe(true);
  });
});
