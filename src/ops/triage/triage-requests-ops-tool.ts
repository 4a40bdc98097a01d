import { z } from 'zod';
import { defineOpsTool } from '../ops-tool.js';
import { bulletList, markdownTable } from '../shared/markdown.js';
import { rejectedRowSchema, tabularInputFields } from '../shared/zod-fields.js';
import { DEFAULT_BUDGET_VARIANCE_PCT } from './decide-budget-change.js';
import { GOVERNANCE_TIERS, TIER_APPROVALS } from './governance-tiers.js';
import { triageRequestRowSchema } from './triage-request-row.js';
import { TRIAGE_DIMENSIONS, triageRequests } from './triage-requests.js';

const inputSchema = z
  .strictObject({
    ...tabularInputFields(triageRequestRowSchema, 'requests'),
    budgetVariancePct: z
      .number()
      .min(0)
      .default(DEFAULT_BUDGET_VARIANCE_PCT)
      .describe('Budget shift (percent) a media buyer may make without sign-off; above it the account director decides.'),
  })
  .refine((input) => (input.rows === undefined) !== (input.csv === undefined), { error: 'pass exactly one of `rows` or `csv`' });

const dimension = z.object({
  value: z.number().int().describe('Score 1-5.'),
  source: z.enum(['given', 'derived', 'default']).describe('Where the score came from.'),
  why: z.string().describe('What it was derived from.'),
});

const outputSchema = z.object({
  formula: z.string().describe('How the priority is computed.'),
  ranked: z
    .array(
      z.object({
        rank: z.number().int().describe('1 = do first.'),
        id: z.string().describe('Request id.'),
        title: z.string().describe('Request title.'),
        line: z.number().int().optional().describe('CSV line.'),
        scores: z.object(Object.fromEntries(TRIAGE_DIMENSIONS.map((d) => [d, dimension.describe(`${d} score.`)])) as Record<(typeof TRIAGE_DIMENSIONS)[number], typeof dimension>).describe('The four triage scores.'),
        priority: z.number().describe('Priority score (higher first).'),
        tier: z.enum(GOVERNANCE_TIERS).describe('Governance tier.'),
        approvals: z.array(z.string()).describe('Approvals and checks the tier requires.'),
        budgetDecision: z
          .object({ decider: z.enum(['media-buyer', 'account-director', 'client']).describe('Who decides.'), reason: z.string().describe('Why.') })
          .optional()
          .describe('Who may approve the budget change, when the request implies one.'),
        blocked: z.boolean().describe('True when the request has no brief (no brief, no work).'),
        explanation: z.string().describe('The decision in one sentence.'),
      }),
    )
    .describe('The backlog in priority order.'),
  tiers: z.object(Object.fromEntries(GOVERNANCE_TIERS.map((t) => [t, z.number().int().describe(`Requests in the ${t} tier.`)])) as Record<(typeof GOVERNANCE_TIERS)[number], z.ZodNumber>).describe('Requests per tier.'),
  blocked: z.number().int().describe('Requests blocked for lack of a brief.'),
  rejectedRows: z.array(rejectedRowSchema).describe('Rows left out (only with skipInvalidRows).'),
  notes: z.array(z.string()).describe('Things worth knowing about the input.'),
});

export const triageRequestsOpsTool = defineOpsTool({
  name: 'triage_requests',
  title: 'Triage and rank marketing requests',
  description:
    'Ranks a backlog of marketing requests by impact, confidence, effort and risk (1-5 each, given or derived from fields such as touches_pipeline, has_brief, estimated_hours, regulated_claims), assigns each a governance tier (low-risk, revenue, regulated) with the approvals it needs, and says who may approve any budget change (within 15%: media buyer; above: account director; channel strategy change: client). Use it at intake or backlog review to decide what to do first and how much process each request needs. Returns the ranked backlog with a one-sentence explanation per request; requests without a brief are blocked.',
  inputSchema,
  outputSchema,
  fileInput: { field: 'csv', sourceField: 'source', formats: ['csv'] },
  examples: [
    {
      title: 'Three requests',
      input: {
        rows: [
          { id: 'R1', title: 'Retargeting ads for pricing visitors', touches_pipeline: true, has_brief: true, has_success_metric: true, estimated_hours: 12, budget_change_pct: 20 },
          { id: 'R2', title: 'Supplement landing page with health claims', touches_pipeline: true, regulated_claims: true, has_brief: true, estimated_hours: 30 },
          { id: 'R3', title: 'Refresh blog header images', has_brief: false, estimated_hours: 3 },
        ],
      },
    },
  ],
  execute: (input) => triageRequests(input),
  toMarkdown(output) {
    const lines = [
      '## Triage',
      '',
      markdownTable(
        ['#', 'Request', 'I', 'C', 'E', 'R', 'Priority', 'Tier', 'Decision'],
        output.ranked.map((r) => [
          r.rank,
          `${r.blocked ? '[BLOCKED] ' : ''}${r.id}: ${r.title}`,
          r.scores.impact.value,
          r.scores.confidence.value,
          r.scores.effort.value,
          r.scores.risk.value,
          r.priority,
          r.tier,
          r.explanation,
        ]),
        ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'left', 'left'],
      ),
      '',
      `_${output.formula}_`,
      '',
      '### Approvals per tier',
      ...GOVERNANCE_TIERS.filter((t) => output.tiers[t] > 0).flatMap((t) => ['', `**${t}** (${output.tiers[t]} request(s))`, bulletList(TIER_APPROVALS[t])]),
    ];
    if (output.notes.length > 0) lines.push('', '### Notes', bulletList(output.notes));
    return lines.join('\n');
  },
});
