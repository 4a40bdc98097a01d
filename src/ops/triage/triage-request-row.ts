import { z } from 'zod';

const score = (what: string) => z.number().int().min(1).max(5).optional().describe(`${what}, 1-5. Derived from the other fields when omitted.`);

/** One intake request, as a JSON object or a CSV row. */
export const triageRequestRowSchema = z.object({
  id: z.string().min(1).describe('Request id.'),
  title: z.string().min(1).describe('What is asked for, in a few words.'),
  impact: score('Impact: will this influence pipeline?'),
  confidence: score('Confidence: do we understand the path to results?'),
  effort: score('Effort: how much operational load (1 = an hour or two, 5 = weeks)?'),
  risk: score('Risk: what breaks if this fails?'),
  touches_pipeline: z.boolean().optional().describe('The work influences pipeline or revenue.'),
  regulated_claims: z.boolean().optional().describe('The work makes claims in a regulated area (health, finance, legal...).'),
  personal_data: z.boolean().optional().describe('The work collects or uses personal data.'),
  has_brief: z.boolean().optional().describe('A complete brief exists; false blocks the request (no brief, no work).'),
  has_success_metric: z.boolean().optional().describe('A success metric is defined.'),
  estimated_hours: z.number().min(0).optional().describe('Estimated hours of work, used to derive effort.'),
  budget_change_pct: z.number().optional().describe('Budget shift the request implies, in percent (e.g. 20 or -10).'),
  channel_strategy_change: z.boolean().optional().describe('The request changes the overall channel strategy.'),
});

export type TriageRequestRow = z.output<typeof triageRequestRowSchema>;
