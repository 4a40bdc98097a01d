import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContext, parseContext, type MarketingContext } from '../../src/context/index.js';
import { formatPlan, planRun, planToMermaid, parseInputArgs } from '../../src/engine/index.js';
import type { SkillRegistry } from '../../src/skills/index.js';
import { loadRepoPlaybook, REPO, repoSkills, sampleInputs } from './support/engine-harness.js';

describe('planRun', () => {
  let skills: SkillRegistry;
  let northwind: { name: string; context: MarketingContext };
  beforeAll(async () => {
    skills = await repoSkills();
    const context = await loadContext('northwind-analytics', { contextDir: join(REPO, 'context') });
    northwind = { name: context.name, context };
  });

  it('resolves needs into levels, with independent steps on one level', async () => {
    const playbook = await loadRepoPlaybook('product-launch');
    const plan = planRun(playbook, { inputs: sampleInputs(playbook), context: northwind, skills, executor: 'openai' });
    expect(plan.status).toBe('ready');
    expect(plan.context.ok).toBe(true);
    expect(plan.levels).toEqual([
      ['foundation'],
      ['content-plan'],
      ['copy'],
      ['landing-page'],
      ['ad-creative', 'social', 'cold-email'],
      ['launch-approval'],
      ['paid-ads'],
      ['utm-qa'],
      ['analytics'],
    ]);
    const byId = new Map(plan.steps.map((s) => [s.id, s]));
    expect(byId.get('content-plan')).toMatchObject({ needs: ['foundation'], level: 1, kind: 'skill', executor: 'openai', retry: { attempts: 3, backoffMs: 2000 }, timeoutMs: 300_000 });
    expect(byId.get('utm-qa')).toMatchObject({ kind: 'gate', tool: 'validate_utms', executor: 'gate', needs: ['paid-ads', 'social', 'cold-email'] });
    expect(byId.get('launch-approval')).toMatchObject({ kind: 'approval', approver: 'marketing-director', owner: { accountable: 'marketing-director' } });
    expect(byId.get('copy')?.references).toEqual({ inputs: ['product_name', 'offer'], steps: ['foundation', 'content-plan'], context: [] });
  });

  it('coerces CLI text to the declared input types and applies defaults', async () => {
    const playbook = await loadRepoPlaybook('product-launch');
    const plan = planRun(playbook, {
      inputs: { ...sampleInputs(playbook), ...parseInputArgs(['budget=12,500', 'offer=Start a trial']) },
      context: northwind,
      skills,
    });
    expect(plan.inputs).toMatchObject({ budget: 12500, offer: 'Start a trial', launch_date: '2026-09-15' });
    expect(plan.executor).toBe('handoff');
  });

  it('lists every input problem at once, with how to pass each', async () => {
    const playbook = await loadRepoPlaybook('product-launch');
    expect(() => planRun(playbook, { inputs: { launch_date: 'next week', colour: 'blue' }, context: northwind, skills })).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(
          /cannot start:\n- Unknown input "colour"\. Playbook "product-launch" takes: product_name, .*\n- Missing required input "product_name".*--input product_name=.*\n- Input "launch_date" must be a date as YYYY-MM-DD, got "next week"/s,
        ),
      }),
    );
    expect(() => parseInputArgs(['budget'])).toThrow(/Expected --input key=value, got "budget"/);
  });

  it('reports a missing context as blocked, or plans a _context draft step before every root step', async () => {
    const playbook = await loadRepoPlaybook('conversion-optimization');
    const blocked = planRun(playbook, { inputs: sampleInputs(playbook), skills });
    expect(blocked.status).toBe('blocked');
    expect(blocked.context.report).toMatch(/^No marketing context: playbook "conversion-optimization" needs product, audience, .* at least complete\./);

    const drafting = planRun(playbook, { inputs: sampleInputs(playbook), skills, draftContext: true });
    expect(drafting.status).toBe('draft-context');
    expect(drafting.steps[0]).toMatchObject({ id: '_context', skill: 'marketing-context', needs: [], level: 0 });
    expect(drafting.steps.filter((s) => s.needs.includes('_context')).map((s) => s.id)).toEqual(['psychology', 'copy-audit']);
    expect(drafting.levels[0]).toEqual(['_context']);
  });

  it('names thin sections in the context verdict', async () => {
    const playbook = await loadRepoPlaybook('brand-awareness');
    const thin = parseContext('# Acme\n\n## Product\n\nAcme makes anvils.\n', { file: 'acme.md', name: 'acme' });
    const plan = planRun(playbook, { inputs: sampleInputs(playbook), context: { name: 'acme', context: thin }, skills });
    expect(plan.status).toBe('blocked');
    expect(plan.context.check?.blocking.map((b) => b.section)).toEqual(['product', 'audience', 'personas', 'competitors', 'differentiation', 'brand-voice']);
    expect(plan.context.report).toContain('- Product (product) is thin, needs complete');
  });

  it('draws the plan as a Mermaid flowchart with shapes for gates and approvals', async () => {
    const playbook = await loadRepoPlaybook('product-launch');
    const plan = planRun(playbook, { inputs: sampleInputs(playbook), context: northwind, skills });
    const chart = planToMermaid(plan);
    const lines = chart.split('\n');
    expect(lines[0]).toBe('flowchart TD');
    expect(lines.filter((l) => /^ {2}s_\w+[[{]/.test(l))).toHaveLength(plan.steps.length);
    expect(chart).toContain('s_foundation["Verify the marketing foundation<br/>skill: marketing-context<br/>owner: demand-gen-lead"]');
    expect(chart).toContain(`s_utm_qa{{"Check every campaign link's UTM tags<br/>gate: validate_utms`);
    expect(chart).toContain('s_launch_approval{"Approve launch page and ads before paid spend<br/>approval: marketing-director');
    const edges = lines.filter((l) => l.includes('-->'));
    expect(edges).toHaveLength(plan.steps.reduce((n, s) => n + s.needs.length, 0));
    expect(edges).toContain('  s_landing_page --> s_social');
  });

  it('formats a readable plan with levels, owners and the chart', async () => {
    const playbook = await loadRepoPlaybook('lead-gen-blitz');
    const text = formatPlan(planRun(playbook, { inputs: sampleInputs(playbook), context: northwind, skills }));
    expect(text).toMatch(/^Plan: .* \(lead-gen-blitz\)/);
    expect(text).toContain('Context: northwind-analytics');
    expect(text).toContain('is ready for "lead-gen-blitz"');
    expect(text).toContain('Status: ready to run');
    expect(text).toContain('(in parallel)');
    expect(text).toMatch(/- utm-qa: .* \[gate validate_utms, accountable: [a-z-]+, after paid-ads, cold-email\]/);
    expect(text).toContain('```mermaid\nflowchart TD');
  });
});
