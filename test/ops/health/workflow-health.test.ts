import { describe, expect, it } from 'vitest';
import type { RunRecordForHealth } from '../../../src/ops/health/run-record-for-health.js';
import { computeWorkflowHealth } from '../../../src/ops/health/workflow-health.js';
import { workflowHealthOpsTool } from '../../../src/ops/health/workflow-health-ops-tool.js';
import { median, percentile } from '../../../src/ops/shared/stats.js';

const step = (id: string, attempts: number, revisions = 0, qaDefects = 0, status: 'completed' | 'failed' | 'skipped' | 'running' = 'completed') => ({
  id,
  status,
  attempts,
  revisions,
  qaDefects,
});

const runs: RunRecordForHealth[] = [
  { id: 'r1', playbookId: 'product-launch', status: 'completed', createdAt: '2025-05-01T00:00:00Z', finishedAt: '2025-05-02T00:00:00Z', dueAt: '2025-05-03T00:00:00Z', steps: [step('s1', 1), step('s2', 3, 1, 2)] },
  { id: 'r2', playbookId: 'product-launch', status: 'completed', createdAt: '2025-05-01T00:00:00Z', finishedAt: '2025-05-04T00:00:00Z', dueAt: '2025-05-03T00:00:00Z', steps: [step('s1', 1, 2)] },
  { id: 'r3', playbookId: 'product-launch', status: 'completed', createdAt: '2025-05-10T00:00:00Z', finishedAt: '2025-05-10T12:00:00Z', steps: [step('s1', 2), step('s2', 0, 0, 0, 'skipped')] },
  { id: 'r4', playbookId: 'product-launch', status: 'failed', createdAt: '2025-05-11T00:00:00Z', finishedAt: '2025-05-11T06:00:00Z', steps: [step('s1', 3, 0, 1, 'failed')] },
  { id: 'r5', playbookId: 'product-launch', status: 'running', createdAt: '2025-05-15T00:00:00Z', dueAt: '2025-05-16T00:00:00Z', steps: [{ id: 's1', status: 'running', attempts: 1 }] },
  { id: 'r6', playbookId: 'product-launch', status: 'cancelled', createdAt: '2025-05-15T00:00:00Z', steps: [] },
  { id: 'r7', playbookId: 'content-sprint', status: 'completed', createdAt: '2025-05-01T00:00:00Z', finishedAt: '2025-05-03T00:00:00Z', dueAt: '2025-05-05T00:00:00Z', steps: [step('plan', 1)] },
];
const now = new Date('2025-05-20T00:00:00Z');

describe('stats', () => {
  it('takes the median of odd and even counts and the nearest-rank percentile', () => {
    expect(median([72, 12, 24])).toBe(24);
    expect(median([24, 72, 12, 48])).toBe(36);
    expect(percentile([24, 72, 12], 90)).toBe(72); // rank ceil(2.7) = 3
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9); // rank 9
    expect(median([])).toBeUndefined();
  });
});

describe('computeWorkflowHealth', () => {
  it('computes the KPIs per playbook as worked out by hand', () => {
    const result = computeWorkflowHealth(runs, { now });
    expect(result.playbooks.map((p) => p.playbookId)).toEqual(['content-sprint', 'product-launch']);
    const launch = result.playbooks[1];
    expect(launch).toEqual({
      playbookId: 'product-launch',
      runs: { total: 6, completed: 3, failed: 1, cancelled: 1, inProgress: 1, overdue: 1 },
      successRate: 0.6, // 3 of 5 finished
      cycleTimeHours: { count: 3, median: 24, p90: 72 }, // 24, 72, 12 hours
      onTime: { onTime: 1, withDueDate: 2, rate: 0.5 }, // r1 on time, r2 a day late
      avgRetriesPerStep: 0.8333, // (0 + 2 + 0 + 1 + 2 + 0) / 6 steps that ran
      avgRevisionsPerStep: 0.5, // (0 + 1 + 2 + 0 + 0 + 0) / 6
      qaDefectRate: 0.5, // r1 and r4 of the 4 finished (completed or failed) runs
      defectsPerRun: 0.75, // 3 defects / 4 runs
    });
    expect(result.overall.cycleTimeHours).toEqual({ count: 4, median: 36, p90: 72 });
    expect(result.overall.runs.total).toBe(7);
  });

  it('filters by playbook and date and says when nothing matches', () => {
    expect(computeWorkflowHealth(runs, { now, playbookId: 'content-sprint' }).playbooks).toHaveLength(1);
    expect(computeWorkflowHealth(runs, { now, since: '2025-05-10T00:00:00Z' }).overall.runs.total).toBe(4);
    const none = computeWorkflowHealth(runs, { now, playbookId: 'nope' });
    expect(none.notes).toEqual(['no runs match the filters']);
    expect(none.overall.successRate).toBeNull();
  });

  it('notes inconsistent records instead of skewing the numbers', () => {
    const result = computeWorkflowHealth(
      [
        { id: 'x', playbookId: 'p', status: 'completed', createdAt: '2025-05-02T00:00:00Z', finishedAt: '2025-05-01T00:00:00Z', steps: [] },
        { id: 'y', playbookId: 'p', status: 'completed', createdAt: '2025-05-02T00:00:00Z', steps: [] },
      ],
      { now },
    );
    expect(result.notes).toEqual([
      'run x finished before it was created; left out of cycle time',
      'run y is completed but has no finishedAt; left out of cycle time and on-time rate',
    ]);
    expect(result.playbooks[0]?.cycleTimeHours.count).toBe(0);
  });

  it('names bad records by path', () => {
    expect(() => computeWorkflowHealth([{ ...runs[0], createdAt: 'May 1st' } as RunRecordForHealth], { now })).toThrow(
      'runs[0].createdAt: expected an ISO date-time such as 2025-03-01T09:30:00Z, got "May 1st"',
    );
  });
});

describe('workflow_health tool', () => {
  it('reads runs from the run store through deps when none are passed', async () => {
    const output = await workflowHealthOpsTool.run({}, { listRunRecords: async () => runs, now: () => now });
    expect(output.overall.runs.overdue).toBe(1);
    const markdown = workflowHealthOpsTool.toMarkdown(output);
    expect(markdown).toContain('| product-launch | 3/6 | 24 h | 3 d | 50% (1/2) | 0.8333 | 0.5 | 50% | 1 |');
    expect(markdown).toContain('| (all) |');
  });

  it('asks for runs when there is no run store', async () => {
    await expect(workflowHealthOpsTool.run({})).rejects.toThrow(/no `runs` given and no run store connected/);
  });
});
