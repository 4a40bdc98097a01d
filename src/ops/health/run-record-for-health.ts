import { z } from 'zod';
import { isoTimestamp } from '../shared/zod-fields.js';

export const RUN_STATUSES = ['pending', 'running', 'waiting', 'completed', 'failed', 'cancelled'] as const;
export const STEP_STATUSES = ['pending', 'running', 'waiting', 'completed', 'failed', 'skipped', 'cancelled'] as const;

export const stepRecordForHealthSchema = z.object({
  id: z.string().min(1).describe('Step id within the playbook.'),
  status: z.enum(STEP_STATUSES).describe('Step status.'),
  attempts: z.number().int().min(0).describe('How many times the step was executed (1 = no retry).'),
  revisions: z.number().int().min(0).default(0).describe('How many times the output was sent back for changes.'),
  qaDefects: z.number().int().min(0).default(0).describe('Problems a QA gate found in this step (tracking, brand, links, forms...).'),
});

/**
 * The facts about one playbook run that workflow health needs. The engine maps its run
 * records to this shape (`OpsDeps.listRunRecords`); callers may also pass them directly.
 */
export const RunRecordForHealth = z.object({
  id: z.string().min(1).describe('Run id.'),
  playbookId: z.string().min(1).describe('Playbook the run executes.'),
  status: z.enum(RUN_STATUSES).describe('Run status; only completed runs count towards cycle time and on-time rate.'),
  createdAt: isoTimestamp('When the run was requested (start of cycle time).'),
  startedAt: isoTimestamp('When the first step started.').optional(),
  finishedAt: isoTimestamp('When the run finished (completed, failed or cancelled).').optional(),
  dueAt: isoTimestamp('Deadline, when the run has one.').optional(),
  steps: z.array(stepRecordForHealthSchema).describe('The run steps.'),
});

export type RunRecordForHealth = z.input<typeof RunRecordForHealth>;
export type StepRecordForHealth = z.input<typeof stepRecordForHealthSchema>;
