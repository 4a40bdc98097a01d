import { CallToolResultSchema, CreateMessageRequestSchema, type CreateMessageRequest, type Progress } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverableFor, shippedSkills } from './support/deliverable.js';
import { connect, makeTempProject, type Connected, type TempProject } from './support/mcp-fixture.js';

let project: TempProject;
const BRAND_INPUTS = { point_of_view: 'month-end should take a day', period: 'Q1 2027' };

beforeAll(() => {
  project = makeTempProject();
});
afterAll(() => project.remove());

/** The skill a sampling request is for, read from the system prompt the engine assembled. */
async function skillOf(request: CreateMessageRequest['params']): Promise<string> {
  const ids = (await shippedSkills()).ids();
  const match = /\(([a-z0-9-]+)\) for step/.exec(request.systemPrompt ?? '');
  if (!match?.[1] || !ids.includes(match[1])) throw new Error(`no skill in: ${request.systemPrompt?.slice(0, 200)}`);
  return match[1];
}

describe('a campaign on the client model (sampling)', () => {
  let session: Connected;
  const requests: CreateMessageRequest['params'][] = [];

  beforeAll(async () => {
    session = await connect(project, {
      capabilities: { sampling: {} },
      setup: (client) =>
        client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
          requests.push(request.params);
          const text = await deliverableFor(await skillOf(request.params), `s${requests.length}`);
          return { role: 'assistant', model: 'client-model', content: { type: 'text', text } };
        }),
    });
  });
  afterAll(() => session.close());

  it('runs every step through createMessage in one call, reporting progress as it goes', async () => {
    const progress: Progress[] = [];
    const result = await session.client.callTool(
      { name: 'start_campaign', arguments: { playbook: 'brand-awareness', inputs: BRAND_INPUTS, context: 'northwind-analytics' } },
      CallToolResultSchema,
      { onprogress: (p) => progress.push(p) },
    );
    const state = result.structuredContent as any;
    if (!state) throw new Error(JSON.stringify(result.content));
    if (state.run.status !== 'done') throw new Error(JSON.stringify(state.run));
    expect(state.run.executor).toBe('sampling');
    expect(requests.length).toBe(state.steps.filter((s: any) => s.kind === 'skill').length);
    // Every prompt carries the marketing context.
    for (const request of requests) expect(JSON.stringify(request.messages)).toContain('Northwind');

    expect(progress.length).toBeGreaterThan(2);
    const values = progress.map((p) => p.progress);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(new Set(values).size).toBe(values.length);
    expect(progress.at(-1)).toMatchObject({ progress: state.steps.length * 2, total: state.steps.length * 2 });
    expect(progress.some((p) => /started/.test(p.message ?? ''))).toBe(true);
  });
});

describe('cancelling the call', () => {
  it('cancels the run when the client aborts start_campaign', async () => {
    const controller = new AbortController();
    let sampled!: () => void;
    const firstSample = new Promise<void>((resolve) => (sampled = resolve));
    const session = await connect(project, {
      capabilities: { sampling: {} },
      setup: (client) =>
        client.setRequestHandler(CreateMessageRequestSchema, async (_request, extra) => {
          sampled();
          // A user who never answers: only the server's cancellation ends this.
          await new Promise((resolve) => extra.signal.addEventListener('abort', resolve));
          throw new Error('cancelled');
        }),
    });
    try {
      const call = session.client.callTool(
        { name: 'start_campaign', arguments: { playbook: 'brand-awareness', inputs: BRAND_INPUTS, context: 'northwind-analytics' } },
        CallToolResultSchema,
        { signal: controller.signal },
      );
      await firstSample;
      controller.abort('user pressed stop');
      await expect(call).rejects.toThrow();

      let status = '';
      for (let i = 0; i < 200 && status !== 'cancelled'; i++) {
        const runs = (await session.client.callTool({ name: 'list_runs', arguments: { playbook: 'brand-awareness', limit: 1 } })).structuredContent as any;
        status = runs.runs[0]?.status ?? '';
        if (status !== 'cancelled') await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(status).toBe('cancelled');
    } finally {
      await session.close();
    }
  });
});
