import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteRunStore } from '../../src/engine/store/index.js';
import { startOpenAiStub, type OpenAiStub } from '../executors/openai-stub.js';
import { contractOutput, loadRepoPlaybook, REPO, sampleInputs } from './support/engine-harness.js';

const BIN = join(REPO, 'dist', 'cli', 'bin.js');

/**
 * The real thing: `mops run` in a child process, SIGKILLed while step 3 is in flight,
 * then `mops resume` in another process. Needs `npm run build` (npm test does it first).
 */
describe('kill -9 in the middle of a run, then mops resume', () => {
  let stub: OpenAiStub;
  let home: string;
  beforeAll(async () => {
    stub = await startOpenAiStub();
    home = mkdtempSync(join(tmpdir(), 'mops-kill-'));
  });
  afterAll(async () => {
    await stub.close();
    rmSync(home, { recursive: true, force: true });
  });

  const env = () => ({
    ...process.env,
    MOPS_HOME: join(home, '.mops'),
    MOPS_MODEL: 'stub-model',
    OPENAI_BASE_URL: stub.baseURL,
    OPENAI_API_KEY: 'test',
    CI: '1',
  });

  const mops = (args: string[]) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: home, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal, output })),
    );
    return { child, exited };
  };

  it('never re-runs finished steps and completes the run with every output', async () => {
    expect(existsSync(BIN), `${BIN} is missing: run \`npm run build\` first`).toBe(true);
    const playbook = await loadRepoPlaybook('content-sprint');
    const [first, second, third] = playbook.steps.map((step) => step.id);
    let stallThird = true;
    stub.reset();
    stub.setScript((request, count) =>
      request.stepId === third && stallThird ? { stall: true } : { text: contractOutput(request.system, request.stepId, count) },
    );

    const inputs = Object.entries(sampleInputs(playbook)).flatMap(([key, value]) => ['--input', `${key}=${value}`]);
    const running = mops(['run', playbook.id, '--executor', 'openai', ...inputs]);

    // Watch the shared run store from this process until step 3 is in flight.
    const store = new SqliteRunStore({ file: join(home, '.mops', 'runs.db') });
    let runId: string | undefined;
    let exitedEarly: { code: number | null; output: string } | undefined;
    void running.exited.then((result) => (exitedEarly = result));
    for (;;) {
      if (exitedEarly) throw new Error(`mops run exited (${exitedEarly.code}) before step 3 started:\n${exitedEarly.output}`);
      const [run] = existsSync(join(home, '.mops', 'runs.db')) ? await store.listRuns({ limit: 1 }) : [];
      if (run) {
        const steps = await store.listSteps(run.id);
        const status = (id: string | undefined) => steps.find((s) => s.stepId === id)?.status;
        // Running in the store and its model request stalled at the stub.
        if (status(first) === 'done' && status(second) === 'done' && status(third) === 'running' && stub.countsByStep()[third!] === 1) {
          runId = run.id;
          break;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    running.child.kill('SIGKILL');
    const killed = await running.exited;
    expect(killed.signal).toBe('SIGKILL');

    const orphaned = await store.getRun(runId);
    expect(orphaned?.status).toBe('running');
    expect((await store.getLease(runId))?.pid).toBe(running.child.pid);

    stallThird = false;
    const resumed = await mops(['resume', runId]).exited;
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.output).toContain(`✔ Run ${runId} finished`);

    const run = await store.getRun(runId);
    const steps = await store.listSteps(runId);
    expect(run?.status).toBe('done');
    expect(steps.every((s) => s.status === 'done' && (s.output ?? '').length > 0)).toBe(true);
    const counts = stub.countsByStep();
    expect(counts[first!]).toBe(1);
    expect(counts[second!]).toBe(1);
    expect(counts[third!]).toBe(2);
    for (const step of playbook.steps.slice(3).filter((s) => s.type === 'skill')) expect(counts[step.id]).toBe(1);
    const attempts = await store.listAttempts(runId, third);
    expect(attempts.map((a) => a.status)).toEqual(['interrupted', 'done']);
    expect(await store.getLease(runId)).toBeUndefined();
    await store.close();
  });
});
