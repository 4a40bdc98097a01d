import { MockLanguageModelV3 } from 'ai/test';
import { afterEach, describe, expect, it } from 'vitest';
import { checkOutputContract, gateFailure, listRunRecordsForHealth } from '../../src/engine/index.js';
import { RunRecordForHealth } from '../../src/ops/health/run-record-for-health.js';
import { OpenAiExecutor } from '../../src/executors/index.js';
import { PlaybookSchema, type Playbook } from '../../src/playbooks/index.js';
import { contractOutput, createHarness, stepIdOf, type Harness } from './support/engine-harness.js';
import { promptText } from './support/mock-model.js';

/** A mock model whose answer per step comes from `answer(stepId, system)`. */
function scriptedModel(answer: (stepId: string, system: string) => string) {
  return new MockLanguageModelV3({
    doGenerate: async (options) => {
      const { system, user } = promptText(options);
      return {
        content: [{ type: 'text', text: answer(stepIdOf(user) ?? '?', system) }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: {
          inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 5, text: 5, reasoning: undefined },
        },
        warnings: [],
      };
    },
  });
}

const gated: Playbook = PlaybookSchema.parse({
  id: 'gated',
  name: 'Copy with a link check',
  description: 'Copy, a UTM gate over it, then a report.',
  steps: [
    { id: 'copy', skill: 'copywriting', retry: { attempts: 3, backoff: '1s' }, with: { request: 'Write copy with links' } },
    { id: 'links', type: 'gate', tool: 'validate_utms', with: { text: '${{ steps.copy.output }}' } },
    { id: 'report', skill: 'campaign-analytics', with: { request: 'Report', links: '${{ steps.links.output }}' } },
  ],
});

describe('QA gates and output contracts in a run', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness.close();
  });

  const start = async (playbook: Playbook, answer: (stepId: string, system: string) => string) => {
    harness = await createHarness({ executors: { openai: new OpenAiExecutor({ model: scriptedModel(answer) }) }, defaultExecutor: 'openai' });
    const { run } = await harness.engine.startRun({ playbook });
    return harness.engine.waitForRun(run.id);
  };

  it('blocks the run when a gate finds errors, keeping the tool report and the call', async () => {
    const view = await start(gated, (stepId, system) =>
      stepId === 'copy'
        ? `${contractOutput(system, stepId)}\n\nAlso see https://northwind.example/pulse?utm_source=LinkedIn&utm_medium=social&utm_campaign=Spring_Launch.`
        : contractOutput(system, stepId),
    );
    expect(view.run.status).toBe('blocked');
    expect(view.run.error).toMatchObject({ code: 'GATE_FAILED' });
    expect(view.run.report).toMatch(/QA gate "links" \(validate_utms\) blocked the run: the tool found 1 error\(s\)/);
    expect(view.run.report).toContain('## UTM validation');
    const byId = new Map(view.steps.map((s) => [s.stepId, s]));
    expect(byId.get('copy')?.status).toBe('done');
    expect(byId.get('links')).toMatchObject({ status: 'blocked', error: { code: 'GATE_FAILED' } });
    expect(byId.get('links')?.output).toContain('ERROR');
    expect(byId.get('report')?.status).toBe('skipped');
    const [call] = await harness.store.listToolCalls(view.run.id, 'links');
    expect(call).toMatchObject({ name: 'validate_utms', attempt: 1, result: { summary: { withErrors: 1 } } });
    expect((call!.input as { urls: string[] }).urls).toHaveLength(2);
    // Workflow health sees the gate's finding as a QA defect on that step.
    const [record] = await listRunRecordsForHealth(harness.store);
    expect(RunRecordForHealth.parse(record)).toMatchObject({ id: view.run.id, status: 'waiting', playbookId: 'gated' });
    expect(record?.steps.map((step) => [step.id, step.status, step.qaDefects])).toEqual([
      ['copy', 'completed', 0],
      ['links', 'failed', 1],
      ['report', 'skipped', 0],
    ]);
    // The gate checks what it is given: resuming without new output blocks again.
    await harness.engine.resumeRun(view.run.id);
    expect((await harness.engine.waitForRun(view.run.id)).run.status).toBe('blocked');
  });

  it('passes the gate when every link is tagged correctly and hands its report on', async () => {
    const view = await start(gated, (stepId, system) => contractOutput(system, stepId));
    expect(view.run.status).toBe('done');
    expect(view.steps[1]?.output).toContain('**1 ok**');
    expect(await harness.store.listToolCalls(view.run.id)).toHaveLength(1);
  });

  it('fails a step whose output breaks its contract once its repairs are used up, without retrying', async () => {
    const view = await start(gated, () => 'Here is some copy without any of the promised sections.');
    expect(view.run.status).toBe('failed');
    expect(view.run.error?.code).toBe('CONTRACT_VIOLATION');
    expect(view.run.error?.message).toMatch(/breaks the copywriting output contract: Missing section\(s\) "## Message strategy", .*found no ## headings/);
    // The first answer and two repair attempts (the default); a violation is never retried as a transient error.
    expect(view.steps[0]?.attempts).toBe(3);
    expect(harness.sleeps).toEqual([]);
  });

  it('flags a contract violation and goes on when the step says on_contract_violation: flag', async () => {
    const flagging = PlaybookSchema.parse({
      ...gated,
      steps: [{ id: 'copy', skill: 'copywriting', on_contract_violation: 'flag', with: { request: 'Copy' } }],
    });
    const view = await start(flagging, () => '## Message strategy\n\nOnly one section.');
    expect(view.run.status).toBe('done');
    expect(view.steps[0]?.error).toMatchObject({ code: 'CONTRACT_VIOLATION', details: { flagged: true } });
    expect(harness.events.find((e) => e.type === 'step.finished')).toMatchObject({ flagged: expect.stringContaining('Missing section(s)') });
  });
});

describe('checkOutputContract', () => {
  const contract = { sections: ['Headlines', 'Descriptions'], limits: [{ section: 'Headlines', limit: 'rsa-headline' }, { section: 'Descriptions', limit: 'rsa-description' }] };

  it('accepts headings written with emphasis or a colon, and ignores headings inside code fences', () => {
    expect(checkOutputContract('## **Headlines**:\n- Close in 3 days\n\n## Descriptions\n- One number.', contract)).toEqual([]);
    expect(checkOutputContract('```\n## Headlines\n```\n## Descriptions\n- x', contract)).toEqual([
      'Missing section(s) "## Headlines"; found "Descriptions".',
    ]);
  });

  it('checks list items against channel limits, ignoring quotes and "(n chars)" notes', () => {
    const long = 'Revenue numbers your whole board agrees on';
    const problems = checkOutputContract(`## Headlines\n- "Close in 3 days" (15 chars)\n- ${long}\n\n## Descriptions\n${'- Short line.\n'.repeat(5)}`, contract);
    expect(problems).toEqual([
      `Section "Headlines": 1 item(s) exceed the Google Ads responsive search ad headline limit of 30 characters: "${long}" (${long.length}).`,
      'Section "Descriptions" has 5 items; a Google Ads responsive search ad description allows at most 4.',
    ]);
  });

  it('checks tracked links and brief fields', () => {
    const links = { sections: ['Links'], limits: [{ section: 'Links', limit: 'utm-links' }] };
    expect(checkOutputContract('## Links\n- https://a.example/?utm_source=x&utm_medium=email&utm_campaign=q3', links)).toEqual([]);
    expect(checkOutputContract('## Links\n- https://a.example/?utm_source=X&utm_medium=email', links)[0]).toMatch(/these do not: https:\/\/a\.example/);
    const brief = { sections: ['Brief'], limits: [{ section: 'Brief', limit: 'brief-fields' }] };
    expect(checkOutputContract('## Brief\nObjective: more demos. Audience: CFOs.', brief)[0]).toBe(
      'Section "Brief" must list every brief field; missing: key message, call to action, success metric, deadline, format specs.',
    );
  });
});

describe('gateFailure', () => {
  it('reads pass/fail from the usual output shapes', () => {
    expect(gateFailure({ ok: true, summary: { withErrors: 0 } })).toBe('');
    expect(gateFailure({ ready: false })).toBe('the tool reported ready: false');
    expect(gateFailure({ summary: { errors: 2 } })).toBe('the tool found 2 error(s)');
    expect(gateFailure({ errors: [{ message: 'x' }] })).toBe('the tool found 1 error(s)');
    expect(gateFailure('plain text')).toBe('');
  });
});
