import { describe, expect, it } from 'vitest';
import { scoreAudit } from '../../../src/ops/audit/score-audit.js';
import { scoreAuditOpsTool } from '../../../src/ops/audit/score-audit-ops-tool.js';

describe('scoreAudit', () => {
  it('maps each score to its status and action, weakest first', () => {
    const result = scoreAudit({ strategy: 3, content: 4, seo: 2, paid: 3, email: 1, social: 5, martech: 2, data: 4 });
    expect(result.areas.map((a) => [a.area, a.score, a.status, a.action])).toEqual([
      ['email', 1, 'Not present', 'Build it from scratch'],
      ['seo', 2, 'Basic but underperforming', 'Needs significant improvement'],
      ['martech', 2, 'Basic but underperforming', 'Needs significant improvement'],
      ['strategy', 3, 'Functional', 'Optimise and iterate'],
      ['paid', 3, 'Functional', 'Optimise and iterate'],
      ['content', 4, 'Strong', 'Maintain and scale'],
      ['data', 4, 'Strong', 'Maintain and scale'],
      ['social', 5, 'Best-in-class', 'Protect it and document how it works'],
    ]);
    expect(result.average).toBe(3); // 24 / 8
    expect(result.overallStatus).toBe('Functional');
    expect(result.fixFirst).toEqual(['email', 'seo', 'martech']);
    expect(result.unscored).toEqual([]);
  });

  it('averages only scored areas and lists the rest with their questions', () => {
    const result = scoreAudit({ strategy: 4, seo: 3, email: 2 }, { email: 'no nurture' });
    expect(result.average).toBe(3); // (4 + 3 + 2) / 3
    expect(result.unscored.map((u) => u.area)).toEqual(['content', 'paid', 'social', 'martech', 'data']);
    expect(result.areas[0]).toMatchObject({ area: 'email', note: 'no nurture' });
    expect(scoreAudit({ strategy: 4, seo: 5 }).average).toBe(4.5);
    expect(scoreAudit({ strategy: 4, seo: 5 }).overallStatus).toBe('Best-in-class');
  });

  it('rejects an empty audit and out-of-range scores by field path', () => {
    expect(() => scoreAudit({})).toThrow(/no area scored/);
    expect(() => scoreAuditOpsTool.run({ scores: { seo: 6 } })).toThrow('scores.seo: expected at most 5, got 6');
    expect(() => scoreAuditOpsTool.run({ scores: { emails: 3 } as never })).toThrow('scores: unknown field(s) "emails"');
  });

  it('renders a report with a Mermaid chart in area order', async () => {
    const output = await scoreAuditOpsTool.run({ scores: { seo: 2, strategy: 3 } });
    const markdown = scoreAuditOpsTool.toMarkdown(output);
    expect(markdown).toContain('x-axis ["Strategy", "SEO"]');
    expect(markdown).toContain('bar [3, 2]');
    expect(markdown).toContain('Average **2.50 / 5**');
  });
});
