import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HandoffExecutor, OpenAiExecutor } from '../../src/executors/index.js';
import { contractOutput, createHarness, loadRepoPlaybook, sampleInputs, type Harness } from './support/engine-harness.js';
import { contractMockModel } from './support/mock-model.js';

const THIN_CONTEXT = `---
name: thin-co
company: Thin Co
---

# Thin Co — marketing context

## Product

Thin Co sells a scheduling tool.

## Audience & ICP

Small teams.
`;

describe('bad input stops a run before it starts, with a precise message', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness.close();
  });

  it('blocks a run on a thin context and reports which sections fall short and how to fix it', async () => {
    harness = await createHarness({ executors: { handoff: new HandoffExecutor() } });
    writeFileSync(join(harness.contextDir, 'thin-co.md'), THIN_CONTEXT);
    const playbook = await loadRepoPlaybook('lead-gen-blitz');
    const view = await harness.engine.startRun({ playbook: playbook.id, context: 'thin-co', inputs: sampleInputs(playbook) });
    expect(view.run.status).toBe('blocked');
    expect(view.run.error?.code).toBe('CONTEXT_INCOMPLETE');
    expect(view.steps.every((s) => s.status === 'pending' && s.attempts === 0)).toBe(true);
    const report = view.run.report!;
    expect(report).toContain('Context "thin-co" is not ready for "lead-gen-blitz"');
    expect(report).toMatch(/- Product \(product\) is thin, needs complete: /);
    expect(report).toMatch(/- Personas \(personas\) is missing, needs complete/);
    expect(report).toContain('--draft-context');
    expect(harness.events.map((e) => e.type)).toEqual(['run.blocked']);
    // Fixing the file and resuming re-checks the context.
    await expect(harness.engine.resumeRun(view.run.id)).resolves.toMatchObject({ run: { status: 'blocked' } });
  });

  it('drafts a thin context first with --draft-context, then runs on the drafted context', async () => {
    const model = contractMockModel();
    const northwind = (await import('node:fs')).readFileSync(join(import.meta.dirname, '../../context/northwind-analytics.md'), 'utf8');
    const base = model.doGenerate.bind(model);
    model.doGenerate = async (options) => {
      const result = await base(options);
      const user = options.prompt.find((m) => m.role === 'user');
      const isDraft = JSON.stringify(user).includes('(_context)');
      return isDraft ? { ...result, content: [{ type: 'text', text: northwind }] } : result;
    };
    harness = await createHarness({ executors: { openai: new OpenAiExecutor({ model }) }, defaultExecutor: 'openai' });
    writeFileSync(join(harness.contextDir, 'thin-co.md'), THIN_CONTEXT);
    const playbook = await loadRepoPlaybook('lead-gen-blitz');
    const started = await harness.engine.startRun({ playbook: playbook.id, context: 'thin-co', inputs: sampleInputs(playbook), draftContext: true });
    expect(started.steps[0]).toMatchObject({ stepId: '_context', skill: 'marketing-context' });
    const view = await harness.engine.waitForRun(started.run.id);
    expect(view.run.status, view.run.report ?? '').toBe('done');
    expect(view.steps[0]).toMatchObject({ stepId: '_context', status: 'done' });
    // Later steps were given the drafted context, not the thin one.
    const later = view.steps.find((s) => s.stepId !== '_context' && s.kind === 'skill')!;
    const calls = model.doGenerateCalls.filter((c) => JSON.stringify(c.prompt).includes(`(${later.stepId})`));
    expect(JSON.stringify(calls[0]!.prompt)).toContain('Northwind Pulse');
  });

  it('blocks when the context draft still falls short', async () => {
    harness = await createHarness({ executors: { handoff: new HandoffExecutor() } });
    writeFileSync(join(harness.contextDir, 'thin-co.md'), THIN_CONTEXT);
    const playbook = await loadRepoPlaybook('lead-gen-blitz');
    const started = await harness.engine.startRun({ playbook: playbook.id, context: 'thin-co', inputs: sampleInputs(playbook), draftContext: true });
    const waiting = (await harness.engine.waitForRun(started.run.id)).steps[0]!;
    expect(waiting).toMatchObject({ stepId: '_context', status: 'waiting' });
    expect(waiting.instructions).toContain('Thin Co sells a scheduling tool.');
    await harness.engine.submitStepOutput(started.run.id, '_context', contractOutput(waiting.instructions!, '_context'));
    const view = await harness.engine.waitForRun(started.run.id);
    expect(view.run.status).toBe('blocked');
    expect(view.run.report).toContain('The drafted context (step _context) still falls short.');
    expect(view.steps.slice(1).every((s) => s.status === 'skipped')).toBe(true);
  });

  it('rejects a missing context file, listing the contexts there are', async () => {
    harness = await createHarness({ executors: { handoff: new HandoffExecutor() } });
    const playbook = await loadRepoPlaybook('content-sprint');
    await expect(harness.engine.startRun({ playbook: playbook.id, context: 'no-such-client', inputs: sampleInputs(playbook) })).rejects.toThrow(
      /No marketing context at .*no-such-client\.md\. Available contexts: northwind-analytics/,
    );
    expect(await harness.engine.listRuns()).toEqual([]);
  });

  it('rejects a missing required input, saying how to pass it', async () => {
    harness = await createHarness({ executors: { handoff: new HandoffExecutor() } });
    const playbook = await loadRepoPlaybook('product-launch');
    const { product_name: _omit, ...inputs } = sampleInputs(playbook);
    const error = await harness.engine.startRun({ playbook: playbook.id, inputs }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    expect((error as Error).message).toMatch(/Missing required input "product_name" \(string: .*\)\. Pass it with --input product_name=/);
    await expect(harness.engine.startRun({ playbook: playbook.id, inputs: { ...inputs, product_name: 'X', budget: 'lots' } })).rejects.toThrow(
      /Input "budget" must be a number, got "lots"/,
    );
    expect(await harness.engine.listRuns()).toEqual([]);
  });

  it('rejects an unknown playbook, listing the ones there are', async () => {
    harness = await createHarness({ executors: { handoff: new HandoffExecutor() } });
    await expect(harness.engine.startRun({ playbook: 'product-lunch' })).rejects.toThrow(/No playbook "product-lunch".*Available playbooks: .*product-launch/);
  });

  it('refuses to resume a finished run or an unknown one', async () => {
    harness = await createHarness({ executors: { openai: new OpenAiExecutor({ model: contractMockModel() }) }, defaultExecutor: 'openai' });
    const playbook = await loadRepoPlaybook('content-sprint');
    const { run, steps } = await harness.engine.waitForRun((await harness.engine.startRun({ playbook: playbook.id, inputs: sampleInputs(playbook) })).run.id);
    expect(run.status).toBe('done');
    await expect(harness.engine.resumeRun(run.id)).rejects.toThrow(/already finished at .*nothing to resume.*mops run content-sprint/);
    await expect(harness.engine.resumeRun('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(harness.engine.submitStepOutput(run.id, steps[0]!.stepId, 'late')).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });
});
