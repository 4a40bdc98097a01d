import { describe, expect, it } from 'vitest';
import { parseBriefText } from '../../../src/ops/brief/brief-fields.js';
import { validateBrief } from '../../../src/ops/brief/validate-brief.js';
import { validateBriefOpsTool } from '../../../src/ops/brief/validate-brief-ops-tool.js';

const today = new Date(Date.UTC(2025, 5, 1));
const good = {
  objective: 'Generate 300 demo requests from mid-market SaaS teams in Q3',
  audience: 'Heads of marketing at 50-500 person B2B SaaS companies',
  keyMessage: 'Launch campaigns in a day without waiting on engineering',
  callToAction: 'Book a 20-minute demo',
  successMetric: '300 demo requests at under $150 each',
  deadline: '2025-09-30',
  format: '3 LinkedIn single-image ads, 1200x627',
};
const statusOf = (brief: Record<string, string>) => Object.fromEntries(validateBrief(brief, today).fields.map((f) => [f.field, f.status]));

describe('validateBrief', () => {
  it('passes a complete, specific brief', () => {
    const result = validateBrief(good, today);
    expect(result.ready).toBe(true);
    expect(result.summary).toEqual({ ok: 7, vague: 0, missing: 0 });
    expect(result.rule).toMatch(/^No brief, no work/);
  });

  it('marks missing fields as errors and the brief as not ready', () => {
    const result = validateBrief({ objective: good.objective, deadline: '  ' }, today);
    expect(result.ready).toBe(false);
    expect(result.summary).toEqual({ ok: 1, vague: 0, missing: 6 });
    const deadline = result.fields.find((f) => f.field === 'deadline');
    expect(deadline).toMatchObject({ status: 'missing', severity: 'error' });
    expect(deadline?.fix).toContain('YYYY-MM-DD');
    expect(result.verdict).toContain('No brief, no work');
  });

  it('flags an objective without a number, without a verb, or with two goals', () => {
    expect(validateBrief({ ...good, objective: 'Increase brand awareness' }, today).fields[0]?.reasons).toEqual([
      'no number: an objective without a target cannot be met or missed',
    ]);
    expect(statusOf({ ...good, objective: 'Brand awareness in 2 regions' }).objective).toBe('vague');
    expect(validateBrief({ ...good, objective: 'Increase signups by 20% and grow brand awareness' }, today).fields[0]?.reasons[0]).toMatch(/more than one objective/);
  });

  it('flags broad audiences unless something narrows them down', () => {
    expect(statusOf({ ...good, audience: 'everyone' }).audience).toBe('vague');
    expect(statusOf({ ...good, audience: 'Millennials' }).audience).toBe('vague');
    expect(statusOf({ ...good, audience: 'small businesses' }).audience).toBe('vague');
    expect(statusOf({ ...good, audience: 'Millennials in Berlin who rent their first flat' }).audience).toBe('ok');
    expect(statusOf({ ...good, audience: 'B2B marketers' }).audience).toBe('ok');
  });

  it('wants a CTA that starts with an action', () => {
    expect(validateBrief({ ...good, callToAction: 'Learn more' }, today).fields[3]?.reasons[0]).toMatch(/generic/);
    expect(statusOf({ ...good, callToAction: 'Our new pricing page' }).callToAction).toBe('vague');
    expect(statusOf({ ...good, callToAction: 'Click to start your free trial' }).callToAction).toBe('ok');
  });

  it('wants a success metric with a number and a unit', () => {
    expect(validateBrief({ ...good, successMetric: 'More engagement' }, today).fields[4]?.reasons).toEqual(['no number: say how much counts as success']);
    expect(validateBrief({ ...good, successMetric: 'Up 20 by June' }, today).fields[4]?.reasons[0]).toMatch(/without a unit/);
    for (const ok of ['20% more signups', 'CTR above 2%', '$50k pipeline', '3x ROAS', '150 MQLs']) expect(statusOf({ ...good, successMetric: ok }).successMetric, ok).toBe('ok');
  });

  it('judges the deadline against the injected today', () => {
    expect(validateBrief({ ...good, deadline: 'ASAP' }, today).fields[5]?.reasons).toEqual(['"ASAP" is not a date: write it as YYYY-MM-DD']);
    expect(validateBrief({ ...good, deadline: '2025-05-31' }, today).fields[5]?.reasons).toEqual(['2025-05-31 is in the past (today is 2025-06-01)']);
    expect(statusOf({ ...good, deadline: '2025-06-01' }).deadline).toBe('ok');
    expect(statusOf({ ...good, deadline: '2025-02-30' }).deadline).toBe('vague');
  });

  it('flags a one-word format', () => {
    expect(statusOf({ ...good, format: 'video' }).format).toBe('vague');
  });
});

describe('validate_brief tool', () => {
  it('reads a brief written as Markdown and uses the clock from deps', async () => {
    const text = [
      '# Spring launch brief',
      '## Objective',
      'Generate 300 demo requests',
      'from mid-market SaaS teams.',
      '## Audience',
      'Heads of marketing at 50-500 person SaaS companies',
      '**Key message:** Launch campaigns in a day',
      '- CTA: Book a demo',
      'Success metric: 300 demo requests',
      'Deadline: 2025-09-30',
      'Format: 3 LinkedIn ads, 1200x627',
    ].join('\n');
    expect(parseBriefText(text).brief.objective).toBe('Generate 300 demo requests from mid-market SaaS teams.');
    const output = await validateBriefOpsTool.run({ text, source: 'brief.md' }, { now: () => new Date('2025-10-01T00:00:00Z') });
    expect(output.ready).toBe(true);
    expect(output.fields.find((f) => f.field === 'deadline')?.status).toBe('vague');
    expect(output.notes).toEqual(['ignored heading(s) that are not brief fields: Spring launch brief']);
    expect(validateBriefOpsTool.toMarkdown(output)).toContain('| Deadline | vague | 2025-09-30 is in the past (today is 2025-10-01) |');
  });

  it('names unknown brief fields by path', () => {
    expect(() => validateBriefOpsTool.run({ brief: { call_to_action: 'Book' } as never })).toThrow(/brief: unknown field\(s\) "call_to_action"/);
    expect(() => validateBriefOpsTool.run({ brief: {}, today: '01/06/2025' })).toThrow('today: expected a date as YYYY-MM-DD, got "01/06/2025"');
  });
});
