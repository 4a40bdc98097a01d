import { z } from 'zod';
import { readTable, type RejectedRow, type TabularInput } from '../shared/read-table.js';
import { isoTimestamp } from '../shared/zod-fields.js';
import { createAttributionAccumulator, type AttributionOptions, type AttributionResult } from './attribution-accumulator.js';

/** One CSV/JSON row: a touch of a journey, or the journey's conversion. */
export const touchpointRowSchema = z
  .object({
    journey_id: z.string().min(1).describe('Journey (or conversion) id; the column may also be named conversion_id.'),
    timestamp: isoTimestamp('When it happened, ISO 8601 (e.g. 2025-03-01T09:30:00Z; no zone means UTC).'),
    channel: z.string().optional().describe('Channel of the touch, e.g. email, paid-search, organic-social. Required on touches.'),
    campaign: z.string().optional().describe('Campaign of the touch.'),
    type: z.enum(['touch', 'conversion']).optional().describe('touch (default) or conversion.'),
    conversion_value: z.number().min(0).optional().describe('Value of the conversion (e.g. revenue), on conversion rows.'),
  })
  .superRefine((row, ctx) => {
    if (row.type !== 'conversion' && !row.channel) {
      ctx.addIssue({ code: 'custom', path: ['channel'], message: 'required on touch rows (type touch or empty)', input: row.channel });
    }
  });

export type TouchpointRow = z.output<typeof touchpointRowSchema>;

export interface AttributeConversionsInput extends TabularInput, Omit<AttributionOptions, 'checkGrouping'> {
  skipInvalidRows?: boolean | undefined;
}

export interface AttributeConversionsResult extends AttributionResult {
  rejectedRows: RejectedRow[];
  notes: string[];
}

/**
 * Attributes conversions from touchpoint rows or CSV under every model at once. Rows may
 * come in any order: they are grouped by journey (first appearance order) and sorted by
 * time within each journey. For very large inputs use createAttributionAccumulator.
 */
export function attributeConversions(input: AttributeConversionsInput): AttributeConversionsResult {
  const table = readTable({ rowSchema: touchpointRowSchema, aliases: { conversion_id: 'journey_id' } }, input, {
    skipInvalidRows: input.skipInvalidRows ?? false,
  });
  const journeys = new Map<string, TouchpointRow[]>();
  for (const { value } of table.rows) {
    const list = journeys.get(value.journey_id);
    if (list) list.push(value);
    else journeys.set(value.journey_id, [value]);
  }
  const accumulator = createAttributionAccumulator({ ...input, checkGrouping: false });
  let ignoredValues = 0;
  for (const [journeyId, rows] of journeys) {
    for (const row of rows) {
      const isConversion = row.type === 'conversion';
      if (!isConversion && row.conversion_value !== undefined && !input.conversionAtLastTouch) ignoredValues += 1;
      accumulator.add({
        journeyId,
        timestamp: row.timestamp,
        channel: row.channel,
        campaign: row.campaign,
        type: row.type,
        value: row.conversion_value,
      });
    }
  }
  const result = accumulator.result();
  const notes: string[] = [];
  if (table.unknownColumns.length > 0) notes.push(`ignored column(s): ${table.unknownColumns.join(', ')}`);
  if (ignoredValues > 0) {
    notes.push(`${ignoredValues} touch row(s) carry a conversion_value, which only counts on conversion rows (or with conversionAtLastTouch)`);
  }
  if (result.totals.conversions === 0 && result.totals.touchpoints > 0) {
    notes.push('no conversions found: add rows with type=conversion, or set conversionAtLastTouch if every journey in the file converted');
  }
  if (result.journeysWithoutConversion.count > 0) {
    notes.push(`${result.journeysWithoutConversion.count} journey(s) with ${result.journeysWithoutConversion.touchpoints} touchpoint(s) have no conversion; they get no credit`);
  }
  if (result.conversionsWithoutTouches.count > 0) {
    notes.push(`${result.conversionsWithoutTouches.count} conversion(s) have no touch before them; they could not be attributed`);
  }
  if (result.touchesAfterLastConversion > 0) notes.push(`${result.touchesAfterLastConversion} touch(es) came after their journey's last conversion`);
  if (table.rejected.length > 0) notes.push(`${table.rejected.length} invalid row(s) were left out; see rejectedRows`);
  return { ...result, rejectedRows: table.rejected, notes };
}
