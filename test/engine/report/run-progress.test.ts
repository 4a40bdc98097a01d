import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src/engine/index.js';
import { describeEvent, formatDuration, formatRunOutcome, formatRunsTable, RunProgress } from '../../../src/engine/report/index.js';
import type { RunRecord, RunView, StepRecord } from '../../../src/engine/index.js';

const at = (s: number) => new Date(Date.UTC(2026, 2, 1, 9, 0, s)).toISOString();
const events: RunEvent[] = [
  { type: 'run.started', runId: 'r1', at: at(0), playbookId: 'content-sprint', resumed: false },
  { type: 'step.started', runId: 'r1', at: at(0), stepId: 'plan', attempt: 1 },
  { type: 'step.retrying', runId: 'r1', at: at(2), stepId: 'plan', attempt: 1, delayMs: 2000, error: { code: 'MODEL_ERROR', message: 'HTTP 429' } },
  { type: 'step.started', runId: 'r1', at: at(4), stepId: 'plan', attempt: 2 },
  { type: 'step.finished', runId: 'r1', at: at(7), stepId: 'plan', attempt: 2, usage: { inputTokens: 900, outputTokens: 300 } },
  { type: 'step.waiting', runId: 'r1', at: at(8), stepId: 'sign-off', reason: 'approval', approver: 'marketing-director' },
  { type: 'run.waiting', runId: 'r1', at: at(8), waitingOn: ['sign-off'] },
];

class Capture {
  text = '';
  isTTY = true;
  columns = 80;
  write(chunk: string) {
    this.text += chunk;
    return true;
  }
}

describe('run progress', () => {
  it('prints one line per event in line mode', () => {
    const stream = new Capture();
    const progress = new RunProgress({ stream, live: false });
    for (const event of events) progress.handle(event);
    progress.stop();
    expect(stream.text.split('\n').filter(Boolean)).toEqual([
      '09:00:00 ▶ run r1 started (content-sprint)',
      '09:00:00 ◌ plan started',
      '09:00:02 ↻ plan attempt 1 failed (HTTP 429); retrying in 2.0s',
      '09:00:04 ◌ plan started (attempt 2)',
      '09:00:07 ✔ plan done (900 in / 300 out tokens)',
      '09:00:08 ⏸ sign-off waiting for approval by marketing-director',
      '09:00:08 ⏸ run waiting on sign-off',
    ]);
  });

  it('redraws a step list with marks in live mode', () => {
    const stream = new Capture();
    const progress = new RunProgress({ stream, live: true, clock: () => new Date(at(9)) });
    progress.setSteps([
      { stepId: 'plan', name: 'Plan content', status: 'pending' },
      { stepId: 'sign-off', name: 'Sign-off', status: 'pending' },
      { stepId: 'publish', name: 'Publish', status: 'pending' },
    ]);
    for (const event of events) progress.handle(event);
    progress.stop();
    expect(stream.text).toContain('✔ plan');
    expect(stream.text).toContain('Plan content  (3.0s)');
    expect(stream.text).toContain('⏸ sign-off');
    expect(stream.text).toContain('(waits for approval by marketing-director)');
    expect(stream.text).toContain('○ publish');
  });
});

describe('run summaries', () => {
  const run = (over: Partial<RunRecord>): RunRecord => ({
    id: 'r1',
    playbookId: 'content-sprint',
    playbookName: 'Content sprint',
    playbookSnapshot: { steps: [{ id: 'sign-off', type: 'approval', approver: 'marketing-director' }] },
    contextName: 'northwind-analytics',
    contextSnapshot: null,
    inputs: {},
    executor: 'handoff',
    status: 'done',
    createdAt: at(0),
    startedAt: at(0),
    finishedAt: at(75),
    error: null,
    report: null,
    ...over,
  });
  const step = (over: Partial<StepRecord>): StepRecord => ({
    runId: 'r1',
    stepId: 'plan',
    position: 0,
    name: 'Plan',
    kind: 'skill',
    skill: 'content-strategy',
    needs: [],
    status: 'done',
    inputs: null,
    output: 'x',
    instructions: null,
    startedAt: null,
    finishedAt: null,
    attempts: 1,
    error: null,
    usage: null,
    ...over,
  });

  it('tells how to continue a waiting run, for handoff and approval steps', () => {
    const view: RunView = {
      run: run({ status: 'waiting', finishedAt: null }),
      steps: [step({ status: 'waiting' }), step({ stepId: 'sign-off', kind: 'approval', skill: null, status: 'waiting' })],
    };
    const text = formatRunOutcome(view, new Date(at(80)));
    expect(text).toContain('⏸ Run r1 is waiting (0 of 2 steps done).');
    expect(text).toContain('mops submit r1 plan --file out.md');
    expect(text).toContain('mops approve r1 sign-off --as marketing-director');
  });

  it('lists runs in a table and formats durations', () => {
    const table = formatRunsTable([run({}), run({ id: 'r2', status: 'waiting', finishedAt: null })], new Date(at(90)));
    expect(table.split('\n')[1]).toMatch(/^r1\s+content-sprint\s+✔ done\s+2026-03-01 09:00:00\s+1m 15s$/);
    expect(table.split('\n')[2]).toMatch(/^r2\s+.*⏸ waiting\s+.*-$/);
    expect([formatDuration(850), formatDuration(4200), formatDuration(185_000), formatDuration(3_720_000)]).toEqual(['850ms', '4.2s', '3m 05s', '1h 02m']);
  });

  it('describes every event type without throwing', () => {
    const all: RunEvent[] = [
      { type: 'run.finished', runId: 'r', at: at(1) },
      { type: 'run.failed', runId: 'r', at: at(1), error: { code: 'X', message: 'boom' } },
      { type: 'run.cancelled', runId: 'r', at: at(1), reason: 'stop' },
      { type: 'run.blocked', runId: 'r', at: at(1), report: 'r', error: { code: 'CONTEXT_INCOMPLETE', message: 'thin' } },
      { type: 'step.failed', runId: 'r', at: at(1), stepId: 's', attempt: 1, error: { code: 'X', message: 'boom' } },
      { type: 'step.skipped', runId: 'r', at: at(1), stepId: 's', reason: 'not run' },
      { type: 'step.cancelled', runId: 'r', at: at(1), stepId: 's' },
      { type: 'step.blocked', runId: 'r', at: at(1), stepId: 's', error: { code: 'GATE_FAILED', message: 'bad links' } },
      { type: 'step.interrupted', runId: 'r', at: at(1), stepId: 's', attempt: 2 },
    ];
    expect(all.map(describeEvent).every((line) => line.startsWith('09:00:01 '))).toBe(true);
  });
});
