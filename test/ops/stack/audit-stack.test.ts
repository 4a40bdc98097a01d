import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MopsError } from '../../../src/errors/index.js';
import { auditStackOpsTool } from '../../../src/ops/stack/audit-stack-ops-tool.js';
import { parseStackText } from '../../../src/ops/stack/parse-stack-text.js';

const text = readFileSync(new URL('../fixtures/stack.yaml', import.meta.url), 'utf8');
const today = '2025-06-01';

describe('audit_stack', () => {
  it('finds each checklist problem per tool', async () => {
    const output = await auditStackOpsTool.run({ text, source: 'stack.yaml', today });
    const byTool = Object.fromEntries(output.tools.map((t) => [t.name, t.findings.map((f) => `${f.severity}:${f.check}`)]));
    expect(byTool).toEqual({
      HubSpot: [],
      GA4: ['medium:noOverlap'],
      Mixpanel: ['high:connected', 'medium:noOverlap', 'medium:contractReviewed', 'medium:dataFlowsDocumented', 'medium:adoption'],
      Hotjar: ['high:owner', 'high:connected', 'medium:contractReviewed', 'low:dataFlowsDocumented', 'high:adoption'],
      'Google Ads': [],
      'Meta Ads': [],
    });
    expect(output.tools.map((t) => t.status)).toEqual(['ok', 'review', 'act', 'act', 'ok', 'ok']);
    const mixpanel = output.tools.find((t) => t.name === 'Mixpanel');
    expect(mixpanel?.findings.map((f) => f.message)).toContain('contract last reviewed 2023-11-30 (18 months ago): review it before renewal');
    expect(mixpanel?.findings.map((f) => f.message)).toContain('low adoption: 2 of 8 seats active; cut seats or train the team');
    expect(output.tools.find((t) => t.name === 'Hotjar')?.findings.at(-1)?.message).toBe('nobody uses it: cut it (saves 99/month)');
  });

  it('reports the missing critical category and the spend', async () => {
    const output = await auditStackOpsTool.run({ text, source: 'stack.yaml', today });
    expect(output.stackFindings).toEqual([
      { check: 'coreCategories', severity: 'critical', message: 'no Email platform tool (sending and deliverability, e.g. SendGrid, Mailchimp, Customer.io): a critical part of the core stack' },
    ]);
    expect(output.coreCategories.filter((c) => c.priority === 'critical').map((c) => [c.id, c.tools])).toEqual([
      ['crm', ['HubSpot']],
      ['marketing-automation', ['HubSpot']],
      ['analytics', ['GA4', 'Mixpanel']],
      ['email', []],
    ]);
    expect(output.summary).toMatchObject({ tools: 6, monthlySpend: 1699, unusedSpend: 99 });
    expect(output.checklist.find((c) => c.check === 'owner')).toMatchObject({ passing: 5, failing: ['Hotjar'] });
    expect(auditStackOpsTool.toMarkdown(output)).toContain('| Email platform | critical | **missing** |');
  });

  it('treats several tools as an overlap unless the category allows it', async () => {
    const output = await auditStackOpsTool.run({ text, today, multiToolCategories: [] });
    expect(output.tools.find((t) => t.name === 'Google Ads')?.findings.map((f) => f.message)).toEqual([
      'overlaps with Meta Ads (both ads): keep one or document why both are needed',
    ]);
  });

  it('locates every YAML problem by line, column and field path', () => {
    const bad = ['tools:', '  - name: HubSpot', '    category: crm', '    monthly_cost: a lot', '  - category: email', '    last_contract_review: last year', '    conects_to_crm: true'].join('\n');
    let error: unknown;
    try {
      parseStackText(bad, 'stack.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MopsError);
    expect((error as MopsError).code).toBe('INVALID_FILE');
    expect((error as MopsError).message).toBe(
      [
        'stack.yaml:4:19: tools[0].monthly_cost: expected a number, got "a lot"',
        'stack.yaml:5:5: tools[1].name: required, but missing',
        'stack.yaml:6:27: tools[1].last_contract_review: expected a date as YYYY-MM-DD, got "last year"',
        'stack.yaml:7:5: tools[1]: unknown field(s) "conects_to_crm"; remove them or check the spelling',
        '4 problems in stack.yaml',
      ].join('\n'),
    );
    expect(() => parseStackText('tools: [\n  {name: x', 'stack.json')).toThrow(/^stack\.json:\d+:\d+: not valid YAML or JSON/);
  });

  it('accepts a top-level list and JSON', () => {
    expect(parseStackText('[{"name": "GA4", "category": "analytics"}]', 'stack.json').tools[0]?.name).toBe('GA4');
  });
});
