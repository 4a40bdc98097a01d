import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MopsError } from '../../../src/errors/index.js';
import { LEAD_BANDS, leadBand, resolveLeadModel } from '../../../src/ops/leads/lead-scoring-model.js';
import { scoreLead } from '../../../src/ops/leads/score-lead.js';
import { scoreLeads } from '../../../src/ops/leads/score-leads.js';
import { scoreLeadsOpsTool } from '../../../src/ops/leads/score-leads-ops-tool.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const { model } = resolveLeadModel();
const icp = { titles: ['vp marketing', 'marketing director'], companySize: { min: 50, max: 500 }, industries: ['saas'] };

describe('lead bands', () => {
  it('puts each threshold boundary in the right band', () => {
    expect([-40, 0, 25, 26, 50, 51, 75, 76, 95].map((s) => leadBand(s))).toEqual([
      'nurture', 'nurture', 'nurture', 'mql', 'mql', 'sql', 'sql', 'hot', 'hot',
    ]);
  });

  it('is monotonic in the score', () => {
    fc.assert(
      fc.property(fc.double({ min: -200, max: 200, noNaN: true }), fc.double({ min: -200, max: 200, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        return LEAD_BANDS.indexOf(leadBand(low)) <= LEAD_BANDS.indexOf(leadBand(high));
      }),
    );
  });

  it('scores leads landing exactly on 25, 26, 50, 51, 75 and 76', () => {
    // Webinar worth 6 instead of 10 lets the totals hit the odd boundaries.
    const custom = resolveLeadModel({ weights: { attended_webinar: 6 } }).model;
    const cases: [Record<string, boolean>, number, string][] = [
      [{ title_match: true, company_size_match: true, industry_match: true }, 25, 'nurture'], // 10+10+10 = 30, capped to 25
      [{ title_match: true, company_size_match: true, attended_webinar: true }, 26, 'mql'], // 20 + 6
      [{ requested_demo: true, used_trial: true, opened_3plus_emails: true }, 50, 'mql'], // 25 + 20 + 5
      [{ requested_demo: true, used_trial: true, attended_webinar: true }, 51, 'sql'], // 25 + 20 + 6
      [{ title_match: true, requested_demo: true, reached_activation: true, opened_3plus_emails: true, downloaded_content: true }, 75, 'sql'], // 10+25+30+(5+5)
      [{ title_match: true, requested_demo: true, reached_activation: true, opened_3plus_emails: true, attended_webinar: true }, 76, 'hot'], // 10+25+30+(5+6)
      // 20 + 25 + 30 + (5+5+6 = 16, capped to 15) - 10
      [{ title_match: true, company_size_match: true, requested_demo: true, reached_activation: true, opened_3plus_emails: true, downloaded_content: true, attended_webinar: true, unsubscribed: true }, 80, 'hot'],
    ];
    for (const [signals, score, band] of cases) {
      const result = scoreLead(signals, custom);
      expect([result.score, result.band], JSON.stringify(signals)).toEqual([score, band]);
      expect(result.contributions.reduce((sum, c) => sum + c.points, 0)).toBe(score);
    }
  });
});

describe('scoreLead explanations', () => {
  it('lists each signal and the cap so the points add up', () => {
    const result = scoreLead({ id: 'x', visited_pricing: true, requested_demo: true, competitor: true }, model);
    // high intent 15 + 25 = 40, capped to 25; competitor -50 → -25
    expect(result.score).toBe(-25);
    expect(result.band).toBe('nurture');
    expect(result.contributions.map((c) => [c.signal ?? 'cap', c.points])).toEqual([
      ['visited_pricing', 15],
      ['requested_demo', 25],
      ['cap', -15],
      ['competitor', -50],
    ]);
  });

  it('raises a lone signal to its category minimum, and 0 points switches a signal off', () => {
    const custom = resolveLeadModel({ weights: { visited_pricing: 5, viewed_case_study: 0 } }).model;
    const result = scoreLead({ visited_pricing: true, viewed_case_study: true }, custom);
    expect(result.score).toBe(15);
    expect(result.contributions.map((c) => c.points)).toEqual([5, 10]);
  });

  it('derives signals from raw attributes and the ICP', () => {
    const result = scoreLead({ email: 'pat@Students.Uni.EDU', title: 'Director, Marketing', company_size: 50, industry: 'SaaS', emails_opened: 3 }, model, icp);
    expect(result.contributions.map((c) => c.signal ?? 'cap')).toEqual(['title_match', 'company_size_match', 'industry_match', 'cap', 'opened_3plus_emails', 'student_email']);
    expect(result.score).toBe(25 + 5 - 25);
    expect(result.id).toBe('pat@Students.Uni.EDU');
  });

  it('lets an explicit column override the derived signal', () => {
    const result = scoreLead({ title: 'VP Marketing', title_match: false }, model, icp);
    expect(result.score).toBe(0);
  });
});

describe('scoreLeads over CSV', () => {
  it('scores a CSV, sorts by score and counts per band', () => {
    const result = scoreLeads({ csv: fixture('leads.csv'), source: 'leads.csv', icp });
    // L1: title+size+industry 30→25, pricing+demo 40→25, opened 5 + download 5 = 10, trial+activation 50→30 → 90
    // L3: title (every word of "marketing director"), size 800 out of range, industry no → 10; pricing+case 30→25; opened 5 + webinar 10 → 15 → 50
    // L2: download 5, academic email -25 → -20; L4: unsubscribed -10
    expect(result.leads.map((l) => [l.rank, l.id, l.line, l.score, l.band])).toEqual([
      [1, 'L1', 2, 90, 'hot'],
      [2, 'L3', 4, 50, 'mql'],
      [3, 'L4', 5, -10, 'nurture'],
      [4, 'L2', 3, -20, 'nurture'],
    ]);
    expect(result.counts).toEqual({ nurture: 2, mql: 1, sql: 0, hot: 1 });
    expect(result.notes[0]).toContain('ignored column(s) the model does not use: notes');
  });

  it('reports every bad row by line and fails the call by default', () => {
    let error: unknown;
    try {
      scoreLeads({ csv: fixture('leads-bad.csv'), source: 'leads-bad.csv' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MopsError);
    const message = (error as MopsError).message;
    expect((error as MopsError).code).toBe('INVALID_FILE');
    expect(message).toContain('leads-bad.csv:3: column "visited_pricing": expected true/false, got "maybe"');
    expect(message).toContain('leads-bad.csv:4: column "company_size": expected a number, got "big"');
    expect(message).toContain('leads-bad.csv:5: expected 5 cells (one per header column), got 4');
    expect(message).toContain('leads-bad.csv:6: column "emails_opened": expected at least 0, got -1');
    expect(message).toContain('4 of 5 row(s) in leads-bad.csv are invalid');
    expect((error as MopsError).location).toEqual({ file: 'leads-bad.csv', line: 3 });
  });

  it('with skipInvalidRows, scores the good rows and lists the rejected ones', async () => {
    const output = await scoreLeadsOpsTool.run({ csv: fixture('leads-bad.csv'), source: 'leads-bad.csv', skipInvalidRows: true });
    expect(output.leads.map((l) => l.id)).toEqual(['B1']);
    expect(output.rejectedRows.map((r) => r.line)).toEqual([3, 4, 5, 6]);
    expect(scoreLeadsOpsTool.toMarkdown(output)).toContain('line 3: column "visited_pricing"');
  });

  it('names the field path of wrong types in JSON rows', () => {
    expect(() => scoreLeadsOpsTool.run({ rows: [{ id: 'a' }, { id: 'b', visited_pricing: 'maybe' as unknown as boolean }] })).toThrow(
      'rows[1].visited_pricing: expected true or false, got "maybe"',
    );
  });

  it('refuses an inconsistent model', () => {
    expect(() => scoreLeads({ rows: [], thresholds: { mql: 60, sql: 51 } })).toThrow(/expected mql < sql < hot/);
  });
});
