import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import approveCommand from '../../../src/cli/commands/approve-command.js';
import { startOpenAiStub, type OpenAiStub } from '../../executors/openai-stub.js';
import { contractOutput } from '../support/engine-harness.js';
import { cliRunner } from './cli-harness.js';

describe('mops plan / run / show / submit / runs / cancel / resume (handoff mode)', () => {
  const cli = cliRunner();
  let runId = '';
  let firstStep = '';

  it('plan prints the steps, the context verdict and a Mermaid chart; --json gives the same data', async () => {
    const text = await cli.run(['plan', 'product-launch', '--input', 'product_name=Pulse 2', '--input', 'launch_date=2026-09-15', '--input', 'landing_url=https://northwind.example/pulse', '--input', 'campaign_name=pulse-2-launch']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Plan: Product or feature launch (product-launch)');
    expect(text.stdout).toContain('Context: northwind-analytics');
    expect(text.stdout).toContain('```mermaid\nflowchart TD');
    const json = await cli.run(['plan', 'product-launch', '--json', '--input', 'product_name=Pulse 2', '--input', 'launch_date=2026-09-15', '--input', 'landing_url=https://northwind.example/pulse', '--input', 'campaign_name=pulse-2-launch']);
    const plan = JSON.parse(json.stdout) as { status: string; steps: { id: string }[]; mermaid: string };
    expect(plan.status).toBe('ready');
    expect(plan.steps.map((s) => s.id)).toContain('utm-qa');
    expect(plan.mermaid.startsWith('flowchart TD')).toBe(true);
  });

  it('run without a model says it is in handoff mode and prints exactly how to continue', async () => {
    const inputs = await sprintInputs();
    const result = await cli.run(['run', 'content-sprint', ...inputs]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('No model configured (MOPS_MODEL is not set), so this run is in handoff mode');
    const match = /Run (\S+) is waiting/.exec(result.stdout);
    expect(match).not.toBeNull();
    runId = match![1]!;
    firstStep = /- (\S+) \(content-strategy\) needs its output/.exec(result.stdout)![1]!;
    expect(result.stdout).toContain(`mops show ${runId}`);
    expect(result.stdout).toContain(`mops submit ${runId} ${firstStep} --file out.md`);
    // Plain progress lines (CI): one line per event.
    expect(result.stdout).toMatch(/⏸ \S+ waiting for its output \(handoff\)/);
  });

  it('show prints the waiting step\'s full instructions; --json has steps, attempts and events', async () => {
    const text = await cli.run(['show', runId]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Run ${runId} — `);
    expect(text.stdout).toContain('── instructions ──');
    expect(text.stdout).toContain('Northwind Pulse');
    const json = JSON.parse((await cli.run(['show', runId, '--json'])).stdout) as { steps: unknown[]; attempts: unknown[]; events: { type: string }[] };
    expect(json.steps.length).toBeGreaterThan(1);
    expect(json.events.map((e) => e.type)).toEqual(['run.started', 'step.started', 'step.waiting', 'run.waiting']);
  });

  it('submit takes the output from a file and continues to the next step', async () => {
    const details = JSON.parse((await cli.run(['show', runId, '--json'])).stdout) as { steps: { stepId: string; instructions: string | null }[] };
    const instructions = details.steps.find((s) => s.stepId === firstStep)!.instructions!;
    writeFileSync(join(cli.home, 'out.md'), contractOutput(instructions, firstStep));
    const result = await cli.run(['submit', runId, firstStep, '--file', 'out.md']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`✔ ${firstStep} done`));
    expect(result.stdout).toMatch(/Run \S+ is waiting \(1 of \d+ steps done\)/);
  });

  it('submit refuses a step that is not waiting, with exit 1 and the reason', async () => {
    const result = await cli.run(['submit', runId, firstStep], { stdin: 'again' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`mops: Step "${firstStep}" of run ${runId} is done, not waiting`));
  });

  it('runs lists the run; cancel stops it; resume then refuses', async () => {
    const table = await cli.run(['runs']);
    expect(table.stdout).toMatch(/^ID\s+PLAYBOOK\s+STATUS\s+STARTED \(UTC\)\s+DURATION/);
    expect(table.stdout).toMatch(new RegExp(`${runId}\\s+content-sprint\\s+⏸ waiting`));
    const rows = JSON.parse((await cli.run(['runs', '--json'])).stdout) as { id: string; playbookSnapshot?: unknown }[];
    expect(rows[0]).toMatchObject({ id: runId });
    expect(rows[0]?.playbookSnapshot).toBeUndefined();

    const cancelled = await cli.run(['cancel', runId]);
    expect(cancelled.code).toBe(0);
    expect(cancelled.stdout).toContain(`Run ${runId} was cancelled`);
    const resumed = await cli.run(['resume', runId]);
    expect(resumed.code).toBe(1);
    expect(resumed.stderr).toMatch(/already cancelled.*nothing to resume/);
  });

  it('reports bad input with the right exit codes', async () => {
    const unknown = await cli.run(['run', 'product-lunch']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/mops: No playbook "product-lunch".*Available playbooks/);
    const missing = await cli.run(['run', 'product-launch', '--input', 'launch_date=2026-09-15']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--input product_name=');
    const noContext = await cli.run(['run', 'content-sprint', '--context', 'acme', ...(await sprintInputs())]);
    expect(noContext.code).toBe(1);
    expect(noContext.stderr).toMatch(/No marketing context at .*acme\.md/);
    const noModel = await cli.run(['run', 'content-sprint', '--executor', 'openai']);
    expect(noModel.code).toBe(2);
    expect(noModel.stderr).toContain('set MOPS_MODEL');
    const ghost = await cli.run(['show', 'no-such-run']);
    expect(ghost.code).toBe(1);
    expect(ghost.stderr).toContain('No run "no-such-run"');
  });

  it('run-skill prints the handoff instructions on stdout and hints on stderr', async () => {
    const result = await cli.run(['run-skill', 'copywriting', 'three', 'headlines', 'for', 'Pulse']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# Instructions for step "copywriting"');
    expect(result.stdout).toContain('three headlines for Pulse');
    expect(result.stderr).toMatch(/mops submit \S+ copywriting --file out\.md/);
    const unknown = await cli.run(['run-skill', 'copywriter', 'x']);
    expect(unknown.stderr).toMatch(/unknown skill "copywriter"/);
  });

  async function sprintInputs(): Promise<string[]> {
    const { loadRepoPlaybook, sampleInputs } = await import('../support/engine-harness.js');
    const inputs = sampleInputs(await loadRepoPlaybook('content-sprint'));
    return Object.entries(inputs).flatMap(([key, value]) => ['--input', `${key}=${value}`]);
  }
});

describe('mops run with a model (OpenAI-compatible stub)', () => {
  let stub: OpenAiStub;
  beforeAll(async () => {
    stub = await startOpenAiStub();
  });
  afterAll(async () => {
    await stub.close();
  });

  it('runs to done, printing one progress line per event, and exits 0', async () => {
    stub.reset();
    stub.setScript((request, count) => ({ text: contractOutput(request.system, request.stepId, count) }));
    const cli = cliRunner({ MOPS_MODEL: 'stub-model', OPENAI_BASE_URL: stub.baseURL, OPENAI_API_KEY: 'k' });
    const result = await cli.run(['run', 'brand-awareness', '--input', 'point_of_view=Finance teams deserve one number', '--input', 'channels=linkedin,newsletter', '--input', 'period=Q3 2026']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).not.toContain('handoff mode');
    expect(result.stdout).toMatch(/◌ \S+ started/);
    expect(result.stdout).toMatch(/✔ \S+ done \(100 in \/ 20 out tokens\)/);
    expect(result.stdout).toMatch(/✔ Run \S+ finished: \d+ of \d+ steps done/);
  });

  it('exits 1 with a clear error when the model refuses the key, keeping the run failed in the store', async () => {
    stub.reset();
    stub.setScript(() => ({ status: 401 }));
    const cli = cliRunner({ MOPS_MODEL: 'stub-model', OPENAI_BASE_URL: stub.baseURL, OPENAI_API_KEY: 'bad' });
    const result = await cli.run(['run', 'brand-awareness', '--json', '--input', 'point_of_view=x', '--input', 'period=Q3']);
    expect(result.code).toBe(1);
    const view = JSON.parse(result.stdout) as { run: { status: string; error: { code: string; message: string } } };
    expect(view.run.status).toBe('failed');
    expect(view.run.error.message).toMatch(/HTTP 401.*OPENAI_API_KEY/);
  });
});

describe('mops approve', () => {
  it('needs --as and names the approver in the error', async () => {
    const stdout = new PassThrough();
    await expect(
      approveCommand(['run-1', 'launch-approval'], {}, { stdout, stderr: new PassThrough(), stdin: Readable.from([]), env: {}, cwd: '/' }),
    ).rejects.toThrow(/--as <approver>/);
  });
});
