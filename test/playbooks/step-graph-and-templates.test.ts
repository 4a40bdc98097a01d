import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/context/index.js';
import { MopsError } from '../../src/errors/index.js';
import {
  computeStepGraph,
  parseDuration,
  parsePlaybook,
  parseTemplateRefs,
  renderTemplate,
  renderWith,
  type Playbook,
} from '../../src/playbooks/index.js';

function playbook(steps: string): Playbook {
  return parsePlaybook(`id: g\nname: G\ndescription: Graph fixture.\nsteps:\n${steps}`, { file: 'g.yaml' }).playbook;
}

describe('computeStepGraph', () => {
  it('defaults each step to need the previous one, so a plain list runs in order', () => {
    const graph = computeStepGraph(playbook('  - { id: a, skill: copywriting }\n  - { id: b, skill: copywriting }\n  - { id: c, skill: copywriting }\n'));
    expect(graph.needs).toEqual({ a: [], b: ['a'], c: ['b'] });
    expect(graph.levels).toEqual([['a'], ['b'], ['c']]);
    expect(graph.ancestors.c).toEqual(['a', 'b']);
  });

  it('puts independent steps in the same level and joins them', () => {
    const graph = computeStepGraph(
      playbook(
        [
          '  - { id: base, skill: copywriting }',
          '  - { id: ads, skill: copywriting }',
          '  - { id: email, skill: copywriting, needs: [base] }',
          '  - { id: solo, skill: copywriting, needs: [] }',
          '  - { id: report, skill: copywriting, needs: [ads, email] }',
        ].join('\n') + '\n',
      ),
    );
    expect(graph.levels).toEqual([['base', 'solo'], ['ads', 'email'], ['report']]);
    expect(graph.dependents.base).toEqual(['ads', 'email']);
    expect(graph.ancestors.report).toEqual(['base', 'ads', 'email']);
  });

  it('throws INVALID_FILE naming a cycle (lint reports it with a location first)', () => {
    const cyclic = playbook('  - { id: a, skill: copywriting, needs: [b] }\n  - { id: b, skill: copywriting }\n');
    expect(() => computeStepGraph(cyclic)).toThrow(MopsError);
    expect(() => computeStepGraph(cyclic)).toThrow('a → b → a');
  });
});

describe('templates', () => {
  it('parses every reference form with its offset', () => {
    const refs = parseTemplateRefs('A ${{ inputs.name }} B ${{steps.plan.output}} C ${{ context }} D ${{ context.brand-voice }}');
    expect(refs.map((ref) => ref.kind)).toEqual(['input', 'step', 'context', 'context']);
    expect(refs[0]).toMatchObject({ name: 'name', offset: 2 });
    expect(refs[1]).toMatchObject({ stepId: 'plan' });
    expect(refs[3]).toMatchObject({ section: 'brand-voice' });
    expect(parseTemplateRefs('${{ input.x }}')[0]).toMatchObject({ kind: 'invalid' });
  });

  const context = parseContext('# Acme — marketing context\n\n## Product\n\nAcme sells anvils.\n\n## Goals\n\n<!-- hidden -->\n', { file: 'acme.md' });

  it('renders inputs, step outputs and context sections', () => {
    const scope = { inputs: { name: 'Pulse', tags: ['a', 'b'], budget: 5000 }, steps: { plan: 'THE PLAN' }, context };
    expect(renderTemplate('Launch ${{ inputs.name }} (${{ inputs.tags }}, ${{ inputs.budget }}): ${{ steps.plan.output }}', scope)).toBe(
      'Launch Pulse (a, b, 5000): THE PLAN',
    );
    expect(renderTemplate('${{ context.product }}', scope)).toBe('Acme sells anvils.');
    expect(renderTemplate('${{ context.goals }}', scope)).toBe('(the marketing context has no "Goals" section yet)');
    expect(renderTemplate('${{ context }}', scope)).toContain('## Product\n\nAcme sells anvils.');
    expect(renderTemplate('${{ inputs.missing }}!', scope)).toBe('!');
    expect(renderWith({ a: '${{ inputs.name }}', b: 'plain' }, scope)).toEqual({ a: 'Pulse', b: 'plain' });
  });

  it('refuses to render the output of a step that has not finished', () => {
    expect(() => renderTemplate('${{ steps.copy.output }}', { steps: {} })).toThrow(/step "copy" has not finished/);
  });
});

describe('parseDuration', () => {
  it('reads the duration forms playbooks use', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration(1200)).toBe(1200);
    expect(() => parseDuration('soon')).toThrow(RangeError);
  });
});
