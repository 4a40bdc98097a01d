import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MopsError } from '../../../src/errors/index.js';
import { createAttributionAccumulator } from '../../../src/ops/attribution/attribution-accumulator.js';
import { ATTRIBUTION_MODELS, modelWeights } from '../../../src/ops/attribution/attribution-models.js';
import { attributeConversions } from '../../../src/ops/attribution/attribute-conversions.js';
import { attributeConversionsOpsTool } from '../../../src/ops/attribution/attribute-conversions-ops-tool.js';

const DAY = 86_400_000;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const byKey = (rows: { key: string; conversions: Record<string, number> }[], model: string) =>
  Object.fromEntries(rows.map((r) => [r.key, Number((r.conversions[model] ?? 0).toFixed(6))]));

describe('attribution model weights', () => {
  // Touches 21, 14, 7 and 0 days before the conversion; half-life 7 days.
  // time decay raw weights 2^-3, 2^-2, 2^-1, 2^0 = 1/8, 1/4, 1/2, 1 (sum 15/8) → 1/15, 2/15, 4/15, 8/15
  const times = [0, 7 * DAY, 14 * DAY, 21 * DAY];
  const conversion = 21 * DAY;

  it('weights a 4-touch journey as computed by hand', () => {
    expect(modelWeights('firstTouch', times, conversion)).toEqual([1, 0, 0, 0]);
    expect(modelWeights('lastTouch', times, conversion)).toEqual([0, 0, 0, 1]);
    expect(modelWeights('linear', times, conversion)).toEqual([0.25, 0.25, 0.25, 0.25]);
    modelWeights('timeDecay', times, conversion).forEach((w, i) => expect(w).toBeCloseTo([1 / 15, 2 / 15, 4 / 15, 8 / 15][i] ?? 0, 12));
    modelWeights('positionBased', times, conversion).forEach((w, i) => expect(w).toBeCloseTo([0.4, 0.1, 0.1, 0.4][i] ?? 0, 12));
  });

  it('gives position-based 100% to one touch and 50/50 to two', () => {
    expect(modelWeights('positionBased', [0], 0)).toEqual([1]);
    expect(modelWeights('positionBased', [0, DAY], DAY)).toEqual([0.5, 0.5]);
  });

  it('follows the configured half-life', () => {
    // Half-life 14 days: 2^(-21/14), 2^(-14/14), 2^(-7/14), 1
    const raw = [2 ** -1.5, 2 ** -1, 2 ** -0.5, 1];
    const sum = raw.reduce((a, b) => a + b, 0);
    modelWeights('timeDecay', times, conversion, 14).forEach((w, i) => expect(w).toBeCloseTo((raw[i] ?? 0) / sum, 12));
  });

  it('sums to 1 for every model and any journey', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 * DAY }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 30 * DAY }),
        fc.double({ min: 0.01, max: 365, noNaN: true }),
        (offsets, lag, halfLife) => {
          const times = [...offsets].sort((a, b) => a - b);
          const conversionTime = (times[times.length - 1] ?? 0) + lag;
          for (const model of ATTRIBUTION_MODELS) {
            const weights = modelWeights(model, times, conversionTime, halfLife);
            const sum = weights.reduce((a, b) => a + b, 0);
            if (Math.abs(sum - 1) > 1e-9 || weights.some((w) => w < 0)) return false;
          }
          return true;
        },
      ),
    );
  });
});

describe('attributeConversions', () => {
  it('credits the 4-touch fixture journey per channel and campaign, and reports the rest', () => {
    const result = attributeConversions({ csv: fixture('touchpoints.csv'), source: 'touchpoints.csv' });
    // j1: organic-search, social, email, email; conversion 0 days after the last touch, value 300
    expect(byKey(result.byChannel, 'firstTouch')).toEqual({ 'organic-search': 1, social: 0, email: 0, 'paid-search': 0 });
    expect(byKey(result.byChannel, 'lastTouch')).toEqual({ 'organic-search': 0, social: 0, email: 1, 'paid-search': 0 });
    expect(byKey(result.byChannel, 'linear')).toEqual({ 'organic-search': 0.25, social: 0.25, email: 0.5, 'paid-search': 0 });
    expect(byKey(result.byChannel, 'timeDecay')).toEqual({ 'organic-search': 0.066667, social: 0.133333, email: 0.8, 'paid-search': 0 });
    expect(byKey(result.byChannel, 'positionBased')).toEqual({ 'organic-search': 0.4, social: 0.1, email: 0.5, 'paid-search': 0 });
    expect(byKey(result.byCampaign, 'positionBased')).toEqual({ blog: 0.4, 'spring-launch': 0.2, nurture: 0.4 });
    expect(result.byChannel.find((r) => r.key === 'email')?.value.positionBased).toBeCloseTo(150, 9);
    expect(result.totals).toEqual({ touchpoints: 5, journeys: 3, conversions: 2, attributedConversions: 1, conversionValue: 350, attributedValue: 300 });
    expect(result.journeysWithoutConversion).toEqual({ count: 1, touchpoints: 1, sampleIds: ['j2'] });
    expect(result.conversionsWithoutTouches).toEqual({ count: 1, value: 50, sampleIds: ['j3'] });
    expect(result.notes.join('\n')).toContain('1 journey(s) with 1 touchpoint(s) have no conversion');
  });

  it('groups interleaved rows by journey and sorts each journey by time', () => {
    const rows = [
      { journey_id: 'b', timestamp: '2025-01-02', channel: 'email' },
      { journey_id: 'a', timestamp: '2025-01-05', type: 'conversion' as const },
      { journey_id: 'a', timestamp: '2025-01-03', channel: 'social' },
      { journey_id: 'b', timestamp: '2025-01-01', channel: 'display' },
      { journey_id: 'a', timestamp: '2025-01-01', channel: 'cpc' },
      { journey_id: 'b', timestamp: '2025-01-04', type: 'conversion' as const },
    ];
    const result = attributeConversions({ rows });
    expect(byKey(result.byChannel, 'firstTouch')).toEqual({ cpc: 1, social: 0, display: 1, email: 0 });
    expect(byKey(result.byChannel, 'lastTouch')).toEqual({ cpc: 0, social: 1, display: 0, email: 1 });
  });

  it('credits each conversion with the touches since the previous one', () => {
    const acc = createAttributionAccumulator();
    acc.add({ journeyId: 'j', timestamp: 0, channel: 'email' });
    acc.add({ journeyId: 'j', timestamp: DAY, type: 'conversion', value: 10 });
    acc.add({ journeyId: 'j', timestamp: 2 * DAY, channel: 'cpc' });
    acc.add({ journeyId: 'j', timestamp: 3 * DAY, type: 'conversion', value: 20 });
    acc.add({ journeyId: 'j', timestamp: 4 * DAY, channel: 'social' });
    const result = acc.result();
    expect(byKey(result.byChannel, 'linear')).toEqual({ email: 1, cpc: 1, social: 0 });
    expect(result.byChannel.find((r) => r.key === 'cpc')?.value.linear).toBe(20);
    expect(result.touchesAfterLastConversion).toBe(1);
    expect(result.journeysWithoutConversion.count).toBe(0);
  });

  it('treats the last touch as the conversion for converting-path exports', () => {
    const rows = [
      { journey_id: 'c1', timestamp: '2025-01-01', channel: 'email' },
      { journey_id: 'c1', timestamp: '2025-01-02', channel: 'cpc', conversion_value: 40 },
    ];
    expect(attributeConversions({ rows }).totals.conversions).toBe(0);
    const result = attributeConversions({ rows, conversionAtLastTouch: true });
    expect(result.totals).toMatchObject({ conversions: 1, attributedConversions: 1, conversionValue: 40 });
    expect(byKey(result.byChannel, 'positionBased')).toEqual({ email: 0.5, cpc: 0.5 });
  });

  it('keeps total credit equal to attributed conversions for random inputs', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            journey: fc.integer({ min: 0, max: 5 }),
            day: fc.integer({ min: 0, max: 60 }),
            channel: fc.constantFrom('email', 'cpc', 'social'),
            conversion: fc.boolean(),
          }),
          { maxLength: 60 },
        ),
        (events) => {
          const rows = events.map((e) => ({
            journey_id: `j${e.journey}`,
            timestamp: new Date(e.day * DAY).toISOString(),
            ...(e.conversion ? { type: 'conversion' as const } : { channel: e.channel }),
          }));
          const result = attributeConversions({ rows });
          return ATTRIBUTION_MODELS.every((m) => {
            const total = result.byChannel.reduce((sum, r) => sum + r.conversions[m], 0);
            return Math.abs(total - result.totals.attributedConversions) < 1e-9;
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reports bad rows by line and requires a channel on touches', () => {
    const csv = ['journey_id,timestamp,channel,type,conversion_value', 'j1,2025-03-01,email,,', 'j1,yesterday,email,,', 'j1,2025-03-02,,touch,', 'j1,2025-03-03,,purchase,-5'].join('\n');
    let error: unknown;
    try {
      attributeConversions({ csv, source: 'tp.csv' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MopsError);
    const message = (error as MopsError).message;
    expect(message).toContain('tp.csv:3: column "timestamp": expected an ISO date-time such as 2025-03-01T09:30:00Z, got "yesterday"');
    expect(message).toContain('tp.csv:4: column "channel": required on touch rows');
    expect(message).toContain('tp.csv:5: column "type": expected one of touch, conversion, got "purchase"');
    expect(message).toContain('3 of 4 row(s) in tp.csv are invalid');
  });

  it('refuses events that are not grouped by journey in the streaming API', () => {
    const acc = createAttributionAccumulator();
    acc.add({ journeyId: 'a', timestamp: 0, channel: 'email' });
    acc.add({ journeyId: 'b', timestamp: 0, channel: 'email' });
    expect(() => acc.add({ journeyId: 'a', timestamp: 1, channel: 'cpc' })).toThrow(/journey "a" appeared again/);
    expect(() => createAttributionAccumulator({ halfLifeDays: 0 })).toThrow(/halfLifeDays must be a positive number/);
  });

  it('renders a comparison table and a Mermaid pie', async () => {
    const output = await attributeConversionsOpsTool.run({ csv: fixture('touchpoints.csv'), source: 'touchpoints.csv', halfLifeDays: 7 });
    const markdown = attributeConversionsOpsTool.toMarkdown(output);
    expect(markdown).toContain('| Channel | First touch | Last touch | Linear | Time decay | Position-based (40/20/40) |');
    expect(markdown).toContain('| email | 0.00 (0.0%) | 1.00 (100.0%) | 0.50 (50.0%) | 0.80 (80.0%) | 0.50 (50.0%) |');
    expect(markdown).toContain('pie showData title Position-based (40/20/40) credit by channel');
  });
});
