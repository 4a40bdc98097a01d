import { afterEach, describe, expect, it } from 'vitest';
import { OpenAiExecutor } from '../../src/executors/index.js';
import { PlaybookSchema, type Playbook } from '../../src/playbooks/index.js';
import { agentModel, type AgentCall, type AgentTurn } from '../executors/support/agent-model.js';
import { cliRunner } from './cli/cli-harness.js';
import { contractOutput, createHarness, type Harness } from './support/engine-harness.js';

const LONG_HEADLINE = 'Close your books 3 days faster!'; // 31 characters
const FIT_HEADLINE = 'Close your books 3 days faster'; // 30 characters
const VIOLATION = `Section "Headlines": 1 item(s) exceed the Google Ads responsive search ad headline limit of 30 characters: "${LONG_HEADLINE}" (31).`;

/** An ad-creative deliverable with every contract section; `headline` is the first RSA headline. */
function adOutput(headline: string): string {
  return [
    '## Angles\n\nSpeed to close, and numbers the board trusts.',
    `## Headlines\n\n- ${headline}\n- Board-ready numbers every week`,
    '## Descriptions\n\n- Month-end close in days, not weeks. Live revenue numbers for finance leaders.',
    '## Platform variants\n\nLinkedIn: lead with the close-time proof point.',
    '## Test plan\n\nTwo weeks, one variable: the speed angle against the trust angle.',
  ].join('\n\n');
}

const playbook = (steps: unknown[]): Playbook => PlaybookSchema.parse({ id: 'agents', name: 'Agent steps', description: 'Steps with tools and contracts.', steps });

describe('skill agents in a run: tool calls, contract repairs', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness.close();
  });

  const run = async (book: Playbook, script: (call: AgentCall, index: number) => AgentTurn, overrides: Parameters<typeof createHarness>[0]['overrides'] = {}) => {
    const { model, calls } = agentModel(script);
    harness = await createHarness({ executors: { openai: new OpenAiExecutor({ model }) }, defaultExecutor: 'openai', overrides });
    const { run: started } = await harness.engine.startRun({ playbook: book });
    const view = await harness.engine.waitForRun(started.id);
    return { view, calls };
  };

  const show = async (runId: string) => {
    const cli = cliRunner({ MOPS_HOME: harness.dir });
    const result = await cli.run(['show', runId]);
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  };

  it('records every tool call of the paid-ads agent (input, result, attempt) and mops show prints them', async () => {
    const book = playbook([
      { id: 'plan', skill: 'content-strategy', with: { request: 'Plan the Pulse launch content' } },
      { id: 'ads', skill: 'paid-ads', with: { request: 'Paid plan for the Pulse launch' } },
    ]);
    const { view, calls } = await run(book, (call) => {
      if (call.stepId !== 'ads') return { text: contractOutput(call.system, call.stepId) };
      if (call.results.length === 0) {
        return {
          calls: [
            { name: 'build_utm', input: { url: 'https://northwind.example/pulse', source: 'LinkedIn', medium: 'paid-social', campaign: 'Pulse Launch' } },
            { name: 'read_context', input: { section: 'goals' } },
            { name: 'read_step_output', input: { step: 'plan' } },
          ],
        };
      }
      if (!call.results.some((r) => r.name === 'validate_utms')) {
        const built = call.results.find((r) => r.name === 'build_utm')!.value as { url: string };
        return { calls: [{ name: 'validate_utms', input: { urls: [built.url] } }] };
      }
      return { text: contractOutput(call.system, call.stepId) };
    });

    expect(view.run.status).toBe('done');
    const adsCalls = calls.filter((c) => c.stepId === 'ads');
    expect(adsCalls[0]!.tools).toEqual(['read_context', 'read_step_output', 'build_utm', 'validate_utms', 'handoff_to_skill']);
    expect(adsCalls[0]!.system).toContain('## Tools\nYou can call these tools while you work.');

    const recorded = await harness.store.listToolCalls(view.run.id, 'ads');
    expect(recorded.map((c) => [c.name, c.attempt])).toEqual([
      ['build_utm', 1],
      ['read_context', 1],
      ['read_step_output', 1],
      ['validate_utms', 1],
    ]);
    expect(recorded[0]).toMatchObject({
      input: { source: 'LinkedIn', campaign: 'Pulse Launch' },
      result: { ok: true, url: 'https://northwind.example/pulse?utm_source=linkedin&utm_medium=paid-social&utm_campaign=pulse-launch' },
    });
    expect((recorded[1]!.result as { markdown: string }).markdown).toContain('## Goals');
    expect(recorded[2]!.result).toMatchObject({ step: 'plan', output: expect.stringContaining('Deliverable marker plan') });
    expect(recorded[3]!.result).toMatchObject({ summary: { ok: 1, withErrors: 0 } });
    expect(await harness.store.listToolCalls(view.run.id, 'plan')).toEqual([]);

    const text = await show(view.run.id);
    const adsSection = text.slice(text.indexOf('✔ ads —'));
    expect(adsSection).toContain('  attempt 1 done');
    expect(adsSection).toMatch(/ {4}tool build_utm \(attempt 1, \d+ms\) \{"url":"https:\/\/northwind\.example\/pulse","source":"LinkedIn".*→ \{"ok":true,"url":"https:\/\/northwind\.example\/pulse\?utm_source=linkedin/);
    expect(adsSection).toMatch(/ {4}tool read_context \(attempt 1, \d+ms\) \{"section":"goals"\} → /);
    expect(adsSection).toMatch(/ {4}tool validate_utms \(attempt 1, \d+ms\) \{"urls":\["https:/);
  });

  it('repairs an RSA headline of 31 characters: the step succeeds on attempt 2, both attempts stored, the repair prompt quotes the violation', async () => {
    const book = playbook([{ id: 'ads', skill: 'ad-creative', with: { request: 'RSA copy for the Pulse launch' } }]);
    const { view, calls } = await run(book, (call) => ({ text: adOutput(call.assistant ? FIT_HEADLINE : LONG_HEADLINE) }));

    expect(view.run.status).toBe('done');
    expect(view.steps[0]).toMatchObject({ status: 'done', attempts: 2, error: null, output: adOutput(FIT_HEADLINE) });
    expect(calls).toHaveLength(2);
    expect(calls[1]!.assistant).toBe(adOutput(LONG_HEADLINE));
    expect(calls[1]!.lastUser).toContain(`- ${VIOLATION}`);

    const attempts = await harness.store.listAttempts(view.run.id, 'ads');
    expect(attempts.map((a) => [a.number, a.status])).toEqual([
      [1, 'failed'],
      [2, 'done'],
    ]);
    expect(attempts[0]).toMatchObject({ output: adOutput(LONG_HEADLINE), error: { code: 'CONTRACT_VIOLATION', details: { problems: [VIOLATION], repair: true } } });
    expect(attempts[1]!.output).toBe(adOutput(FIT_HEADLINE));
    expect(harness.events.filter((e) => 'stepId' in e && e.stepId === 'ads').map((e) => e.type)).toEqual([
      'step.started',
      'step.repairing',
      'step.started',
      'step.finished',
    ]);
    expect(harness.events.find((e) => e.type === 'step.started' && e.attempt === 2)).toMatchObject({ repair: true });
    expect(harness.sleeps).toEqual([]);

    const text = await show(view.run.id);
    expect(text).toContain(`  attempt 1 broke the output contract; the model was asked to repair it:\n    - ${VIOLATION}`);
    expect(text).toMatch(/✔ ads — .* \[ad-creative\] done, .*2 attempt\(s\)/);
  });

  it('fails the step with the violations listed when every repair still breaks the contract', async () => {
    const book = playbook([
      { id: 'ads', skill: 'ad-creative', with: { request: 'RSA copy' } },
      { id: 'social', skill: 'social-content', with: { request: 'Posts' } },
    ]);
    const { view, calls } = await run(book, (call) => ({ text: call.stepId === 'ads' ? adOutput(LONG_HEADLINE) : contractOutput(call.system, call.stepId) }));

    expect(view.run.status).toBe('failed');
    expect(calls.filter((c) => c.stepId === 'ads')).toHaveLength(3);
    const ads = view.steps[0]!;
    expect(ads).toMatchObject({ status: 'failed', attempts: 3, error: { code: 'CONTRACT_VIOLATION', details: { problems: [VIOLATION] } } });
    expect(ads.error!.message).toBe(`The output of step "ads" breaks the ad-creative output contract: ${VIOLATION} The model was asked to repair it 2 time(s) and did not.`);
    expect(view.steps[1]!.status).toBe('skipped');
    const attempts = await harness.store.listAttempts(view.run.id, 'ads');
    expect(attempts.map((a) => [a.number, a.status, a.output === adOutput(LONG_HEADLINE)])).toEqual([
      [1, 'failed', true],
      [2, 'failed', true],
      [3, 'failed', false],
    ]);
    expect(attempts.map((a) => a.error?.details?.problems)).toEqual([[VIOLATION], [VIOLATION], [VIOLATION]]);
  });

  it('with on_contract_violation: flag the run goes on and the step is flagged for review, in the store and in mops show', async () => {
    const book = playbook([
      { id: 'ads', skill: 'ad-creative', on_contract_violation: 'flag', with: { request: 'RSA copy' } },
      { id: 'social', skill: 'social-content', with: { request: 'Posts', ads: '${{ steps.ads.output }}' } },
    ]);
    const { view } = await run(book, (call) => ({ text: call.stepId === 'ads' ? adOutput(LONG_HEADLINE) : contractOutput(call.system, call.stepId) }));

    expect(view.run.status).toBe('done');
    expect(view.steps.map((s) => [s.stepId, s.status, s.attempts])).toEqual([
      ['ads', 'done', 3],
      ['social', 'done', 1],
    ]);
    expect(view.steps[0]!.error).toMatchObject({ code: 'CONTRACT_VIOLATION', details: { flagged: true, problems: [VIOLATION] } });
    expect(view.steps[0]!.output).toBe(adOutput(LONG_HEADLINE));
    const text = await show(view.run.id);
    expect(text).toContain(`  flagged for review: The output of step "ads" breaks the ad-creative output contract: ${VIOLATION}`);
  });

  it('takes the number of repairs from the engine options (0: the first violation settles the step)', async () => {
    const book = playbook([{ id: 'ads', skill: 'ad-creative', with: { request: 'RSA copy' } }]);
    const { view, calls } = await run(book, () => ({ text: adOutput(LONG_HEADLINE) }), { contractRepairs: 0 });
    expect(view.steps[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(view.steps[0]!.error!.message).toBe(`The output of step "ads" breaks the ad-creative output contract: ${VIOLATION}`);
    expect(calls).toHaveLength(1);
  });
});
