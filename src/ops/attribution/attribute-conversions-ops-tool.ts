import { z } from 'zod';
import { defineOpsTool } from '../ops-tool.js';
import { bulletList, fixed, markdownTable, mermaidBlock, mermaidLabel, percent } from '../shared/markdown.js';
import { rejectedRowSchema, tabularInputFields } from '../shared/zod-fields.js';
import type { AttributionResult, CreditRow } from './attribution-accumulator.js';
import { ATTRIBUTION_MODELS, DEFAULT_HALF_LIFE_DAYS, MODEL_LABELS } from './attribution-models.js';
import { attributeConversions, touchpointRowSchema } from './attribute-conversions.js';

const inputSchema = z
  .strictObject({
    ...tabularInputFields(touchpointRowSchema, 'touchpoints (one row per touch or conversion)'),
    halfLifeDays: z
      .number()
      .positive()
      .default(DEFAULT_HALF_LIFE_DAYS)
      .describe('Half-life of the time-decay model in days: a touch this long before the conversion gets half the weight of one at the conversion.'),
    conversionAtLastTouch: z
      .boolean()
      .default(false)
      .describe('For exports of converting paths only (no conversion rows): each journey converts at its last touch.'),
  })
  .refine((input) => (input.rows === undefined) !== (input.csv === undefined), { error: 'pass exactly one of `rows` or `csv`' });

const modelNumbers = (what: string) =>
  z.object(Object.fromEntries(ATTRIBUTION_MODELS.map((m) => [m, z.number().describe(`${what} under ${MODEL_LABELS[m]}.`)])) as Record<(typeof ATTRIBUTION_MODELS)[number], z.ZodNumber>);

const creditRow = z.object({
  key: z.string().describe('Channel or campaign ("(none)" for touches without a campaign).'),
  conversions: modelNumbers('Conversions credited').describe('Credited conversions per model.'),
  value: modelNumbers('Value credited').describe('Credited conversion value per model.'),
});

const outputSchema = z.object({
  halfLifeDays: z.number().describe('Time-decay half-life used.'),
  totals: z
    .object({
      touchpoints: z.number().int().describe('Touches read.'),
      journeys: z.number().int().describe('Distinct journeys.'),
      conversions: z.number().int().describe('Conversions found.'),
      attributedConversions: z.number().int().describe('Conversions with at least one touch before them.'),
      conversionValue: z.number().describe('Total conversion value.'),
      attributedValue: z.number().describe('Value of the attributed conversions.'),
    })
    .describe('Counts over the whole input.'),
  journeysWithoutConversion: z
    .object({ count: z.number().int(), touchpoints: z.number().int(), sampleIds: z.array(z.string()) })
    .describe('Journeys that never converted (reported, not credited), with example ids.'),
  conversionsWithoutTouches: z
    .object({ count: z.number().int(), value: z.number(), sampleIds: z.array(z.string()) })
    .describe('Conversions with no touch before them, with example journey ids.'),
  touchesAfterLastConversion: z.number().int().describe('Touches that came after their journey had converted.'),
  byChannel: z.array(creditRow).describe('Credit per channel and model, sorted by linear credit.'),
  byCampaign: z.array(creditRow).describe('Credit per campaign and model, sorted by linear credit.'),
  rejectedRows: z.array(rejectedRowSchema).describe('Rows left out (only with skipInvalidRows).'),
  notes: z.array(z.string()).describe('Things worth knowing about the input.'),
});

function comparisonTable(rows: readonly CreditRow[], total: number, label: string): string {
  const share = (n: number) => (total > 0 ? percent(n / total) : '-');
  return markdownTable(
    [label, ...ATTRIBUTION_MODELS.map((m) => MODEL_LABELS[m])],
    rows.map((r) => [r.key, ...ATTRIBUTION_MODELS.map((m) => `${fixed(r.conversions[m])} (${share(r.conversions[m])})`)]),
    ['left', ...ATTRIBUTION_MODELS.map(() => 'right' as const)],
  );
}

/** Markdown report: model comparison per channel and campaign, and a pie of position-based credit. */
export function attributionToMarkdown(output: AttributionResult & { notes?: readonly string[] }): string {
  const { totals } = output;
  const lines = [
    '## Attribution',
    '',
    `${totals.conversions} conversion(s) over ${totals.journeys} journey(s) and ${totals.touchpoints} touchpoint(s); ${totals.attributedConversions} attributed. Time-decay half-life: ${output.halfLifeDays} day(s).`,
    '',
    '### Credit per channel (conversions, share)',
    comparisonTable(output.byChannel, totals.attributedConversions, 'Channel'),
  ];
  if (totals.attributedValue > 0) {
    lines.push(
      '',
      '### Value per channel',
      markdownTable(
        ['Channel', ...ATTRIBUTION_MODELS.map((m) => MODEL_LABELS[m])],
        output.byChannel.map((r) => [r.key, ...ATTRIBUTION_MODELS.map((m) => fixed(r.value[m]))]),
        ['left', ...ATTRIBUTION_MODELS.map(() => 'right' as const)],
      ),
    );
  }
  const credited = output.byChannel.filter((r) => r.conversions.positionBased > 0);
  if (credited.length > 0) {
    lines.push(
      '',
      mermaidBlock(
        [`pie showData title ${MODEL_LABELS.positionBased} credit by channel`, ...credited.map((r) => `  "${mermaidLabel(r.key)}" : ${fixed(r.conversions.positionBased, 3)}`)].join('\n'),
      ),
    );
  }
  lines.push('', '### Credit per campaign (conversions, share)', comparisonTable(output.byCampaign, totals.attributedConversions, 'Campaign'));
  if (output.notes && output.notes.length > 0) lines.push('', '### Notes', bulletList(output.notes));
  return lines.join('\n');
}

export const attributeConversionsOpsTool = defineOpsTool({
  name: 'attribute_conversions',
  title: 'Attribute conversions to channels and campaigns',
  description:
    'Credits conversions to the channels and campaigns that led to them under five models side by side: first-touch, last-touch, linear, time-decay (configurable half-life) and position-based 40/20/40. Use it to compare how much each channel gets under different models before choosing or defending one. Takes touchpoint rows or CSV (journey_id, ISO timestamp, channel, campaign, type touch/conversion, conversion_value) and returns credited conversions and value per channel and campaign per model, plus journeys without a conversion.',
  inputSchema,
  outputSchema,
  fileInput: { field: 'csv', sourceField: 'source', formats: ['csv'] },
  examples: [
    {
      title: 'One converting journey',
      input: {
        rows: [
          { journey_id: 'j1', timestamp: '2025-03-01T10:00:00Z', channel: 'organic-search', campaign: 'blog' },
          { journey_id: 'j1', timestamp: '2025-03-08T10:00:00Z', channel: 'email', campaign: 'spring-launch' },
          { journey_id: 'j1', timestamp: '2025-03-15T10:00:00Z', channel: 'paid-search', campaign: 'spring-launch' },
          { journey_id: 'j1', timestamp: '2025-03-15T10:05:00Z', type: 'conversion', conversion_value: 900 },
        ],
      },
    },
  ],
  execute: (input) => attributeConversions(input),
  toMarkdown: attributionToMarkdown,
});
