import { APICallError } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MopsError } from '../../src/errors/index.js';
import { createOpenAiExecutor, OpenAiExecutor, type StepRequest } from '../../src/executors/index.js';
import { startOpenAiStub, type OpenAiStub } from './openai-stub.js';

const request: StepRequest = {
  runId: 'run-1',
  stepId: 'copy',
  attempt: 1,
  skillId: 'copywriting',
  prompt: { system: 'You write copy. ## Output format', user: '# Campaign\n\n## This step: Write copy (copy)\n\nProduct: Acme' },
};

const generated = (text: string) => ({
  content: [{ type: 'text' as const, text }],
  finishReason: { unified: 'stop' as const, raw: 'stop' },
  usage: {
    inputTokens: { total: 42, noCache: 42, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: 7, text: 7, reasoning: undefined },
  },
  warnings: [],
});

const signal = () => new AbortController().signal;

describe('OpenAiExecutor with the AI SDK mock model', () => {
  it('sends the system and user prompt and returns the text with token usage', async () => {
    const model = new MockLanguageModelV3({ doGenerate: generated('## Headline options\n- Ship faster') });
    const result = await new OpenAiExecutor({ model }).execute(request, { signal: signal() });
    expect(result).toEqual({ status: 'done', output: '## Headline options\n- Ship faster', usage: { inputTokens: 42, outputTokens: 7 } });
    const prompt = model.doGenerateCalls[0]!.prompt;
    expect(prompt[0]).toMatchObject({ role: 'system', content: request.prompt.system });
    expect(JSON.stringify(prompt[1])).toContain('Product: Acme');
  });

  it('treats an empty answer as a model error that is not retried', async () => {
    const model = new MockLanguageModelV3({ doGenerate: generated('   ') });
    const error = await new OpenAiExecutor({ model }).execute(request, { signal: signal() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MopsError);
    expect(error).toMatchObject({ code: 'MODEL_ERROR', details: { retryable: false } });
    expect((error as Error).message).toMatch(/returned no text for step "copy"/);
  });

  it.each([
    [401, false, /OPENAI_API_KEY/],
    [404, false, /MOPS_MODEL and OPENAI_BASE_URL/],
    [429, true, /rate limiting/],
    [503, true, /server error/],
  ])('maps HTTP %i to MODEL_ERROR with retryable=%s', async (status, retryable, hint) => {
    const model = new MockLanguageModelV3({
      doGenerate: async () => {
        throw new APICallError({ message: 'boom', url: 'http://x/v1/chat/completions', requestBodyValues: {}, statusCode: status, responseBody: '{"error":"nope"}' });
      },
    });
    const error = await new OpenAiExecutor({ model, modelName: 'test-model' }).execute(request, { signal: signal() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MODEL_ERROR', details: { status, retryable } });
    expect((error as Error).message).toMatch(new RegExp(`HTTP ${status}`));
    expect((error as Error).message).toMatch(hint);
  });

  it('surfaces the engine\'s abort reason instead of the SDK\'s abort error', async () => {
    const controller = new AbortController();
    const model = new MockLanguageModelV3({
      doGenerate: async (options) =>
        new Promise((_resolve, reject) => {
          const fail = () => reject(new DOMException('aborted', 'AbortError'));
          if (options.abortSignal?.aborted) fail();
          options.abortSignal?.addEventListener('abort', fail);
        }),
    });
    const pending = new OpenAiExecutor({ model }).execute(request, { signal: controller.signal });
    controller.abort(new MopsError('TIMEOUT', 'Step "copy" took longer than 5s.'));
    await expect(pending).rejects.toMatchObject({ code: 'TIMEOUT' });
  });
});

describe('createOpenAiExecutor against an OpenAI-compatible HTTP server', () => {
  let stub: OpenAiStub;
  beforeAll(async () => {
    stub = await startOpenAiStub();
  });
  afterAll(async () => {
    await stub.close();
  });

  it('calls /v1/chat/completions with the configured model and reads usage', async () => {
    stub.setScript(() => ({ text: 'Hello from the stub', usage: { prompt: 11, completion: 3 } }));
    const executor = createOpenAiExecutor({ model: 'llama3.1', baseURL: stub.baseURL });
    const result = await executor.execute(request, { signal: signal() });
    expect(result).toEqual({ status: 'done', output: 'Hello from the stub', usage: { inputTokens: 11, outputTokens: 3 } });
    const last = stub.requests.at(-1)!;
    expect(last).toMatchObject({ model: 'llama3.1', stepId: 'copy', system: request.prompt.system });
    expect(last.user).toContain('Product: Acme');
  });

  it('reports garbage from the endpoint as a clear, non-retryable model error', async () => {
    stub.setScript(() => ({ raw: '<html>502 proxy</html>' }));
    const executor = createOpenAiExecutor({ model: 'llama3.1', baseURL: stub.baseURL });
    const error = await executor.execute(request, { signal: signal() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MODEL_ERROR', details: { retryable: false } });
    expect((error as Error).message).toMatch(/not a usable Chat Completions response/);
  });

  it('reports a 500 as retryable and a 401 as not', async () => {
    const executor = createOpenAiExecutor({ model: 'm', baseURL: stub.baseURL });
    stub.setScript(() => ({ status: 500 }));
    await expect(executor.execute(request, { signal: signal() })).rejects.toMatchObject({ details: { status: 500, retryable: true } });
    stub.setScript(() => ({ status: 401 }));
    await expect(executor.execute(request, { signal: signal() })).rejects.toMatchObject({ details: { status: 401, retryable: false } });
  });

  it('reports an unreachable endpoint as a retryable connection error naming OPENAI_BASE_URL', async () => {
    const executor = createOpenAiExecutor({ model: 'm', baseURL: 'http://127.0.0.1:9/v1' });
    const error = await executor.execute(request, { signal: signal() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MODEL_ERROR', details: { retryable: true } });
    expect((error as Error).message).toMatch(/could not reach .*OPENAI_BASE_URL/);
  });
});
