import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/engine/index.js';
import { createOpenAiExecutor } from '../../src/executors/index.js';
import { PlaybookSchema, type Playbook } from '../../src/playbooks/index.js';
import { startOpenAiStub, type OpenAiStub, type StubReply } from '../executors/openai-stub.js';
import { contractOutput, createHarness, type Harness } from './support/engine-harness.js';

function threeSteps(overrides: { attempts?: number; timeout?: string } = {}): Playbook {
  const retry = { attempts: overrides.attempts ?? 3, backoff: '100ms' };
  return PlaybookSchema.parse({
    id: 'three-steps',
    name: 'Three steps',
    description: 'Ideas, then a plan, then copy.',
    inputs: { topic: { type: 'string', description: 'What the campaign is about', required: true } },
    steps: [
      { id: 'ideas', skill: 'marketing-ideas', retry, with: { request: 'Ideas for ${{ inputs.topic }}' } },
      {
        id: 'plan',
        skill: 'content-strategy',
        retry,
        ...(overrides.timeout && { timeout: overrides.timeout }),
        with: { request: 'Plan content', ideas: '${{ steps.ideas.output }}' },
      },
      { id: 'copy', skill: 'copywriting', retry, with: { request: 'Write copy', plan: '${{ steps.plan.output }}' } },
    ],
  });
}

describe('retries, timeouts, cancellation and model errors (HTTP stub)', () => {
  let stub: OpenAiStub;
  let harness: Harness;
  beforeAll(async () => {
    stub = await startOpenAiStub();
  });
  afterAll(async () => {
    await stub.close();
  });
  afterEach(async () => {
    await harness.close();
  });

  /** Answers every step normally except `plan`, whose n-th request gets `planReplies[n-1]` (the last one repeats). */
  const script = (planReplies: StubReply[]) => {
    stub.reset();
    stub.setScript((request, count) => {
      if (request.stepId !== 'plan') return { text: contractOutput(request.system, request.stepId, count) };
      const reply = planReplies[Math.min(count, planReplies.length) - 1]!;
      return 'text' in reply && reply.text === 'OK' ? { text: contractOutput(request.system, request.stepId, count) } : reply;
    });
  };
  const OK: StubReply = { text: 'OK' };

  const run = async (playbook: Playbook, stepTimeoutMs?: number) => {
    harness = await createHarness({
      executors: { openai: createOpenAiExecutor({ model: 'stub-model', baseURL: stub.baseURL }) },
      defaultExecutor: 'openai',
      ...(stepTimeoutMs !== undefined && { stepTimeoutMs }),
    });
    const started = await harness.engine.startRun({ playbook, inputs: { topic: 'revenue analytics' } });
    return { id: started.run.id, view: await harness.engine.waitForRun(started.run.id) };
  };

  const eventsOf = <T extends RunEvent['type']>(type: T) => harness.events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);

  it('retries a 429 and then succeeds, recording both attempts and the backoff', async () => {
    script([{ status: 429 }, OK]);
    const { id, view } = await run(threeSteps());
    expect(view.run.status).toBe('done');
    expect(view.steps.find((s) => s.stepId === 'plan')).toMatchObject({ status: 'done', attempts: 2, error: null });
    const attempts = await harness.store.listAttempts(id, 'plan');
    expect(attempts.map((a) => [a.number, a.status, a.error?.details?.status])).toEqual([
      [1, 'failed', 429],
      [2, 'done', undefined],
    ]);
    expect(eventsOf('step.retrying').map((e) => [e.stepId, e.attempt, e.delayMs])).toEqual([['plan', 1, 100]]);
    expect(harness.sleeps).toEqual([100]);
    expect(stub.countsByStep()).toEqual({ ideas: 1, plan: 2, copy: 1 });
  });

  it('retries two 500s with growing backoff, then succeeds', async () => {
    script([{ status: 500 }, { status: 500 }, OK]);
    const { view } = await run(threeSteps());
    expect(view.run.status).toBe('done');
    expect(view.steps.find((s) => s.stepId === 'plan')?.attempts).toBe(3);
    expect(harness.sleeps).toEqual([100, 200]);
  });

  it('gives up after the last attempt on repeated 429s: run failed, finished steps kept, later steps skipped', async () => {
    script([{ status: 429 }]);
    const { id, view } = await run(threeSteps({ attempts: 3 }));
    expect(view.run.status).toBe('failed');
    expect(view.run.error).toMatchObject({ code: 'MODEL_ERROR', details: { status: 429, retryable: true } });
    expect(view.run.finishedAt).not.toBeNull();
    const byId = new Map(view.steps.map((s) => [s.stepId, s]));
    expect(byId.get('ideas')).toMatchObject({ status: 'done' });
    expect(byId.get('ideas')?.output).toContain('Deliverable marker ideas');
    expect(byId.get('plan')).toMatchObject({ status: 'failed', attempts: 3 });
    expect(byId.get('copy')).toMatchObject({ status: 'skipped', attempts: 0 });
    expect((await harness.store.listAttempts(id, 'plan')).every((a) => a.status === 'failed')).toBe(true);
    expect(eventsOf('run.failed')).toHaveLength(1);
    expect(stub.countsByStep()).toEqual({ ideas: 1, plan: 3 });
  });

  it.each([
    [401, /OPENAI_API_KEY/],
    [404, /MOPS_MODEL and OPENAI_BASE_URL/],
    [400, /rejected the request/],
  ])('does not retry HTTP %i and says what to check', async (status, hint) => {
    script([{ status }]);
    const { view } = await run(threeSteps({ attempts: 3 }));
    expect(view.run.status).toBe('failed');
    expect(view.run.error?.message).toMatch(hint);
    expect(view.steps.find((s) => s.stepId === 'plan')?.attempts).toBe(1);
    expect(harness.sleeps).toEqual([]);
  });

  it('fails a 500 that never clears after its attempts', async () => {
    script([{ status: 500 }]);
    const { view } = await run(threeSteps({ attempts: 2 }));
    expect(view.run.error).toMatchObject({ code: 'MODEL_ERROR', details: { status: 500 } });
    expect(view.steps.find((s) => s.stepId === 'plan')?.attempts).toBe(2);
  });

  it('fails on garbage from the endpoint without retrying', async () => {
    script([{ raw: 'this is not json' }]);
    const { view } = await run(threeSteps({ attempts: 3 }));
    expect(view.run.status).toBe('failed');
    expect(view.run.error?.message).toMatch(/not a usable Chat Completions response/);
    expect(view.steps.find((s) => s.stepId === 'plan')?.attempts).toBe(1);
  });

  it('times a step out, retries it, and succeeds when the next attempt answers', async () => {
    script([{ stall: true }, OK]);
    const { id, view } = await run(threeSteps({ attempts: 2, timeout: '300ms' }));
    expect(view.run.status).toBe('done');
    const attempts = await harness.store.listAttempts(id, 'plan');
    expect(attempts[0]).toMatchObject({ status: 'failed', error: { code: 'TIMEOUT' } });
    expect(attempts[0]?.error?.message).toMatch(/took longer than its 300ms limit/);
    expect(attempts[1]?.status).toBe('done');
  });

  it('fails the run with TIMEOUT when the only attempt times out (engine default limit)', async () => {
    script([{ stall: true }]);
    const { view } = await run(threeSteps({ attempts: 1 }), 250);
    expect(view.run.error).toMatchObject({ code: 'TIMEOUT' });
    expect(view.steps.find((s) => s.stepId === 'plan')?.status).toBe('failed');
  });

  it('cancels a running step through its abort signal and cancels what was left', async () => {
    script([{ stall: true }]);
    harness = await createHarness({
      executors: { openai: createOpenAiExecutor({ model: 'stub-model', baseURL: stub.baseURL }) },
      defaultExecutor: 'openai',
    });
    const { engine } = harness;
    const planStarted = new Promise<void>((resolve) => engine.events.on('step.started', (e) => e.stepId === 'plan' && resolve()));
    const started = await engine.startRun({ playbook: threeSteps(), inputs: { topic: 'x' } });
    await planStarted;
    const view = await engine.cancelRun(started.run.id, { reason: 'stopped by a test' });
    expect(view.run).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED', message: 'stopped by a test' } });
    expect(view.steps.map((s) => [s.stepId, s.status])).toEqual([
      ['ideas', 'done'],
      ['plan', 'cancelled'],
      ['copy', 'cancelled'],
    ]);
    expect(eventsOf('run.cancelled')).toHaveLength(1);
    await expect(engine.cancelRun(started.run.id)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(engine.resumeRun(started.run.id)).rejects.toThrow(/cancelled.*Start a new run/);
  });
});
