import { z } from 'zod';
import { MopsError } from '../../errors/index.js';
import { defineOpsTool } from '../ops-tool.js';
import { parseIsoDate } from '../shared/dates.js';
import { markdownTable } from '../shared/markdown.js';
import { isoDate } from '../shared/zod-fields.js';
import { BRIEF_FIELDS, BRIEF_FIELD_INFO, parseBriefText, type Brief } from './brief-fields.js';
import { validateBrief } from './validate-brief.js';

const briefSchema = z
  .strictObject(
    Object.fromEntries(BRIEF_FIELDS.map((f) => [f, z.string().optional().describe(`${BRIEF_FIELD_INFO[f].label}: ${BRIEF_FIELD_INFO[f].asks}.`)])) as Record<
      (typeof BRIEF_FIELDS)[number],
      z.ZodOptional<z.ZodString>
    >,
  )
  .describe('The brief as fields.');

const inputSchema = z
  .strictObject({
    brief: briefSchema.optional(),
    text: z
      .string()
      .optional()
      .describe('The brief as text instead: "Objective: ..." lines or Markdown headings (## Objective) with their paragraphs.'),
    source: z.string().optional().describe('File name of the brief text, used in messages.'),
    today: isoDate('The date to judge the deadline against (YYYY-MM-DD). Default: today.').optional(),
  })
  .refine((input) => (input.brief === undefined) !== (input.text === undefined), { error: 'pass exactly one of `brief` or `text`' });

const outputSchema = z.object({
  ready: z.boolean().describe('True when no field is missing; vague fields are warnings.'),
  fields: z
    .array(
      z.object({
        field: z.enum(BRIEF_FIELDS).describe('Field id.'),
        label: z.string().describe('Field name.'),
        status: z.enum(['ok', 'missing', 'vague']).describe('Field status.'),
        severity: z.enum(['error', 'warning']).optional().describe('error when missing, warning when vague.'),
        value: z.string().optional().describe('The value given.'),
        reasons: z.array(z.string()).describe('Why the field is missing or vague.'),
        fix: z.string().optional().describe('How to fix it, with an example.'),
      }),
    )
    .describe('One result per field, in brief order.'),
  summary: z.object({ ok: z.number().int(), vague: z.number().int(), missing: z.number().int() }).describe('Fields per status.'),
  today: z.string().describe('The date the deadline was judged against.'),
  verdict: z.string().describe('One-line verdict.'),
  rule: z.string().describe('The intake rule: no brief, no work.'),
  notes: z.array(z.string()).describe('Things worth knowing about the input (e.g. unrecognised headings).'),
});

export const validateBriefOpsTool = defineOpsTool({
  name: 'validate_brief',
  title: 'Validate a campaign brief',
  description:
    'Checks a creative or campaign brief for the seven fields work needs: one primary objective, a specific target audience, the key message, a call to action, a success metric, a deadline and format specifications. Use it at intake, before any production starts ("no brief, no work"). Returns ready/not ready, and per field ok, missing (error) or vague (warning) with the reason and a suggested rewrite.',
  inputSchema,
  outputSchema,
  fileInput: { field: 'text', sourceField: 'source', formats: ['markdown', 'yaml'] },
  examples: [
    {
      title: 'A brief with two vague fields',
      input: {
        brief: {
          objective: 'Generate 300 demo requests from mid-market SaaS teams',
          audience: 'millennials',
          keyMessage: 'Launch campaigns in a day without engineering help',
          callToAction: 'Learn more',
          successMetric: '300 demo requests at under $150 each',
          deadline: '2099-09-30',
          format: '3 LinkedIn single-image ads, 1200x627',
        },
        today: '2025-06-01',
      },
    },
  ],
  execute(input, deps) {
    let brief: Brief;
    const notes: string[] = [];
    if (input.text !== undefined) {
      const parsed = parseBriefText(input.text);
      brief = parsed.brief;
      if (Object.keys(brief).length === 0) {
        throw new MopsError('INVALID_FILE', 'found no brief fields; write "Objective: ..." lines or "## Objective" headings', {
          location: { file: input.source ?? 'brief' },
        });
      }
      if (parsed.unknownLabels.length > 0) notes.push(`ignored heading(s) that are not brief fields: ${parsed.unknownLabels.join(', ')}`);
    } else {
      brief = input.brief ?? {};
    }
    const today = input.today ? (parseIsoDate(input.today) ?? new Date()) : (deps.now?.() ?? new Date());
    return { ...validateBrief(brief, today), notes };
  },
  toMarkdown(output) {
    const mark = { ok: 'ok', missing: 'MISSING', vague: 'vague' } as const;
    return [
      '## Brief check',
      '',
      `**${output.verdict}**`,
      '',
      markdownTable(
        ['Field', 'Status', 'Why', 'Fix'],
        output.fields.map((f) => [f.label, mark[f.status], f.status === 'ok' ? '' : f.reasons.join('; '), f.fix ?? '']),
      ),
      '',
      `_${output.rule}_`,
      ...(output.notes.length > 0 ? ['', ...output.notes.map((n) => `- ${n}`)] : []),
    ].join('\n');
  },
});
