import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectEngine, type Engine } from '../../src/engine/index.js';
import { OpenAiExecutor } from '../../src/executors/index.js';
import { agentModel, type AgentCall, type AgentTurn } from '../executors/support/agent-model.js';
import { deliverableFor } from './support/deliverable.js';
import { connect, makeTempProject, textOf, type Connected, type TempProject } from './support/mcp-fixture.js';

const REASON = 'They have a draft already and want it tightened.';
const LONG = 'Close your books 3 days faster!'; // 31 characters

let project: TempProject;
let engine: Engine;
let server: Connected;
/** What the server model does; each test sets its own. */
let script: (call: AgentCall) => AgentTurn;

/** An ad-creative deliverable whose first RSA headline is `headline`. */
function ads(headline: string): string {
  return [
    '## Angles\n\nSpeed to close.',
    `## Headlines\n\n- ${headline}\n- Board-ready numbers every week`,
    '## Descriptions\n\n- Month-end close in days, not weeks.',
    '## Platform variants\n\nLinkedIn: lead with proof.',
    '## Test plan\n\nSpeed angle against trust angle.',
  ].join('\n\n');
}

beforeAll(async () => {
  project = makeTempProject();
  const { model } = agentModel((call) => script(call));
  ({ engine } = await createProjectEngine({ env: project.env, cwd: project.root, executors: { openai: new OpenAiExecutor({ model }) }, executor: 'openai' }));
  // MOPS_MODEL tells the server a model is configured; the injected engine supplies it.
  server = await connect(project, { deps: { engine, env: { ...project.env, MOPS_MODEL: 'mock-model' } } });
});
afterAll(async () => {
  await server.close();
  await engine.close();
  await project.remove();
});

const runSkill = async (args: Record<string, unknown>) => {
  const result = await server.client.callTool({ name: 'run_skill', arguments: args });
  expect(result.isError, textOf(result)).toBeFalsy();
  return { data: result.structuredContent as any, text: textOf(result) };
};

describe('run_skill with the server model', () => {
  it('reports the tools the agent called, recorded on a one-step run get_run shows', async () => {
    const deliverable = await deliverableFor('social-content');
    script = (call) =>
      call.results.length === 0
        ? { calls: [{ name: 'check_copy_length', input: { limit: 'x-post', texts: ['Close the books in days.'] } }, { name: 'read_context', input: { section: 'brand-voice' } }] }
        : { text: deliverable };
    const { data } = await runSkill({ skill: 'social-content', request: 'Three X posts for the Pulse launch' });
    expect(data).toMatchObject({ skill: 'social-content', mode: 'openai', context: 'northwind-analytics', contract_problems: [], attempts: 1 });
    expect(data.tool_calls).toEqual(['check_copy_length', 'read_context']);
    const details = await engine.getRunDetails(data.run_id);
    expect(details.toolCalls.map((c) => [c.name, c.stepId, c.attempt])).toEqual([
      ['check_copy_length', 'social-content', 1],
      ['read_context', 'social-content', 1],
    ]);
    expect(details.toolCalls[1]!.result).toMatchObject({ section: 'brand-voice' });
    const run = await server.client.callTool({ name: 'get_run', arguments: { run_id: data.run_id } });
    expect((run.structuredContent as any).steps[0]).toMatchObject({ id: 'social-content', status: 'done', attempts: 1 });
  });

  it('repairs a 31-character headline and returns the repaired deliverable', async () => {
    script = (call) => ({ text: ads(call.assistant ? 'Close your books 3 days faster' : LONG) });
    const { data, text } = await runSkill({ skill: 'ad-creative', request: 'RSA headlines for Pulse' });
    expect(data).toMatchObject({ attempts: 2, contract_problems: [], output: ads('Close your books 3 days faster') });
    expect(text).not.toContain('Output contract');
  });

  it('returns the output flagged, with the violations, when the repairs do not fix it; get_run shows the flag', async () => {
    script = () => ({ text: ads(LONG) });
    const { data, text } = await runSkill({ skill: 'ad-creative', request: 'RSA headlines for Pulse' });
    const violation = `Section "Headlines": 1 item(s) exceed the Google Ads responsive search ad headline limit of 30 characters: "${LONG}" (31).`;
    expect(data).toMatchObject({ attempts: 3, contract_problems: [violation], output: ads(LONG) });
    expect(text).toContain(`Output contract (still broken after the repairs): ${violation}`);
    const run = await server.client.callTool({ name: 'get_run', arguments: { run_id: data.run_id } });
    expect((run.structuredContent as any).steps[0].error).toContain(`CONTRACT_VIOLATION: The output of step "ad-creative" breaks the ad-creative output contract: ${violation}`);
  });

  it('re-routes once when the agent hands off, and says so', async () => {
    const edited = await deliverableFor('copy-editing');
    script = (call) =>
      call.stepId === 'copywriting' && call.results.length === 0
        ? { calls: [{ name: 'handoff_to_skill', input: { skill: 'copy-editing', reason: REASON } }] }
        : { text: edited };
    const { data, text } = await runSkill({ skill: 'copywriting', request: 'Tighten this hero: We are the best platform ever' });
    expect(data).toMatchObject({ skill: 'copy-editing', handoff: { from: 'copywriting', to: 'copy-editing', reason: REASON }, output: edited });
    expect(text).toContain(`Handed off: the copywriting skill passed this request to copy-editing (${REASON}).`);
  });
});

describe('run_skill in handoff mode', () => {
  it("lists the skill's tools by their MCP names and the Not This rules", async () => {
    const plain = await connect(project);
    try {
      const result = await plain.client.callTool({ name: 'run_skill', arguments: { skill: 'landing-page-generator', request: 'A page for Pulse' } });
      const data = result.structuredContent as any;
      expect(data.mode).toBe('handoff');
      expect(data.instructions.system).toContain("This server's MCP tools can do the checks and lookups");
      for (const name of ['check_copy_length', 'build_utm', 'validate_utms']) expect(data.instructions.system).toContain(`- \`${name}\`: `);
      expect(data.instructions.system).toContain('## When the request belongs to another skill');
      expect(textOf(result)).toContain('call run_skill with that skill instead');
    } finally {
      await plain.close();
    }
  });
});
