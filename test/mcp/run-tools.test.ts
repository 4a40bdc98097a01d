import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverableFor } from './support/deliverable.js';
import { connect, makeTempProject, textOf, type Connected, type TempProject } from './support/mcp-fixture.js';

let project: TempProject;
let session: Connected;

beforeAll(async () => {
  project = makeTempProject({ playbookFixtures: ['mini-launch.yaml'] });
  session = await connect(project);
});
afterAll(async () => {
  await session.close();
  await project.remove();
});

const call = async (name: string, args: Record<string, unknown>) => session.client.callTool({ name, arguments: args });
const start = async () => (await call('start_campaign', { playbook: 'mini-launch', inputs: { product_name: 'Ledgerly' } })).structuredContent as any;

describe('approvals and gates', () => {
  it('waits for the named approver, then runs the UTM gate and finishes', async () => {
    const first = await start();
    const copy = `${await deliverableFor('copywriting', 'copy')}\n\nhttps://ledgerly.example/?utm_source=linkedin&utm_medium=social&utm_campaign=ledgerly-launch`;
    const afterCopy = (await call('submit_step_output', { run_id: first.run.id, step_id: 'copy', output: copy })).structuredContent as any;
    expect(afterCopy.run.status).toBe('waiting');
    expect(afterCopy.waiting).toEqual([expect.objectContaining({ step_id: 'sign-off', kind: 'approval', approver: 'marketing-director' })]);
    expect(afterCopy.next[0]).toMatchObject({ tool: 'approve_step', arguments: { run_id: first.run.id, step_id: 'sign-off', approver: 'marketing-director' } });

    const wrong = await call('approve_step', { run_id: first.run.id, step_id: 'sign-off', approver: 'intern' });
    expect(wrong.isError).toBe(true);
    expect(textOf(wrong)).toMatch(/INVALID_INPUT: Step "sign-off" must be approved by "marketing-director"/);

    const approved = await call('approve_step', { run_id: first.run.id, step_id: 'sign-off', approver: 'marketing-director', note: 'Go.' });
    const done = approved.structuredContent as any;
    expect(done.run.status).toBe('done');
    expect(done.steps.map((s: any) => [s.id, s.status])).toEqual([
      ['copy', 'done'],
      ['sign-off', 'done'],
      ['utm-qa', 'done'],
    ]);
  });

  it('fails the run when the gate finds a broken link, and says how to continue', async () => {
    const first = await start();
    const copy = `${await deliverableFor('copywriting')}\n\nhttps://ledgerly.example/?utm_source=LinkedIn&utm_campaign=Launch_Week`;
    await call('submit_step_output', { run_id: first.run.id, step_id: 'copy', output: copy });
    const result = await call('approve_step', { run_id: first.run.id, step_id: 'sign-off', approver: 'marketing-director' });
    const state = result.structuredContent as any;
    expect(['failed', 'blocked']).toContain(state.run.status);
    expect(state.run.error.code).toBe('GATE_FAILED');
    expect(state.next.some((c: any) => c.tool === 'resume_run')).toBe(true);
    expect(textOf(result)).toContain('GATE_FAILED');
  });
});

describe('bad input on runs', () => {
  it('explains an unknown run, an unknown step and a step that is not waiting', async () => {
    const first = await start();
    const unknownRun = await call('get_run', { run_id: 'no-such-run' });
    expect(unknownRun.isError).toBe(true);
    expect(textOf(unknownRun)).toMatch(/NOT_FOUND: No run "no-such-run"/);

    const unknownStep = await call('submit_step_output', { run_id: first.run.id, step_id: 'headline', output: 'x' });
    expect(textOf(unknownStep)).toMatch(/NOT_FOUND: Run .* has no step "headline". Its steps: copy, sign-off, utm-qa/);

    const notWaiting = await call('submit_step_output', { run_id: first.run.id, step_id: 'utm-qa', output: 'x' });
    expect(textOf(notWaiting)).toMatch(/INVALID_STATE: Step "utm-qa" .* is pending, not waiting.*Waiting now: copy/);

    const empty = await call('submit_step_output', { run_id: first.run.id, step_id: 'copy', output: '' });
    expect(empty.isError).toBe(true);

    // Text that misses the skill's required sections is refused, and the step keeps waiting.
    const offContract = await call('submit_step_output', { run_id: first.run.id, step_id: 'copy', output: '## Headline options\n\n- Close in a day' });
    expect(offContract.isError).toBe(true);
    expect(textOf(offContract)).toMatch(/CONTRACT_VIOLATION: .*Message strategy/);
    const still = (await call('get_run', { run_id: first.run.id })).structuredContent as any;
    expect(still.waiting.map((w: any) => w.step_id)).toEqual(['copy']);

    const unknownRunSubmit = await call('submit_step_output', { run_id: 'no-such-run', step_id: 'copy', output: 'x' });
    expect(textOf(unknownRunSubmit)).toMatch(/NOT_FOUND/);

    const wrongType = await call('get_run', { run_id: 7 });
    expect(wrongType.isError).toBe(true);
  });

  it('cancels a waiting run once, and refuses to resume a finished or cancelled one', async () => {
    const first = await start();
    const cancelled = (await call('cancel_run', { run_id: first.run.id, reason: 'launch moved' })).structuredContent as any;
    expect(cancelled.run.status).toBe('cancelled');
    expect(cancelled.steps.find((s: any) => s.id === 'copy').status).toBe('cancelled');
    expect(cancelled.next).toEqual([]);

    const again = await call('cancel_run', { run_id: first.run.id });
    expect(textOf(again)).toMatch(/INVALID_STATE: Run .* is already cancelled/);
    const resume = await call('resume_run', { run_id: first.run.id });
    expect(textOf(resume)).toMatch(/INVALID_STATE: Run .* is already cancelled/);
    const submit = await call('submit_step_output', { run_id: first.run.id, step_id: 'copy', output: 'late' });
    expect(submit.isError).toBe(true);
  });

  it('lists runs newest first, filtered by status and playbook', async () => {
    const all = (await call('list_runs', {})).structuredContent as any;
    expect(all.runs.length).toBeGreaterThanOrEqual(4);
    expect(all.runs.every((r: any) => r.playbook === 'mini-launch')).toBe(true);
    const cancelled = (await call('list_runs', { status: 'cancelled', playbook: 'mini-launch' })).structuredContent as any;
    expect(cancelled.runs.length).toBeGreaterThanOrEqual(1);
    expect(cancelled.runs.every((r: any) => r.status === 'cancelled')).toBe(true);
    const none = await call('list_runs', { playbook: 'product-launch' });
    expect((none.structuredContent as any).runs).toEqual([]);
    expect(textOf(none)).toContain('start_campaign');
    const badLimit = await call('list_runs', { limit: 0 });
    expect(badLimit.isError).toBe(true);
  });

  it('feeds the run store to workflow_health when no runs are passed', async () => {
    const result = await call('workflow_health', { playbookId: 'mini-launch' });
    expect(result.isError, textOf(result)).toBeFalsy();
    const health = result.structuredContent as any;
    expect(health.overall.runs.total).toBeGreaterThanOrEqual(4);
    expect(health.overall.runs.completed).toBeGreaterThanOrEqual(1);
    expect(health.overall.runs.cancelled).toBeGreaterThanOrEqual(1);
    expect(health.playbooks.map((p: any) => p.playbookId)).toEqual(['mini-launch']);
  });
});
