import { MockLanguageModelV3 } from 'ai/test';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRouter, type Router } from '../../src/routing/index.js';
import { settleWithModel } from '../../src/routing/settle-with-model.js';

/** A mock model that answers a routing choice with `answer` and records the prompt. */
function choosingModel(answer: string, prompts: string[] = []): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    doGenerate: async (options) => {
      prompts.push(JSON.stringify(options.prompt));
      return {
        content: [{ type: 'text', text: JSON.stringify({ result: answer }) }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: {
          inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 3, text: 3, reasoning: undefined },
        },
        warnings: [],
      };
    },
  });
}

describe('settling low-confidence routes with a model', () => {
  let router: Router;
  beforeAll(async () => {
    router = await loadRouter();
  });

  it('keeps a confident offline answer without calling the model', async () => {
    const prompts: string[] = [];
    const offline = router.route('write ad headlines for our spring sale');
    const settled = await settleWithModel('write ad headlines for our spring sale', offline, router, { model: choosingModel('paid-ads', prompts) });
    expect(settled).toEqual(offline);
    expect(prompts).toHaveLength(0);
  });

  it('lets the model choose among the top candidates when the router is unsure', async () => {
    const text = 'ads';
    const offline = router.route(text);
    const prompts: string[] = [];
    const candidates = router.score(text).slice(0, 4).filter((s) => s.score > 0).map((s) => router.index.candidates[s.index]!.id);
    const pick = candidates.find((id) => id !== offline.match?.id) ?? candidates[0]!;
    const settled = await settleWithModel(text, offline, router, { model: choosingModel(pick, prompts), below: 1.01 });
    expect(settled.match?.id).toBe(pick);
    expect(settled.reason).toMatch(new RegExp(`the model chose ${pick}`));
    expect(prompts[0]).toContain(candidates[0]);
  });

  it('accepts the model saying the request is not marketing', async () => {
    const offline = router.route('tell me about our plans');
    const settled = await settleWithModel('tell me about our plans', offline, router, { model: choosingModel('none-of-these'), below: 1.01 });
    if (router.score('tell me about our plans')[0]!.score > 0) {
      expect(settled.match).toBeNull();
      expect(settled.reason).toMatch(/the model judged it out of scope/);
    }
  });

  it('falls back to the offline answer when the model fails', async () => {
    const failing = new MockLanguageModelV3({
      doGenerate: async () => {
        throw new Error('connection refused');
      },
    });
    const offline = router.route('ads');
    const settled = await settleWithModel('ads', offline, router, { model: failing, below: 1.01 });
    expect(settled.match).toEqual(offline.match);
    expect(settled.reason).toMatch(/model unavailable: connection refused/);
  });

  it('asks for MOPS_MODEL when no model is configured', async () => {
    const offline = router.route('ads');
    await expect(settleWithModel('ads', offline, router, { env: {}, below: 1.01 })).rejects.toThrow(/MOPS_MODEL/);
  });
});
