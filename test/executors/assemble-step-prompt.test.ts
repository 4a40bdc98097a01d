import { describe, expect, it } from 'vitest';
import { assembleStepPrompt, type StepPromptInput } from '../../src/executors/index.js';

const base: StepPromptInput = {
  skill: {
    id: 'copywriting',
    name: 'copywriting',
    body: '# Copywriting\n\nWrite page copy that converts.',
    metadata: { output: 'page copy by section', contract: { sections: ['Headline options', 'Hero section'] } },
  },
  campaign: { id: 'product-launch', name: 'Product or feature launch' },
  step: { id: 'copy', name: 'Write launch copy', description: 'Landing page and email copy for the launch.' },
  inputs: { request: 'Write the landing page copy for Beacon 2.0.' },
  dependencies: [{ stepId: 'content-plan', name: 'Plan launch content', source: 'content-strategy', output: '## Pillars\n- Speed\n- Trust' }],
  context: { name: 'northwind', markdown: '# Northwind — marketing context\n\n## Product\n\nBeacon tracks fleets.' },
};

describe('assembleStepPrompt', () => {
  it('puts the skill instructions and the output format reminder in the system prompt', () => {
    const { system } = assembleStepPrompt(base);
    expect(system).toContain('Write page copy that converts.');
    expect(system).toContain('"Headline options", "Hero section"');
    expect(system).toContain('Expected output: page copy by section.');
    expect(system).toContain('campaign "Product or feature launch"');
  });

  it('puts campaign, step goal, inputs, earlier outputs and context in the user prompt', () => {
    const { user } = assembleStepPrompt(base);
    expect(user).toContain('# Campaign: Product or feature launch (product-launch)');
    expect(user).toContain('## This step: Write launch copy (copy)');
    expect(user).toContain('Landing page and email copy for the launch.');
    expect(user).toContain('### request\n\nWrite the landing page copy for Beacon 2.0.');
    expect(user).toContain('### Plan launch content (step `content-plan`, content-strategy)\n\n## Pillars\n- Speed\n- Trust');
    expect(user).toContain('## Marketing context (northwind)');
    expect(user).toContain('Beacon tracks fleets.');
    // The context's headings are nested under the prompt's own.
    expect(user).toContain('#### Product');
    expect(user.indexOf('## Inputs for this step')).toBeLessThan(user.indexOf('## Outputs of earlier steps'));
  });

  it('does not repeat an earlier output or the context already quoted by a with: value', () => {
    const quoted = assembleStepPrompt({
      ...base,
      inputs: {
        request: `Use this plan:\n## Pillars\n- Speed\n- Trust`,
        context: '# Northwind — marketing context\n\n## Product\n\nBeacon tracks fleets.',
      },
    });
    expect(quoted.user).not.toContain('## Outputs of earlier steps');
    expect(quoted.user).not.toContain('## Marketing context (northwind)');
    expect(quoted.user.match(/Beacon tracks fleets/g)).toHaveLength(1);
  });

  it('says when there is no context, and is deterministic', () => {
    const input = { ...base, context: undefined };
    expect(assembleStepPrompt(input).user).toContain('No marketing context was provided for this run.');
    expect(assembleStepPrompt(input)).toEqual(assembleStepPrompt(input));
  });
});
