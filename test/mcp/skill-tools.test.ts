import { CreateMessageRequestSchema, type CreateMessageRequest } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverableFor } from './support/deliverable.js';
import { connect, makeTempProject, textOf, type Connected, type TempProject } from './support/mcp-fixture.js';

let project: TempProject;
let plain: Connected;

beforeAll(async () => {
  project = makeTempProject();
  plain = await connect(project);
});
afterAll(async () => {
  await plain.close();
  await project.remove();
});

describe('list_skills and get_skill', () => {
  it('lists all 18 skills, and filters by category', async () => {
    const all = await plain.client.callTool({ name: 'list_skills', arguments: {} });
    const skills = (all.structuredContent as any).skills;
    expect(skills).toHaveLength(18);
    expect(skills.find((s: any) => s.id === 'cold-email')).toMatchObject({ category: 'channel', uri: 'skill://cold-email/SKILL.md' });
    const seo = await plain.client.callTool({ name: 'list_skills', arguments: { category: 'seo' } });
    expect((seo.structuredContent as any).skills.map((s: any) => s.id).sort()).toEqual(['ai-seo', 'seo-specialist']);
  });

  it('returns a skill in full: instructions, contract and near misses', async () => {
    const result = await plain.client.callTool({ name: 'get_skill', arguments: { skill: 'copywriting' } });
    const skill = result.structuredContent as any;
    expect(skill.instructions.length).toBeGreaterThan(500);
    expect(skill.contract.sections).toContain('Headline options');
    expect(skill.not.some((rule: any) => rule.use === 'copy-editing')).toBe(true);
    expect(textOf(result)).toContain(skill.instructions.slice(0, 40));
  });

  it('names the known skills when asked for an unknown one', async () => {
    const result = await plain.client.callTool({ name: 'get_skill', arguments: { skill: 'copywritting' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^NOT_FOUND: unknown skill "copywritting"; known skills: .*copywriting/);
  });
});

describe('run_skill', () => {
  it('hands the assembled instructions to a client without sampling (handoff)', async () => {
    const result = await plain.client.callTool({
      name: 'run_skill',
      arguments: { skill: 'cold-email', request: 'a 3-step sequence to finance leaders about month-end close' },
    });
    expect(result.isError).toBeFalsy();
    const data = result.structuredContent as any;
    expect(data).toMatchObject({ skill: 'cold-email', mode: 'handoff', context: 'northwind-analytics' });
    expect(data.instructions.system).toContain('Subject lines');
    expect(data.instructions.prompt).toContain('month-end close');
    // The marketing context is in the material.
    expect(data.instructions.prompt).toContain('Northwind');
    expect(data.output).toBeUndefined();
  });

  it('uses the client model through sampling and checks the output contract', async () => {
    const requests: CreateMessageRequest['params'][] = [];
    const sampling = await connect(project, {
      capabilities: { sampling: {} },
      setup: (client) =>
        client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
          requests.push(request.params);
          // Leave out one required section so the contract check has something to say.
          const text = (await deliverableFor('cold-email')).replace('## Send plan', '## Sending');
          return { role: 'assistant', model: 'test-model', content: { type: 'text', text } };
        }),
    });
    try {
      const result = await sampling.client.callTool({
        name: 'run_skill',
        arguments: { skill: 'cold-email', request: 'sequence for finance leaders' },
      });
      const data = result.structuredContent as any;
      expect(data.mode).toBe('sampling');
      expect(data.output).toContain('## Subject lines');
      expect(data.contract_problems.join(' ')).toContain('Send plan');
      // The first answer, then two repair requests quoting the violation; the answer never improves, so it comes back flagged.
      expect(requests).toHaveLength(3);
      expect(data.attempts).toBe(3);
      const repair = (requests[1]!.messages[0]!.content as { text: string }).text;
      expect(repair).toContain('## Repair needed');
      expect(repair).toContain('- Missing section(s) "## Send plan"');
      expect(requests[0]!.systemPrompt).toContain('cold-email');
      expect(JSON.stringify(requests[0]!.messages)).toContain('sequence for finance leaders');
    } finally {
      await sampling.close();
    }
  });

  it('explains every bad input: unknown skill, unknown context, unavailable executor', async () => {
    const unknownSkill = await plain.client.callTool({ name: 'run_skill', arguments: { skill: 'nope', request: 'x' } });
    expect(textOf(unknownSkill)).toMatch(/NOT_FOUND: unknown skill "nope"; known skills:/);

    const unknownContext = await plain.client.callTool({
      name: 'run_skill',
      arguments: { skill: 'copywriting', request: 'homepage hero', context: 'acme' },
    });
    expect(unknownContext.isError).toBe(true);
    expect(textOf(unknownContext)).toMatch(/NOT_FOUND: No marketing context at .*acme\.md\. Available contexts: northwind-analytics/);

    const path = await plain.client.callTool({
      name: 'run_skill',
      arguments: { skill: 'copywriting', request: 'homepage hero', context: '../../etc/hosts.md' },
    });
    expect(path.isError).toBe(true);
    expect(textOf(path)).toMatch(/not a path/);

    const sampling = await plain.client.callTool({
      name: 'run_skill',
      arguments: { skill: 'copywriting', request: 'homepage hero', executor: 'sampling' },
    });
    expect(textOf(sampling)).toMatch(/INVALID_INPUT: .*does not/);

    const openai = await plain.client.callTool({
      name: 'run_skill',
      arguments: { skill: 'copywriting', request: 'homepage hero', executor: 'openai' },
    });
    expect(textOf(openai)).toMatch(/INVALID_INPUT: .*MOPS_MODEL/);

    const badExecutor = await plain.client.callTool({
      name: 'run_skill',
      arguments: { skill: 'copywriting', request: 'homepage hero', executor: 'gpt' },
    });
    expect(badExecutor.isError).toBe(true);
    expect(textOf(badExecutor)).toMatch(/executor/);
  });
});
