import { z } from 'zod';
import { MopsError } from '../../errors/index.js';
import { defineOpsTool } from '../ops-tool.js';
import { parseIsoTimestamp } from '../shared/dates.js';
import { bulletList, markdownTable, percent } from '../shared/markdown.js';
import { isoTimestamp } from '../shared/zod-fields.js';
import { RunRecordForHealth } from './run-record-for-health.js';
import { computeWorkflowHealth } from './workflow-health.js';

const inputSchema = z.strictObject({
  runs: z.array(RunRecordForHealth).optional().describe('Run records to analyse. Omit to read them from the run store.'),
  playbookId: z.string().optional().describe('Only this playbook.'),
  since: isoTimestamp('Only runs requested at or after this moment.').optional(),
  now: isoTimestamp('The moment overdue runs are judged against. Default: now.').optional(),
});

const nullableRate = (what: string) => z.number().nullable().describe(`${what} (0-1); null when there is nothing to measure.`);

const playbookHealth = z.object({
  playbookId: z.string().describe('Playbook id, or "(all)".'),
  runs: z
    .object({
      total: z.number().int(),
      completed: z.number().int(),
      failed: z.number().int(),
      cancelled: z.number().int(),
      inProgress: z.number().int(),
      overdue: z.number().int().describe('Unfinished runs past their due date.'),
    })
    .describe('Run counts.'),
  successRate: nullableRate('Completed out of finished runs'),
  cycleTimeHours: z
    .object({ count: z.number().int(), median: z.number().nullable(), p90: z.number().nullable() })
    .describe('Request-to-finish hours of completed runs.'),
  onTime: z.object({ onTime: z.number().int(), withDueDate: z.number().int(), rate: z.number().nullable() }).describe('On-time delivery.'),
  avgRetriesPerStep: z.number().nullable().describe('Average extra attempts per step that ran.'),
  avgRevisionsPerStep: z.number().nullable().describe('Average revisions per step that ran.'),
  qaDefectRate: nullableRate('Finished runs with at least one QA defect'),
  defectsPerRun: z.number().nullable().describe('QA defects per finished run.'),
});

const outputSchema = z.object({
  playbooks: z.array(playbookHealth).describe('Health per playbook, by id.'),
  overall: playbookHealth.describe('All selected runs together.'),
  now: z.string().describe('Moment used for overdue checks.'),
  notes: z.array(z.string()).describe('Data problems and remarks.'),
  definitions: z.record(z.string(), z.string()).describe('How each metric is defined.'),
});

const hours = (h: number | null) => (h === null ? '-' : h >= 48 ? `${Math.round(h / 24)} d` : `${h} h`);
const share = (r: number | null) => (r === null ? '-' : percent(r, 0));
const num = (n: number | null) => (n === null ? '-' : String(n));

export const workflowHealthOpsTool = defineOpsTool({
  name: 'workflow_health',
  title: 'Workflow health of campaign runs',
  description:
    'Computes workflow health KPIs per playbook from campaign run records: cycle time from request to finish (median and p90), on-time delivery rate, average retries and revisions per step, QA defect rate, success rate and overdue runs. Use it in ops reviews to see which playbooks are slow, late or error-prone. Reads the run store when no runs are passed; returns one row per playbook plus an overall row.',
  inputSchema,
  outputSchema,
  examples: [
    {
      title: 'Two runs',
      input: {
        runs: [
          {
            id: 'r1',
            playbookId: 'product-launch',
            status: 'completed',
            createdAt: '2025-05-01T09:00:00Z',
            finishedAt: '2025-05-03T09:00:00Z',
            dueAt: '2025-05-05T00:00:00Z',
            steps: [{ id: 'copy', status: 'completed', attempts: 2, revisions: 1, qaDefects: 0 }],
          },
          {
            id: 'r2',
            playbookId: 'product-launch',
            status: 'running',
            createdAt: '2025-05-10T09:00:00Z',
            dueAt: '2025-05-12T00:00:00Z',
            steps: [{ id: 'copy', status: 'running', attempts: 1 }],
          },
        ],
        now: '2025-05-20T00:00:00Z',
      },
    },
  ],
  async execute(input, deps) {
    let runs: readonly RunRecordForHealth[] | undefined = input.runs;
    if (runs === undefined) {
      if (!deps.listRunRecords) {
        throw new MopsError('INVALID_INPUT', 'no `runs` given and no run store connected; pass the run records as `runs`');
      }
      runs = await deps.listRunRecords();
    }
    const now = input.now ? new Date(parseIsoTimestamp(input.now) ?? Date.now()) : (deps.now?.() ?? new Date());
    return computeWorkflowHealth(runs, { now, playbookId: input.playbookId, since: input.since });
  },
  toMarkdown(output) {
    const rows = [...output.playbooks, ...(output.playbooks.length > 1 ? [output.overall] : [])].map((p) => [
      p.playbookId,
      `${p.runs.completed}/${p.runs.total}`,
      hours(p.cycleTimeHours.median),
      hours(p.cycleTimeHours.p90),
      `${share(p.onTime.rate)}${p.onTime.withDueDate > 0 ? ` (${p.onTime.onTime}/${p.onTime.withDueDate})` : ''}`,
      num(p.avgRetriesPerStep),
      num(p.avgRevisionsPerStep),
      share(p.qaDefectRate),
      p.runs.overdue,
    ]);
    return [
      '## Workflow health',
      '',
      markdownTable(
        ['Playbook', 'Completed', 'Cycle median', 'Cycle p90', 'On time', 'Retries/step', 'Revisions/step', 'QA defect rate', 'Overdue'],
        rows,
        ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
      ),
      '',
      bulletList(Object.entries(output.definitions).map(([metric, definition]) => `**${metric}**: ${definition}`)),
      ...(output.notes.length > 0 ? ['', '### Notes', bulletList(output.notes)] : []),
    ].join('\n');
  },
});
