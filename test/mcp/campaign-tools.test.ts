import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveHandoff } from './support/drive-handoff.js';
import { connect, makeTempProject, textOf, type Connected, type TempProject } from './support/mcp-fixture.js';

let project: TempProject;
let session: Connected;

const SPRINT_INPUTS = { theme: 'closing the books faster', site_url: 'https://northwind.example/blog' };

beforeAll(async () => {
  project = makeTempProject({ playbookFixtures: ['mini-launch.yaml'] });
  writeFileSync(join(project.paths.contextDir, 'thin.md'), '# Thin — marketing context\n\n## Product\n\nA tool.\n');
  session = await connect(project);
});
afterAll(async () => {
  await session.close();
  await project.remove();
});

describe('list_playbooks and plan_campaign', () => {
  it('lists the playbooks with their steps and inputs', async () => {
    const result = await session.client.callTool({ name: 'list_playbooks', arguments: {} });
    const playbooks = (result.structuredContent as any).playbooks;
    expect(playbooks.map((p: any) => p.id)).toEqual(
      expect.arrayContaining(['brand-awareness', 'content-sprint', 'conversion-optimization', 'lead-gen-blitz', 'product-launch', 'mini-launch']),
    );
    const mini = playbooks.find((p: any) => p.id === 'mini-launch');
    expect(mini.steps).toEqual(['copy', 'sign-off', 'utm-qa']);
    expect(mini.inputs).toEqual([
      { name: 'product_name', type: 'string', required: true, description: 'The product being launched.' },
      { name: 'channel', type: 'string', required: false, description: 'The main launch channel.', default: 'linkedin', enum: ['linkedin', 'email'] },
    ]);
  });

  it('plans a campaign: steps by level, owners, context verdict and a Mermaid chart', async () => {
    const result = await session.client.callTool({
      name: 'plan_campaign',
      arguments: { playbook: 'content-sprint', inputs: SPRINT_INPUTS, context: 'northwind-analytics' },
    });
    expect(result.isError).toBeFalsy();
    const plan = result.structuredContent as any;
    expect(plan.status).toBe('ready');
    expect(plan.executor).toBe('handoff');
    expect(plan.inputs).toMatchObject({ theme: 'closing the books faster', pieces: 4 });
    const social = plan.steps.find((s: any) => s.id === 'social');
    const aiSeo = plan.steps.find((s: any) => s.id === 'ai-seo');
    expect(social.level).toBe(aiSeo.level);
    expect(plan.steps[0]).toMatchObject({ id: 'strategy', kind: 'skill', uses: 'content-strategy', accountable: 'content-lead' });
    expect(plan.mermaid).toMatch(/^flowchart TD/);
    expect(textOf(result)).toContain('start_campaign');
  });

  it('names a missing required input, an unknown playbook and a thin context', async () => {
    const missing = await session.client.callTool({ name: 'plan_campaign', arguments: { playbook: 'content-sprint', inputs: { theme: 'x' }, context: 'northwind-analytics' } });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toMatch(/INVALID_INPUT: .*site_url/);

    const path = await session.client.callTool({ name: 'plan_campaign', arguments: { playbook: '/tmp/evil.yaml' } });
    expect(path.isError).toBe(true);
    expect(textOf(path)).toMatch(/expected a playbook id/);

    const unknown = await session.client.callTool({ name: 'plan_campaign', arguments: { playbook: 'launch' } });
    expect(textOf(unknown)).toMatch(/NOT_FOUND: .*Available playbooks: .*product-launch/);

    const thin = await session.client.callTool({ name: 'plan_campaign', arguments: { playbook: 'content-sprint', inputs: SPRINT_INPUTS, context: 'thin' } });
    const plan = thin.structuredContent as any;
    expect(plan.status).toBe('blocked');
    expect(plan.context.report).toMatch(/not ready/);

    const badInputs = await session.client.callTool({ name: 'plan_campaign', arguments: { playbook: 'content-sprint', inputs: 'theme=x' } });
    expect(badInputs.isError).toBe(true);
    expect(textOf(badInputs)).toMatch(/inputs/);
  });
});

describe('a campaign driven from chat in handoff mode', () => {
  it('hands out each step with its instructions and finishes after the last submit_step_output', async () => {
    const started = await session.client.callTool({
      name: 'start_campaign',
      arguments: { playbook: 'content-sprint', inputs: SPRINT_INPUTS, context: 'northwind-analytics' },
    });
    const first = started.structuredContent as any;
    expect(first.run).toMatchObject({ playbook: 'content-sprint', status: 'waiting', executor: 'handoff', context: 'northwind-analytics' });
    expect(first.waiting).toHaveLength(1);
    expect(first.waiting[0]).toMatchObject({ step_id: 'strategy', kind: 'handoff' });
    expect(first.waiting[0].instructions).toContain('Content strategy');
    expect(first.waiting[0].instructions).toContain('closing the books faster');
    expect(first.next[0]).toMatchObject({ tool: 'submit_step_output', arguments: { run_id: first.run.id, step_id: 'strategy' } });
    expect(textOf(started)).toContain('Your turn: step strategy');

    const { states, instructions } = await driveHandoff(session.client, first);
    const last = states.at(-1);
    expect(last.run.status).toBe('done');
    expect(last.next).toEqual([]);
    expect([...instructions.keys()]).toEqual(['strategy', 'production', 'humanize', 'ai-seo', 'social', 'analytics']);
    // Each step's instructions carry the outputs of the steps it depends on.
    expect(instructions.get('production')).toContain('from strategy');
    expect(instructions.get('analytics')).toContain('from social');
    expect(instructions.get('analytics')).toContain('from ai-seo');
    // The two steps after humanize wait side by side.
    const parallel = states.find((state) => state.waiting.length === 2);
    expect(parallel.waiting.map((w: any) => w.step_id).sort()).toEqual(['ai-seo', 'social']);

    const run = await session.client.callTool({ name: 'get_run', arguments: { run_id: first.run.id } });
    const view = run.structuredContent as any;
    expect(view.steps.every((s: any) => s.status === 'done')).toBe(true);
    expect(view.steps.find((s: any) => s.id === 'analytics').output).toContain('from analytics');
    expect(textOf(run)).toContain('## Track content performance (analytics)');
  });

  it('stops a campaign whose context falls short, with what to fix', async () => {
    const result = await session.client.callTool({
      name: 'start_campaign',
      arguments: { playbook: 'content-sprint', inputs: SPRINT_INPUTS, context: 'thin' },
    });
    const state = result.structuredContent as any;
    expect(state.run.status).toBe('blocked');
    expect(state.run.error.code).toBe('CONTEXT_INCOMPLETE');
    expect(state.run.report).toMatch(/Context "thin" is not ready/);
    expect(state.next.map((call: any) => call.tool)).toEqual(['check_context', 'resume_run']);
    expect(state.steps.every((s: any) => s.status !== 'done')).toBe(true);
  });

  it('resumes a blocked campaign once the context is fixed, without starting over', async () => {
    writeFileSync(join(project.paths.contextDir, 'fixable.md'), '# Fixable — marketing context\n\n## Product\n\nA tool.\n');
    const blocked = (
      await session.client.callTool({ name: 'start_campaign', arguments: { playbook: 'content-sprint', inputs: SPRINT_INPUTS, context: 'fixable' } })
    ).structuredContent as any;
    expect(blocked.run.status).toBe('blocked');

    // The user completes the context (here: with the worked example's text), then resumes.
    writeFileSync(join(project.paths.contextDir, 'fixable.md'), readFileSync(join(project.paths.contextDir, 'northwind-analytics.md'), 'utf8'));
    const resumed = await session.client.callTool({ name: 'resume_run', arguments: { run_id: blocked.run.id } });
    const state = resumed.structuredContent as any;
    expect(state.run.id).toBe(blocked.run.id);
    expect(state.run.status).toBe('waiting');
    expect(state.waiting[0].step_id).toBe('strategy');
    expect(state.waiting[0].instructions).toContain('Northwind');
  });
});
