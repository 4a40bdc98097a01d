import { z } from 'zod';
import { defineOpsTool } from '../ops-tool.js';
import { bulletList, markdownTable, mermaidBlock } from '../shared/markdown.js';
import { rejectedRowSchema, tabularInputFields } from '../shared/zod-fields.js';
import { fixedSign } from './format-points.js';
import { BAND_INFO, LEAD_BANDS, LEAD_CATEGORIES, LEAD_SIGNAL_IDS, leadModelInputSchema } from './lead-scoring-model.js';
import { icpSchema, leadRowSchema } from './lead-row.js';
import { scoreLeads } from './score-leads.js';

const inputSchema = z
  .strictObject({
    ...tabularInputFields(leadRowSchema, 'leads'),
    icp: icpSchema.optional(),
    ...leadModelInputSchema,
  })
  .refine((input) => (input.rows === undefined) !== (input.csv === undefined), { error: 'pass exactly one of `rows` or `csv`' });

const categoryTotals = z.object(Object.fromEntries(LEAD_CATEGORIES.map((c) => [c, z.number().describe(`${c} total after clamping.`)])) as Record<(typeof LEAD_CATEGORIES)[number], z.ZodNumber>);

const outputSchema = z.object({
  leads: z
    .array(
      z.object({
        rank: z.number().int().describe('1 = highest score.'),
        id: z.string().describe('Lead id, email, or row/line reference.'),
        line: z.number().int().optional().describe('CSV line of the lead.'),
        score: z.number().describe('Total score.'),
        band: z.enum(LEAD_BANDS).describe('nurture (0-25 and below), mql (26-50), sql (51-75), hot (76+).'),
        bandLabel: z.string().describe('Readable band name.'),
        action: z.string().describe('What to do with a lead in this band.'),
        contributions: z
          .array(
            z.object({
              category: z.enum(LEAD_CATEGORIES).describe('Signal category.'),
              signal: z.enum(LEAD_SIGNAL_IDS).optional().describe('The signal; absent for a range adjustment.'),
              points: z.number().describe('Points added (negative for penalties and caps).'),
              reason: z.string().describe('Why, in words.'),
            }),
          )
          .describe('Everything that moved the score; the points add up to the score.'),
        categories: categoryTotals.describe('Totals per category.'),
      }),
    )
    .describe('Leads sorted by score, highest first.'),
  counts: z.object(Object.fromEntries(LEAD_BANDS.map((b) => [b, z.number().int().describe(`Leads in ${b}.`)])) as Record<(typeof LEAD_BANDS)[number], z.ZodNumber>).describe('Leads per band.'),
  total: z.number().int().describe('Leads scored.'),
  model: z
    .object({
      points: z.record(z.string(), z.number()).describe('Points per signal.'),
      ranges: z.record(z.string(), z.object({ min: z.number(), max: z.number() })).describe('Range per category.'),
      thresholds: z.object({ mql: z.number(), sql: z.number(), hot: z.number() }).describe('Lowest score of each band.'),
    })
    .describe('The model that was applied (defaults merged with overrides).'),
  rejectedRows: z.array(rejectedRowSchema).describe('Rows left out (only with skipInvalidRows).'),
  notes: z.array(z.string()).describe('Things worth knowing about the input.'),
});

export const scoreLeadsOpsTool = defineOpsTool({
  name: 'score_leads',
  title: 'Score leads',
  description:
    'Scores leads with the standard model: demographic fit +10..+25, high-intent behaviour +15..+25, engagement +5..+15, product usage +20..+30, negative signals -10..-50, then sorts them into nurture (0-25), MQL (26-50), SQL (51-75) and hot (76+). Use it on a CRM or CSV export to decide who goes to sales and who stays in nurture; weights, ranges, thresholds and the ICP are configurable. Returns every lead sorted by score with the signals that explain it, and counts per band.',
  inputSchema,
  outputSchema,
  fileInput: { field: 'csv', sourceField: 'source', formats: ['csv'] },
  examples: [
    {
      title: 'Two leads against an ICP',
      input: {
        rows: [
          { id: 'L1', email: 'ana@acme.io', title: 'VP Marketing', company_size: 120, visited_pricing: true, requested_demo: true, used_trial: true },
          { id: 'L2', email: 'sam@uni.edu', emails_opened: 4, downloaded_content: true },
        ],
        icp: { titles: ['vp marketing', 'head of growth'], companySize: { min: 50, max: 500 } },
      },
    },
  ],
  execute: (input) => scoreLeads(input),
  toMarkdown(output) {
    const lines = ['## Lead scores', ''];
    lines.push(
      markdownTable(
        ['Band', 'Leads', 'Action'],
        LEAD_BANDS.map((b) => [BAND_INFO[b].label, output.counts[b], BAND_INFO[b].action]),
        ['left', 'right', 'left'],
      ),
    );
    if (output.total > 0) {
      lines.push('', mermaidBlock(['pie showData title Leads per band', ...LEAD_BANDS.filter((b) => output.counts[b] > 0).map((b) => `  "${BAND_INFO[b].label}" : ${output.counts[b]}`)].join('\n')));
    }
    lines.push(
      '',
      markdownTable(
        ['#', 'Lead', 'Score', 'Band', 'Why'],
        output.leads.map((l) => [l.rank, l.id, l.score, l.bandLabel, l.contributions.map((c) => `${fixedSign(c.points)} ${c.reason}`).join('; ') || 'no signals']),
        ['right', 'left', 'right', 'left', 'left'],
      ),
    );
    if (output.notes.length > 0) lines.push('', '### Notes', bulletList(output.notes));
    if (output.rejectedRows.length > 0) {
      lines.push('', '### Rejected rows', bulletList(output.rejectedRows.map((r) => `${r.line ? `line ${r.line}` : `row ${r.index + 1}`}: ${r.problems.join('; ')}`)));
    }
    return lines.join('\n');
  },
});
