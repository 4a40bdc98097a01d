import { describe, expect, it } from 'vitest';
import { evaluateTools } from '../../../src/ops/stack/evaluate-tools.js';
import { evaluateToolOpsTool } from '../../../src/ops/stack/evaluate-tool-ops-tool.js';

describe('evaluateTools', () => {
  it('weights the five criteria as the framework says', () => {
    // 3×0.30 + 3×0.25 + 2×0.20 + 2×0.15 + 2×0.10 = 0.9 + 0.75 + 0.4 + 0.3 + 0.2 = 2.55 → 85%
    const result = evaluateTools([
      { name: 'Mixpanel', problem: 'clear-need', integration: 'native', monthlyCost: 950, monthlyBudget: 1000, timeToValueDays: 10, capability: 'training-needed' },
    ]);
    const [tool] = result.candidates;
    expect(tool?.score).toBe(2.55);
    expect(tool?.percent).toBe(85);
    expect(tool?.recommendation).toBe('adopt');
    expect(tool?.criteria.map((k) => [k.criterion, k.score, k.label])).toEqual([
      ['problem', 3, 'clear-need'],
      ['integration', 3, 'native'],
      ['cost', 2, 'at-budget'],
      ['timeToValue', 2, '1-4-weeks'],
      ['capability', 2, 'training-needed'],
    ]);
  });

  it('maps scores to trial and reject at the thresholds', () => {
    // 2×0.3 + 2×0.25 + 2×0.2 + 2×0.15 + 2×0.1 = 2.0 → trial (exactly on the threshold)
    const trial = evaluateTools([{ name: 'A', problem: 2, integration: 2, cost: 2, timeToValue: 2, capability: 2 }]).candidates[0];
    expect([trial?.score, trial?.recommendation]).toEqual([2, 'trial']);
    // 1×0.3 + 2×0.25 + 2×0.2 + 1×0.15 + 2×0.1 = 1.55 → reject
    const reject = evaluateTools([{ name: 'B', problem: 'speculative', integration: 'api', cost: 'at-budget', timeToValue: '4-plus-weeks', capability: 'training-needed' }]).candidates[0];
    expect([reject?.score, reject?.recommendation, reject?.hardFail]).toEqual([1.55, 'reject', false]);
  });

  it('rejects any tool without a CRM connection whatever its score', () => {
    const result = evaluateTools([
      { name: 'Cheap BI', problem: 'clear-need', integration: 'manual-export', cost: 'under-budget', timeToValue: 'under-1-week', capability: 'self-serve' },
      { name: 'Island', problem: 3, integration: 3, cost: 3, timeToValue: 3, capability: 3, connectsToCrm: false },
      { name: 'Okay', problem: 3, integration: 'api', cost: 3, timeToValue: 2, capability: 2 },
    ]);
    expect(result.candidates.map((c) => [c.rank, c.name, c.recommendation, c.hardFail])).toEqual([
      [1, 'Okay', 'adopt', false],
      [2, 'Island', 'reject', true],
      [3, 'Cheap BI', 'reject', true],
    ]);
    expect(result.candidates[2]?.reason).toMatch(/^It only integrates by manual export\. Never add a tool that does not integrate with the CRM/);
    expect(result.best).toBe('Okay');
  });

  it('names missing criteria by path', () => {
    expect(() => evaluateToolOpsTool.run({ candidates: [{ name: 'X', problem: 'clear-need', integration: 'native', capability: 'self-serve' }] })).toThrow(
      /candidates\[0\]\.cost: give `cost`[^\n]*\n\s+candidates\[0\]\.timeToValue: give `timeToValue`/,
    );
    expect(() => evaluateToolOpsTool.run({ candidates: [{ name: 'X', problem: 'urgent' as never, integration: 4 as never, cost: 3, timeToValue: 3, capability: 3 }] })).toThrow(
      'candidates[0].problem: expected "clear-need", "nice-to-have", "speculative", a number; got "urgent"',
    );
    expect(() => evaluateToolOpsTool.run({ candidates: [{ name: 'X', problem: 3, integration: 4 as never, cost: 3, timeToValue: 3, capability: 3 }] })).toThrow(
      'candidates[0].integration: expected at most 3, got 4',
    );
  });

  it('renders a comparison table and chart', async () => {
    const output = await evaluateToolOpsTool.run({ candidates: [{ name: 'A', problem: 3, integration: 3, cost: 3, timeToValue: 3, capability: 3 }] });
    const markdown = evaluateToolOpsTool.toMarkdown(output);
    expect(markdown).toContain('| 1 | A | 3 clear-need | 3 native | 3 under-budget | 3 under-1-week | 3 self-serve | 3 / 3 (100%) | **adopt** |');
    expect(markdown).toContain('xychart-beta');
  });
});
