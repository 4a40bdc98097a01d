import { describe, expect, it } from 'vitest';
import { decideBudgetChange } from '../../../src/ops/triage/decide-budget-change.js';
import { priorityScore, triageRequests } from '../../../src/ops/triage/triage-requests.js';
import { triageRequestsOpsTool } from '../../../src/ops/triage/triage-requests-ops-tool.js';

describe('priorityScore', () => {
  it('follows the documented formula', () => {
    expect(priorityScore({ impact: 4, confidence: 4, effort: 2, risk: 3 })).toBe(6.4); // 16/2 = 8, less 20%
    expect(priorityScore({ impact: 5, confidence: 5, effort: 1, risk: 1 })).toBe(25);
    expect(priorityScore({ impact: 1, confidence: 1, effort: 5, risk: 5 })).toBe(0.12); // 0.2 × 0.6
  });
});

describe('decideBudgetChange', () => {
  it('lets the buyer move up to 15%, sends more to the account director, and strategy to the client', () => {
    expect(decideBudgetChange({ variancePct: 15 })?.decider).toBe('media-buyer');
    expect(decideBudgetChange({ variancePct: -15 })?.decider).toBe('media-buyer');
    expect(decideBudgetChange({ variancePct: 15.5 })?.decider).toBe('account-director');
    expect(decideBudgetChange({ variancePct: -30 })?.decider).toBe('account-director');
    expect(decideBudgetChange({ variancePct: 5, changesChannelStrategy: true })?.decider).toBe('client');
    expect(decideBudgetChange({})).toBeUndefined();
    expect(decideBudgetChange({ variancePct: 12 }, 10)?.decider).toBe('account-director');
  });
});

describe('triageRequests', () => {
  const rows = [
    // impact 4 (pipeline), confidence 4 (brief + metric), effort 2 (12 h), risk 3 (pipeline) → 16/2 × 0.8 = 6.4
    { id: 'R1', title: 'Retargeting ads', touches_pipeline: true, has_brief: true, has_success_metric: true, estimated_hours: 12, budget_change_pct: 20 },
    // impact 4, confidence 3 (brief, no metric), effort 3 (30 h), risk 5 (regulated) → 12/3 × 0.6 = 2.4
    { id: 'R2', title: 'Supplement landing page', touches_pipeline: true, regulated_claims: true, has_brief: true, has_success_metric: false, estimated_hours: 30 },
    // impact 2, confidence 2 (no brief, no metric), effort 1 (3 h), risk 1 → 4 × 1 = 4, but blocked
    { id: 'R3', title: 'Blog header images', touches_pipeline: false, has_brief: false, has_success_metric: false, estimated_hours: 3 },
    // all given: 3 × 3 / 1 × 1 = 9
    { id: 'R4', title: 'Fix broken footer links', impact: 3, confidence: 3, effort: 1, risk: 1 },
  ];

  it('ranks by priority with blocked requests last, and explains each decision', () => {
    const result = triageRequests({ rows });
    expect(result.ranked.map((r) => [r.rank, r.id, r.priority, r.tier, r.blocked])).toEqual([
      [1, 'R4', 9, 'low-risk', false],
      [2, 'R1', 6.4, 'revenue', false],
      [3, 'R2', 2.4, 'regulated', false],
      [4, 'R3', 4, 'low-risk', true],
    ]);
    const r1 = result.ranked[1];
    expect(r1?.explanation).toBe(
      'priority 6.4 (impact 4 × confidence 4 ÷ effort 2 = 8, −20% for risk 3); revenue tier because it touches pipeline and moves budget; account director decides because a 20% budget shift is above 15% and needs account director sign-off.',
    );
    expect(r1?.scores.effort).toEqual({ value: 2, source: 'derived', why: 'about 12 hour(s)' });
    expect(result.ranked[3]?.explanation).toMatch(/^Blocked until a brief exists \(no brief, no work\)/);
    expect(result.ranked[2]?.approvals).toContain('Legal/compliance approves every claim and all regulated wording');
    expect(result.tiers).toEqual({ 'low-risk': 2, revenue: 1, regulated: 1 });
    expect(result.blocked).toBe(1);
  });

  it('reads a CSV backlog and reports bad scores by line', () => {
    const csv = ['id,title,impact,effort,owner', 'A,Webinar invite,4,2,kim', 'B,Ad refresh,7,2,lee', 'C,Survey,x,1,sam'].join('\n');
    expect(() => triageRequests({ csv, source: 'backlog.csv' })).toThrow(
      /backlog\.csv:3: column "impact": expected at most 5, got 7\nbacklog\.csv:4: column "impact": expected a number, got "x"/,
    );
    const output = triageRequests({ csv: csv.split('\n').slice(0, 2).join('\n'), source: 'backlog.csv' });
    expect(output.ranked[0]).toMatchObject({ id: 'A', line: 2 });
    expect(output.notes).toContain('ignored column(s): owner');
    expect(output.notes[1]).toMatch(/default scores were used for A/);
  });

  it('renders a ranked table with the approvals per tier', async () => {
    const output = await triageRequestsOpsTool.run({ rows });
    const markdown = triageRequestsOpsTool.toMarkdown(output);
    expect(markdown).toContain('| 1 | R4: Fix broken footer links | 3 | 3 | 1 | 1 | 9 | low-risk |');
    expect(markdown).toContain('[BLOCKED] R3');
    expect(markdown).toContain('**regulated** (1 request(s))');
  });
});
