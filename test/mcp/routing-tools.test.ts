import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPS_TOOLS } from '../../src/ops/index.js';
import { DEFAULT_CALIBRATION, createRouter, skillCandidate } from '../../src/routing/index.js';
import { shippedSkills } from './support/deliverable.js';
import { connect, makeTempProject, textOf, type Connected, type TempProject } from './support/mcp-fixture.js';

let project: TempProject;
let session: Connected;

beforeAll(async () => {
  project = makeTempProject();
  session = await connect(project);
});
afterAll(async () => {
  await session.close();
  await project.remove();
});

const FIXED_TOOLS = [
  'route_request',
  'list_skills',
  'get_skill',
  'run_skill',
  'check_context',
  'list_contexts',
  'list_playbooks',
  'plan_campaign',
  'start_campaign',
  'get_run',
  'list_runs',
  'submit_step_output',
  'approve_step',
  'resume_run',
  'cancel_run',
];

describe('tool list', () => {
  it('offers every fixed tool and every ops tool, each described, with output schema and annotations', async () => {
    const { tools } = await session.client.listTools();
    const names = tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining([...FIXED_TOOLS, ...OPS_TOOLS.map((tool) => tool.name)]));
    for (const tool of tools) {
      expect(tool.description?.length, tool.name).toBeGreaterThan(80);
      expect(tool.outputSchema?.type, tool.name).toBe('object');
      expect(tool.annotations, tool.name).toMatchObject({
        readOnlyHint: expect.any(Boolean),
        idempotentHint: expect.any(Boolean),
        destructiveHint: expect.any(Boolean),
        openWorldHint: expect.any(Boolean),
      });
    }
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect(byName.get('route_request')?.annotations?.readOnlyHint).toBe(true);
    expect(byName.get('cancel_run')?.annotations?.destructiveHint).toBe(true);
    expect(byName.get('start_campaign')?.annotations?.readOnlyHint).toBe(false);
    // Every input field tells the client's model what to put in it.
    for (const tool of tools) {
      for (const [field, schema] of Object.entries(tool.inputSchema.properties ?? {})) {
        expect((schema as { description?: string }).description, `${tool.name}.${field}`).toBeTruthy();
      }
    }
  });
});

describe('route_request', () => {
  it('routes a copy request to a skill and hands back the exact run_skill call', async () => {
    const request = 'write a headline and hero section for our homepage';
    const result = await session.client.callTool({ name: 'route_request', arguments: { request } });
    expect(result.isError).toBeFalsy();
    const data = result.structuredContent as any;
    expect(data.match).toEqual({ type: 'skill', id: 'copywriting' });
    expect(data.confidence).toBeGreaterThan(0.5);
    expect(data.next[0]).toMatchObject({ tool: 'run_skill', arguments: { skill: 'copywriting', request } });
    expect(data.next[1]).toMatchObject({ tool: 'get_skill', arguments: { skill: 'copywriting' } });
    expect(textOf(result)).toContain('run_skill');
  });

  it('routes a whole-campaign request to a playbook with a ready plan_campaign call and the inputs to ask for', async () => {
    const result = await session.client.callTool({ name: 'route_request', arguments: { request: 'run a content sprint on closing the books faster' } });
    const data = result.structuredContent as any;
    expect(data.match).toEqual({ type: 'playbook', id: 'content-sprint' });
    expect(data.next).toHaveLength(1);
    expect(data.next[0]).toMatchObject({ tool: 'plan_campaign', arguments: { playbook: 'content-sprint', inputs: {} } });
    expect(data.next[0].required_inputs.map((input: { name: string }) => input.name)).toEqual(['theme', 'site_url']);
  });

  it('says when a request is not a marketing task and suggests nothing', async () => {
    const result = await session.client.callTool({ name: 'route_request', arguments: { request: 'what is the boiling point of water at sea level' } });
    const data = result.structuredContent as any;
    expect(data.match).toBeNull();
    expect(data.next).toEqual([]);
    expect(textOf(result)).toMatch(/not a marketing task/i);
  });

  it('rejects an empty or mistyped request as a tool error, not a crash', async () => {
    const empty = await session.client.callTool({ name: 'route_request', arguments: { request: '   ' } });
    expect(empty.isError).toBe(true);
    expect(textOf(empty)).toMatch(/request/);
    const wrongType = await session.client.callTool({ name: 'route_request', arguments: { request: 42 } });
    expect(wrongType.isError).toBe(true);
    expect(textOf(wrongType)).toMatch(/expected string/i);
  });

  it('asks the client to clarify an ambiguous request, and explains what to set to let a model settle it', async () => {
    // Two skills with the same triggers: any request for one is a coin toss between them.
    const copywriting = skillCandidate((await shippedSkills()).require('copywriting'));
    const router = createRouter([copywriting, { ...copywriting, id: 'copywriting-twin' }], { calibration: { ...DEFAULT_CALIBRATION, askBelow: 0.9 } });
    const twins = await connect(project, { deps: { router } });
    try {
      const request = 'write copy for my homepage';
      const offline = await twins.client.callTool({ name: 'route_request', arguments: { request } });
      const data = offline.structuredContent as any;
      expect(data.confidence).toBeLessThan(0.6);
      expect(data.question).toMatch(/copywriting/);
      expect(textOf(offline)).toContain('Ask the user first');
      const settled = await twins.client.callTool({ name: 'route_request', arguments: { request, use_model: true } });
      expect(settled.isError).toBe(true);
      expect(textOf(settled)).toMatch(/INVALID_INPUT: .*MOPS_MODEL/);
    } finally {
      await twins.close();
    }
  });
});
