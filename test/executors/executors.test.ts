import { describe, expect, it } from 'vitest';
import {
  createExecutorFromEnv,
  HandoffExecutor,
  OpenAiExecutor,
  SamplingExecutor,
  type StepRequest,
} from '../../src/executors/index.js';

const request: StepRequest = {
  runId: 'run-7',
  stepId: 'plan',
  attempt: 1,
  skillId: 'content-strategy',
  prompt: { system: 'SKILL BODY: plan content', user: '## This step: Plan (plan)\n\nContext: Acme sells widgets' },
};
const signal = new AbortController().signal;

describe('HandoffExecutor', () => {
  it('waits and hands out the whole prompt plus how to submit', async () => {
    const result = await new HandoffExecutor().execute(request);
    expect(result.status).toBe('waiting');
    if (result.status !== 'waiting') return;
    expect(result.instructions).toContain('SKILL BODY: plan content');
    expect(result.instructions).toContain('Context: Acme sells widgets');
    expect(result.instructions).toContain('mops submit run-7 plan --file output.md');
    expect(result.instructions).toContain('submit_step_output');
  });
});

describe('SamplingExecutor', () => {
  it('asks the client model with the system and user prompt', async () => {
    const seen: unknown[] = [];
    const executor = new SamplingExecutor(async (req) => {
      seen.push({ system: req.system, prompt: req.prompt });
      return '## Plan\nThree posts';
    });
    expect(await executor.execute(request, { signal })).toEqual({ status: 'done', output: '## Plan\nThree posts' });
    expect(seen).toEqual([{ system: request.prompt.system, prompt: request.prompt.user }]);
  });

  it('turns an empty answer or a client failure into MODEL_ERROR', async () => {
    await expect(new SamplingExecutor(async () => '  ').execute(request, { signal })).rejects.toMatchObject({ code: 'MODEL_ERROR' });
    await expect(
      new SamplingExecutor(async () => {
        throw new Error('client does not support sampling');
      }).execute(request, { signal }),
    ).rejects.toThrow(/client does not support sampling/);
  });
});

describe('createExecutorFromEnv', () => {
  it('uses handoff without MOPS_MODEL and openai with it', () => {
    expect(createExecutorFromEnv({}).kind).toBe('handoff');
    const openai = createExecutorFromEnv({ MOPS_MODEL: 'gpt-4o-mini', OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' });
    expect(openai).toBeInstanceOf(OpenAiExecutor);
  });

  it('honours an explicit kind and explains what is missing', () => {
    expect(createExecutorFromEnv({ MOPS_MODEL: 'x' }, 'handoff').kind).toBe('handoff');
    expect(() => createExecutorFromEnv({}, 'openai')).toThrow(/set MOPS_MODEL/);
    expect(() => createExecutorFromEnv({}, 'magic')).toThrow(/Unknown executor "magic".*openai, handoff/);
  });
});
