import { resolve } from 'node:path';
import { APICallError } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContext, type MarketingContext } from '../../src/context/index.js';
import { MopsError } from '../../src/errors/index.js';
import { OpenAiExecutor, type AgentToolbox, type AgentToolCall, type StepRequest } from '../../src/executors/index.js';
import { agentModel } from './support/agent-model.js';

const REPO = resolve(import.meta.dirname, '../..');
let northwind: MarketingContext;
beforeAll(async () => {
  northwind = await loadContext('northwind-analytics', { contextDir: resolve(REPO, 'context'), cwd: REPO });
});

const signal = () => new AbortController().signal;

/** A toolbox whose calls land in `recorded`, on a clock that advances 5 ms per reading (tools of one turn run concurrently). */
function toolbox(overrides: Partial<AgentToolbox> = {}): { box: AgentToolbox; recorded: AgentToolCall[] } {
  const recorded: AgentToolCall[] = [];
  let tick = Date.parse('2026-03-01T10:00:00.000Z');
  const box: AgentToolbox = {
    names: ['read_context', 'read_step_output', 'build_utm', 'validate_utms'],
    skillId: 'paid-ads',
    skillIds: ['paid-ads', 'ad-creative', 'copywriting'],
    context: { name: 'northwind-analytics', context: northwind },
    steps: { plan: { name: 'Plan the launch', output: '## Pillars\n- Speed\n- Trust' } },
    record: async (call) => {
      recorded.push(call);
    },
    clock: () => new Date((tick += 5)),
    ...overrides,
  };
  return { box, recorded };
}

const request = (box: AgentToolbox, extra: Partial<StepRequest> = {}): StepRequest => ({
  runId: 'run-1',
  stepId: 'ads',
  attempt: 1,
  skillId: 'paid-ads',
  prompt: { system: 'You plan paid campaigns.', user: '# Campaign\n\n## This step: Paid plan (ads)\n\nLaunch Pulse.' },
  tools: box,
  ...extra,
});

describe('OpenAiExecutor agent loop with the skill tools', () => {
  it('calls build_utm, read_context and validate_utms, then answers; every call is recorded with input, result and timing', async () => {
    const { box, recorded } = toolbox();
    const { model, calls } = agentModel((call, index) => {
      if (index === 0) {
        return {
          calls: [
            { name: 'build_utm', input: { url: 'https://northwind.example/pulse', source: 'LinkedIn', medium: 'paid-social', campaign: 'Pulse Launch' } },
            { name: 'read_context', input: { section: 'proof-points' } },
          ],
        };
      }
      if (index === 1) {
        const built = call.results.find((r) => r.name === 'build_utm')?.value as { url: string };
        return { calls: [{ name: 'validate_utms', input: { urls: [built.url] } }] };
      }
      return { text: '## Tracking links\n\n- https://northwind.example/pulse?utm_source=linkedin&utm_medium=paid-social&utm_campaign=pulse-launch' };
    });
    const result = await new OpenAiExecutor({ model }).execute(request(box), { signal: signal() });

    expect(result).toMatchObject({ status: 'done', usage: { inputTokens: 60, outputTokens: 30 } });
    expect(calls[0]!.tools).toEqual(['read_context', 'read_step_output', 'build_utm', 'validate_utms', 'handoff_to_skill']);
    expect(recorded.map((c) => c.name)).toEqual(['build_utm', 'read_context', 'validate_utms']);
    const [utm, context, check] = recorded;
    expect(utm!.input).toMatchObject({ source: 'LinkedIn', campaign: 'Pulse Launch' });
    expect(utm!.result).toMatchObject({ ok: true, url: 'https://northwind.example/pulse?utm_source=linkedin&utm_medium=paid-social&utm_campaign=pulse-launch' });
    expect(context!.result).toMatchObject({ context: 'northwind-analytics', section: 'proof-points' });
    expect((context!.result as { markdown: string }).markdown).toContain('## Proof points');
    expect((context!.result as { markdown: string }).markdown).not.toContain('## Personas');
    expect(check!.result).toMatchObject({ summary: { total: 1, ok: 1, withErrors: 0 } });
    for (const call of recorded) {
      expect(call.durationMs).toBeGreaterThan(0);
      expect(call.startedAt).toMatch(/^2026-03-01T10:00:00\.\d{3}Z$/);
    }
    // The model saw the results of its calls before answering.
    expect(calls[2]!.results.map((r) => r.name)).toEqual(['build_utm', 'read_context', 'validate_utms']);
  });

  it('returns a bad tool input to the model as an error it can fix, and records it', async () => {
    const { box, recorded } = toolbox();
    const { model, calls } = agentModel((_call, index) =>
      index === 0
        ? { calls: [{ name: 'build_utm', input: { url: 'https://northwind.example' } }, { name: 'read_step_output', input: { step: 'brief' } }] }
        : { text: '## Tracking links\n\nNone yet.' },
    );
    await new OpenAiExecutor({ model }).execute(request(box), { signal: signal() });
    expect(recorded.map((c) => c.name)).toEqual(['build_utm', 'read_step_output']);
    expect((recorded[0]!.result as { error: string }).error).toMatch(/^build_utm: the input has \d problem\(s\):\n {2}source/);
    expect(recorded[1]!.result).toEqual({ error: 'read_step_output: no finished step "brief" in this run. Finished steps: plan.' });
    expect(calls[1]!.results[0]!.value).toMatchObject({ error: expect.stringContaining('build_utm') });
  });

  it('reads an earlier step output and the whole context, and says when the run has no context', async () => {
    const { box, recorded } = toolbox();
    const { model } = agentModel((_call, index) =>
      index === 0 ? { calls: [{ name: 'read_step_output', input: { step: 'plan' } }, { name: 'read_context', input: {} }] } : { text: 'Done.' },
    );
    await new OpenAiExecutor({ model }).execute(request(box), { signal: signal() });
    expect(recorded[0]!.result).toEqual({ step: 'plan', name: 'Plan the launch', output: '## Pillars\n- Speed\n- Trust' });
    expect((recorded[1]!.result as { markdown: string }).markdown).toContain('## Personas');

    const bare = toolbox({ context: undefined });
    const again = agentModel((_call, index) => (index === 0 ? { calls: [{ name: 'read_context', input: { section: 'pains' } }] } : { text: 'Done.' }));
    await new OpenAiExecutor({ model: again.model }).execute(request(bare.box), { signal: signal() });
    expect(bare.recorded[0]!.result).toEqual({ error: 'This run has no marketing context. Work from the step inputs and say which facts you assumed.' });
  });

  it('stops at handoff_to_skill and reports the skill and reason; an unknown skill is refused so the loop goes on', async () => {
    const { box, recorded } = toolbox();
    const { model, calls } = agentModel((_call, index) =>
      index === 0
        ? { calls: [{ name: 'handoff_to_skill', input: { skill: 'ad-copy', reason: 'They want ad text' } }] }
        : { calls: [{ name: 'handoff_to_skill', input: { skill: 'ad-creative', reason: 'They want the ad text itself, not a media plan.' } }] },
    );
    const result = await new OpenAiExecutor({ model }).execute(request(box), { signal: signal() });
    expect(result).toMatchObject({ status: 'handoff', to: 'ad-creative', reason: 'They want the ad text itself, not a media plan.', output: '' });
    expect(calls).toHaveLength(2);
    expect(recorded.map((c) => [c.name, c.result])).toEqual([
      ['handoff_to_skill', { error: 'handoff_to_skill: unknown skill "ad-copy". Installed skills: paid-ads, ad-creative, copywriting.' }],
      ['handoff_to_skill', expect.objectContaining({ accepted: true, skill: 'ad-creative' })],
    ]);
  });

  it('offers no tools on the last call the step limit allows; a loop that never answers is a MODEL_ERROR naming the limit', async () => {
    const { box } = toolbox();
    const { model, calls } = agentModel(() => ({ calls: [{ name: 'read_context', input: {} }] }));
    const error = await new OpenAiExecutor({ model, maxSteps: 3 }).execute(request(box), { signal: signal() }).catch((e: unknown) => e);
    expect(calls.map((c) => c.tools.length)).toEqual([5, 5, 0]);
    expect(error).toBeInstanceOf(MopsError);
    expect((error as MopsError).message).toMatch(/returned no text for step "ads" after 3 model calls of tool use \(the step limit\)/);
  });

  it('repairs by sending the earlier answer and the exact violations after the step prompt', async () => {
    const { box } = toolbox();
    const { model, calls } = agentModel(() => ({ text: '## Headlines\n- Fixed' }));
    const violation = 'Section "Headlines": 1 item(s) exceed the Google Ads responsive search ad headline limit of 30 characters: "Revenue numbers your board trusts" (33).';
    await new OpenAiExecutor({ model }).execute(request(box, { attempt: 2, repair: { output: '## Headlines\n- Revenue numbers your board trusts', violations: [violation] } }), {
      signal: signal(),
    });
    expect(calls[0]!.user).toContain('## This step: Paid plan (ads)');
    expect(calls[0]!.assistant).toBe('## Headlines\n- Revenue numbers your board trusts');
    expect(calls[0]!.lastUser).toContain(`- ${violation}`);
    expect(calls[0]!.lastUser).toMatch(/^Your answer breaks this step's output contract/);
  });

  it('answers without tools from then on when the endpoint refuses tool calling', async () => {
    const { box, recorded } = toolbox();
    const offered: number[] = [];
    const model = new MockLanguageModelV3({
      doGenerate: async (options) => {
        offered.push(options.tools?.length ?? 0);
        if (options.tools?.length) {
          throw new APICallError({
            message: 'Bad Request',
            url: 'http://127.0.0.1:11434/v1/chat/completions',
            requestBodyValues: {},
            statusCode: 400,
            responseBody: '{"error":{"message":"registry.ollama.ai/library/gemma:2b does not support tools"}}',
          });
        }
        return {
          content: [{ type: 'text', text: '## Plan\n\nNo tools needed.' }],
          finishReason: { unified: 'stop', raw: 'stop' },
          usage: { inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 1, text: 1, reasoning: undefined } },
          warnings: [],
        };
      },
    });
    const executor = new OpenAiExecutor({ model });
    expect(executor.toolAccess).toBe('agent');
    expect(await executor.execute(request(box), { signal: signal() })).toMatchObject({ status: 'done', output: '## Plan\n\nNo tools needed.' });
    expect(executor.toolAccess).toBe('none');
    await executor.execute(request(box), { signal: signal() });
    expect(offered).toEqual([5, 0, 0]);
    expect(recorded).toEqual([]);
  });
});
