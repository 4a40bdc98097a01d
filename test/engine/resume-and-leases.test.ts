import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadContext, parseContext } from '../../src/context/index.js';
import { createEngine, type Engine } from '../../src/engine/index.js';
import { SqliteRunStore } from '../../src/engine/store/index.js';
import { createOpenAiExecutor } from '../../src/executors/index.js';
import { PlaybookSchema, type Playbook } from '../../src/playbooks/index.js';
import { startOpenAiStub, type OpenAiStub } from '../executors/openai-stub.js';
import { contractOutput, EXAMPLE_CONTEXT, REPO, repoSkills } from './support/engine-harness.js';

const playbook: Playbook = PlaybookSchema.parse({
  id: 'three-steps',
  name: 'Three steps',
  description: 'Ideas, then a plan, then copy.',
  steps: [
    { id: 'ideas', skill: 'marketing-ideas', with: { request: 'Ideas' } },
    { id: 'plan', skill: 'content-strategy', with: { request: 'Plan', ideas: '${{ steps.ideas.output }}' } },
    { id: 'copy', skill: 'copywriting', with: { request: 'Copy', plan: '${{ steps.plan.output }}' } },
  ],
});

describe('durability across processes sharing one run store', () => {
  let stub: OpenAiStub;
  let dir: string;
  const opened: { engine: Engine }[] = [];
  beforeAll(async () => {
    stub = await startOpenAiStub();
  });
  afterAll(async () => {
    await stub.close();
  });
  afterEach(async () => {
    for (const { engine } of opened.splice(0)) await engine.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  /** An engine as a separate process would have it: its own store handle and lease identity. */
  const openEngine = async (identity: { owner: string; pid: number; alive?: (pid: number) => boolean; heartbeatMs?: number }) => {
    const skills = await repoSkills();
    const engine = createEngine({
      store: new SqliteRunStore({ file: join(dir, 'runs.db') }),
      skills,
      executors: { openai: createOpenAiExecutor({ model: 'stub-model', baseURL: stub.baseURL }) },
      loadPlaybook: async () => playbook,
      loadContext: async () => {
        const context = await loadContext(EXAMPLE_CONTEXT, { contextDir: join(REPO, 'context') });
        return { name: context.name, context };
      },
      parseContext,
      lease: {
        owner: identity.owner,
        pid: identity.pid,
        heartbeatMs: identity.heartbeatMs ?? 60_000,
        isProcessAlive: identity.alive ?? (() => true),
      },
    });
    opened.push({ engine });
    return engine;
  };

  const stallPlanOnce = () => {
    stub.reset();
    stub.setScript((request, count) => (request.stepId === 'plan' && count === 1 ? { stall: true } : { text: contractOutput(request.system, request.stepId, count) }));
  };

  const planStarted = (engine: Engine) =>
    new Promise<void>((resolve) => engine.events.on('step.started', (event) => event.stepId === 'plan' && resolve()));

  it('resumes a run whose process died mid-step: finished steps kept, the interrupted one re-run', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mops-resume-'));
    stallPlanOnce();
    const crashed = await openEngine({ owner: 'process-a', pid: 424242 });
    const started = planStarted(crashed);
    const { run } = await crashed.startRun({ playbook: 'three-steps' });
    await started;
    // "kill -9": process A stops writing; its lease (pid 424242) stays behind.
    await crashed.close();

    const rescuer = await openEngine({ owner: 'process-b', pid: process.pid, alive: (pid) => pid !== 424242 });
    const before = await rescuer.getRunDetails(run.id);
    expect(before.run.status).toBe('running');
    expect(before.lease?.owner).toBe('process-a');
    expect(before.steps.map((s) => s.status)).toEqual(['done', 'running', 'pending']);

    await rescuer.resumeRun(run.id);
    const after = await rescuer.waitForRun(run.id);
    expect(after.run.status).toBe('done');
    expect(after.steps[0]?.output).toBe(before.steps[0]?.output);
    expect(stub.countsByStep()).toEqual({ ideas: 1, plan: 2, copy: 1 });
    const attempts = await (await rescuer.getRunDetails(run.id)).attempts;
    expect(attempts.filter((a) => a.stepId === 'plan').map((a) => [a.number, a.status])).toEqual([
      [1, 'interrupted'],
      [2, 'done'],
    ]);
    const details = await rescuer.getRunDetails(run.id);
    expect(details.events.filter((e) => e.type === 'step.interrupted').map((e) => e.stepId)).toEqual(['plan']);
    expect(details.lease).toBeUndefined();
  });

  it('refuses to resume a run another live process is executing, and stops it on cancel', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mops-lease-'));
    stallPlanOnce();
    const owner = await openEngine({ owner: 'process-a', pid: process.pid, heartbeatMs: 30 });
    const started = planStarted(owner);
    const { run } = await owner.startRun({ playbook: 'three-steps' });
    await started;

    const other = await openEngine({ owner: 'process-b', pid: process.pid });
    await expect(other.resumeRun(run.id)).rejects.toThrow(
      new RegExp(`Cannot resume run ${run.id}: it is being executed by process ${process.pid} on .* \\(last heartbeat \\d+s ago\\)`),
    );
    await expect(other.submitStepOutput(run.id, 'plan', 'x')).rejects.toMatchObject({ code: 'INVALID_STATE' });

    const cancelled = await other.cancelRun(run.id, { reason: 'stopped from another terminal' });
    expect(cancelled.run.status).toBe('cancelled');
    // The owner notices on its next heartbeat, aborts the stalled step and settles as cancelled.
    const settled = await owner.waitForRun(run.id);
    expect(settled.run.status).toBe('cancelled');
    expect(settled.steps.map((s) => s.status)).toEqual(['done', 'cancelled', 'cancelled']);
  });
});
