import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAiExecutor } from '../../src/executors/index.js';
import { startOpenAiStub, type OpenAiStub } from '../executors/openai-stub.js';
import { contractOutput, createHarness, loadRepoPlaybook, sampleInputs, SHIPPED_PLAYBOOKS, type Harness } from './support/engine-harness.js';

/** The real @ai-sdk/openai client against a Chat Completions server on 127.0.0.1. */
describe('shipped playbooks against an OpenAI-compatible HTTP server', () => {
  let stub: OpenAiStub;
  let harness: Harness | undefined;
  beforeAll(async () => {
    stub = await startOpenAiStub();
  });
  afterAll(async () => {
    await stub.close();
  });
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const openHarness = async () => {
    harness = await createHarness({
      executors: { openai: createOpenAiExecutor({ model: 'stub-model', baseURL: stub.baseURL, apiKey: 'test-key' }) },
      defaultExecutor: 'openai',
    });
    return harness;
  };

  it.each(SHIPPED_PLAYBOOKS)('%s completes with each prompt holding its dependencies and the context', async (id) => {
    stub.reset();
    stub.setScript((request, count) => ({ text: contractOutput(request.system, request.stepId, count), delayMs: 5 }));
    const { engine } = await openHarness();
    const playbook = await loadRepoPlaybook(id);
    let view = await engine.waitForRun((await engine.startRun({ playbook: id, inputs: sampleInputs(playbook) })).run.id);
    for (const approval of playbook.steps.filter((step) => step.type === 'approval')) {
      await engine.approveStep(view.run.id, approval.id, { approver: approval.approver });
      view = await engine.waitForRun(view.run.id);
    }
    expect(view.run.status, JSON.stringify(view.run.error)).toBe('done');
    const outputs = new Map(view.steps.map((s) => [s.stepId, s.output ?? '']));
    const skillSteps = view.steps.filter((s) => s.kind === 'skill');
    expect(stub.requests).toHaveLength(skillSteps.length);
    for (const request of stub.requests) {
      expect(request.model).toBe('stub-model');
      const step = view.steps.find((s) => s.stepId === request.stepId)!;
      expect(request.user).toContain('Northwind Pulse');
      for (const need of step.needs) expect(request.user).toContain(outputs.get(need)!.trim());
      // A step's request starts only after the requests of the steps it needs have answered.
      for (const need of step.needs) {
        const before = stub.requests.find((r) => r.stepId === need);
        if (before) expect(before.finishedAt!).toBeLessThanOrEqual(request.startedAt);
      }
    }
  });

  it('runs independent steps at the same time (conversion-optimization starts with two)', async () => {
    stub.reset();
    stub.setScript((request, count) => ({ text: contractOutput(request.system, request.stepId, count), delayMs: 150 }));
    const { engine } = await openHarness();
    const playbook = await loadRepoPlaybook('conversion-optimization');
    const view = await engine.waitForRun((await engine.startRun({ playbook: playbook.id, inputs: sampleInputs(playbook) })).run.id);
    expect(view.run.status).toBe('done');
    const psychology = stub.requests.find((r) => r.stepId === 'psychology')!;
    const audit = stub.requests.find((r) => r.stepId === 'copy-audit')!;
    // Both were in flight together: each started before the other answered.
    expect(psychology.startedAt).toBeLessThan(audit.finishedAt!);
    expect(audit.startedAt).toBeLessThan(psychology.finishedAt!);
  });
});
