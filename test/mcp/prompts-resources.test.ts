import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/config/project-paths.js';
import { connect, makeTempProject, type Connected, type TempProject } from './support/mcp-fixture.js';

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

describe('prompts', () => {
  it('offers one prompt per skill and one per playbook', async () => {
    const { prompts } = await session.client.listPrompts();
    const names = prompts.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['copywriting', 'cold-email', 'marketing-ops', 'product-launch', 'mini-launch']));
    expect(names).toHaveLength(18 + 6);
    const skill = prompts.find((p) => p.name === 'copywriting')!;
    expect(skill.arguments).toEqual([
      expect.objectContaining({ name: 'request', required: true }),
      expect.objectContaining({ name: 'context', required: false }),
    ]);
    const playbook = prompts.find((p) => p.name === 'mini-launch')!;
    expect(playbook.arguments?.map((a) => [a.name, a.required])).toEqual([
      ['product_name', true],
      ['channel', false],
      ['context', false],
    ]);
  });

  it('fills a skill prompt with the request and the skill instructions', async () => {
    const result = await session.client.getPrompt({ name: 'copywriting', arguments: { request: 'hero for the pricing page' } });
    const text = (result.messages[0]!.content as { text: string }).text;
    expect(text).toContain('hero for the pricing page');
    expect(text).toContain('run_skill');
    expect(text).toContain('## ');
  });

  it('turns a playbook prompt into the tool calls that run the campaign', async () => {
    const result = await session.client.getPrompt({ name: 'mini-launch', arguments: { product_name: 'Ledgerly' } });
    const text = (result.messages[0]!.content as { text: string }).text;
    expect(text).toContain('"playbook":"mini-launch","inputs":{"product_name":"Ledgerly"}');
    expect(text).toContain('submit_step_output');
  });

  it('rejects a prompt call without its required argument', async () => {
    await expect(session.client.getPrompt({ name: 'copywriting', arguments: {} })).rejects.toThrow(/request/);
    await expect(session.client.getPrompt({ name: 'no-such-prompt' })).rejects.toThrow(/not found/);
  });

  it('completes prompt arguments: skill triggers, enum inputs and context names', async () => {
    const request = await session.client.complete({ ref: { type: 'ref/prompt', name: 'copywriting' }, argument: { name: 'request', value: 'head' } });
    expect(request.completion.values.length).toBeGreaterThan(0);
    expect(request.completion.values.every((v) => v.toLowerCase().includes('head'))).toBe(true);
    const channel = await session.client.complete({ ref: { type: 'ref/prompt', name: 'mini-launch' }, argument: { name: 'channel', value: 'em' } });
    expect(channel.completion.values).toEqual(['email']);
    const context = await session.client.complete({ ref: { type: 'ref/prompt', name: 'cold-email' }, argument: { name: 'context', value: 'north' } });
    expect(context.completion.values).toEqual(['northwind-analytics']);
  });
});

describe('resources', () => {
  it('lists skills, playbooks and contexts through their templates', async () => {
    const { resourceTemplates } = await session.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate).sort()).toEqual(['context://{name}', 'playbook://{id}', 'run://{id}', 'skill://{id}/SKILL.md']);
    const { resources } = await session.client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toEqual(expect.arrayContaining(['skill://copywriting/SKILL.md', 'playbook://product-launch', 'context://northwind-analytics']));
  });

  it('reads a SKILL.md, a playbook, a context and a run', async () => {
    const skill = await session.client.readResource({ uri: 'skill://copywriting/SKILL.md' });
    expect((skill.contents[0] as { text: string }).text).toBe(readFileSync(join(PACKAGE_ROOT, 'skills', 'copywriting', 'SKILL.md'), 'utf8'));
    const playbook = await session.client.readResource({ uri: 'playbook://mini-launch' });
    expect((playbook.contents[0] as { text: string }).text).toContain('id: mini-launch');
    expect(playbook.contents[0]!.mimeType).toBe('application/yaml');
    const context = await session.client.readResource({ uri: 'context://northwind-analytics' });
    expect((context.contents[0] as { text: string }).text).toContain('## Product');

    const started = await session.client.callTool({ name: 'start_campaign', arguments: { playbook: 'mini-launch', inputs: { product_name: 'Ledgerly' } } });
    const runId = (started.structuredContent as any).run.id;
    const { resources } = await session.client.listResources();
    expect(resources.map((r) => r.uri)).toContain(`run://${runId}`);
    const run = await session.client.readResource({ uri: `run://${runId}` });
    const view = JSON.parse((run.contents[0] as { text: string }).text);
    expect(view.run.id).toBe(runId);
    expect(view.steps.map((s: any) => s.stepId)).toEqual(['copy', 'sign-off', 'utm-qa']);
  });

  it('completes ids and names as the user types', async () => {
    const skill = await session.client.complete({ ref: { type: 'ref/resource', uri: 'skill://{id}/SKILL.md' }, argument: { name: 'id', value: 'copy' } });
    expect(skill.completion.values).toEqual(['copy-editing', 'copywriting']);
    const playbook = await session.client.complete({ ref: { type: 'ref/resource', uri: 'playbook://{id}' }, argument: { name: 'id', value: 'launch' } });
    expect(playbook.completion.values).toEqual(['mini-launch', 'product-launch']);
    const context = await session.client.complete({ ref: { type: 'ref/resource', uri: 'context://{name}' }, argument: { name: 'name', value: '' } });
    expect(context.completion.values).toEqual(['northwind-analytics']);
  });

  it('answers unknown ids with "resource not found" and the known ids', async () => {
    await expect(session.client.readResource({ uri: 'skill://copywritting/SKILL.md' })).rejects.toThrow(/unknown skill "copywritting"; known: .*copywriting/);
    await expect(session.client.readResource({ uri: 'playbook://nope' })).rejects.toThrow(/unknown playbook "nope"/);
    await expect(session.client.readResource({ uri: 'context://globex' })).rejects.toThrow(/No marketing context/);
    await expect(session.client.readResource({ uri: 'run://missing' })).rejects.toThrow(/unknown run "missing"/);
    await expect(session.client.readResource({ uri: 'context://..%2Fsecrets' })).rejects.toThrow(/unknown context/);
  });
});
