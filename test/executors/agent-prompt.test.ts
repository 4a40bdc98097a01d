import { describe, expect, it } from 'vitest';
import {
  assembleStepPrompt,
  formatRepairPrompt,
  readHandoffMarker,
  SamplingExecutor,
  type StepPromptInput,
} from '../../src/executors/index.js';

const input: StepPromptInput = {
  skill: {
    id: 'ad-creative',
    name: 'Ad Creative',
    body: '# Ad Creative\n\nWrite ads that fit.',
    metadata: {
      output: 'ad angles and copy',
      contract: {
        sections: ['Headlines', 'Descriptions', 'Links'],
        limits: [
          { section: 'Headlines', limit: 'rsa-headline' },
          { section: 'Links', limit: 'utm-links' },
        ],
      },
      not: [{ when: 'a full paid media plan with budgets and targeting', use: 'paid-ads' }],
      tools: ['read_context', 'read_step_output', 'check_copy_length'],
    },
  },
  campaign: { id: 'launch', name: 'Launch' },
  step: { id: 'ads', name: 'Write ads' },
  inputs: { request: 'RSA copy for Pulse' },
  dependencies: [],
};

describe('step prompts per tool access', () => {
  it('agent: lists the declared tools and handoff_to_skill, the Not This rules, and each contract limit', () => {
    const { system } = assembleStepPrompt({ ...input, toolAccess: 'agent' });
    expect(system).toContain('## Tools\nYou can call these tools while you work.');
    expect(system).toContain('- `read_context`: Reads the run\'s marketing context');
    expect(system).toContain('- `check_copy_length`: ');
    expect(system).toContain('- `handoff_to_skill`: hands the request to another skill');
    expect(system).toContain('## When the request belongs to another skill\n');
    expect(system).toContain('- a full paid media plan with budgets and targeting → `paid-ads`');
    expect(system).toContain('call `handoff_to_skill` with the skill id and a one-sentence reason');
    expect(system).toContain('Each list item under "Headlines" is a Google Ads responsive search ad headline of at most 30 characters (an emoji counts as one), and at most 15 items.');
    expect(system).toContain('Every link under "Links" carries lowercase utm_source, utm_medium and utm_campaign.');
  });

  it('mcp (handoff mode): names the same tools by their MCP names and asks for the marker line', () => {
    const { system } = assembleStepPrompt({ ...input, toolAccess: 'mcp' });
    expect(system).toContain("This server's MCP tools can do the checks and lookups");
    expect(system).toContain('- `check_copy_length`: ');
    expect(system).toContain('- `get_run` (every finished step\'s output, by run id): ');
    expect(system).toContain('- the `context://<name>` resource');
    expect(system).not.toContain('`handoff_to_skill`');
    expect(system).toContain('answer with this one line instead: `HANDOFF TO <skill-id>: <one-sentence reason>`');
  });

  it('none (sampling): says no tool can be called and keeps the marker', () => {
    const { system } = assembleStepPrompt({ ...input, toolAccess: 'none' });
    expect(system).toMatch(/This skill normally uses tools \(`read_context`, `read_step_output`, `check_copy_length`\), but none can be called here/);
    expect(system).toContain('MCP sampling, for one, carries no tools');
    expect(system).toContain('`HANDOFF TO <skill-id>: <one-sentence reason>`');
  });

  it('without a tool access the prompt has neither section', () => {
    const { system } = assembleStepPrompt(input);
    expect(system).not.toContain('## Tools');
    expect(system).not.toContain('## When the request belongs to another skill');
  });
});

describe('readHandoffMarker', () => {
  it('reads the marker from the first non-empty line, with or without emphasis and backticks', () => {
    expect(readHandoffMarker('\nHANDOFF TO copy-editing: they want their draft tightened')).toEqual({
      to: 'copy-editing',
      reason: 'they want their draft tightened',
      rest: '',
    });
    expect(readHandoffMarker('**HANDOFF TO `paid-ads`** — a budget plan, not ad text\n\nMore words.')).toEqual({
      to: 'paid-ads',
      reason: 'a budget plan, not ad text',
      rest: 'More words.',
    });
    expect(readHandoffMarker('handoff to Paid-Ads: budget plan')?.to).toBe('paid-ads');
  });

  it('ignores deliverables that only mention a handoff later, and markers without a reason', () => {
    expect(readHandoffMarker('## Headlines\n- HANDOFF TO paid-ads: no')).toBeUndefined();
    expect(readHandoffMarker('HANDOFF TO paid-ads:')).toBeUndefined();
    expect(readHandoffMarker('')).toBeUndefined();
  });
});

describe('SamplingExecutor repairs', () => {
  it('sends the material, the earlier answer and the violations in one prompt', async () => {
    const prompts: string[] = [];
    const executor = new SamplingExecutor(async ({ prompt }) => {
      prompts.push(prompt);
      return '## Headlines\n- Short';
    });
    expect(executor.toolAccess).toBe('none');
    await executor.execute(
      { runId: 'r', stepId: 'ads', attempt: 2, skillId: 'ad-creative', prompt: { system: 's', user: '## This step: Ads (ads)\n' }, repair: { output: '## Headlines\n- Too long', violations: ['Problem one.'] } },
      { signal: new AbortController().signal },
    );
    expect(prompts[0]).toBe(formatRepairPrompt('## This step: Ads (ads)\n', '## Headlines\n- Too long', ['Problem one.']));
    expect(prompts[0]).toMatch(/## This step: Ads \(ads\)\n\n## Your earlier answer\n\n## Headlines\n- Too long\n\n## Repair needed\n\nYour answer breaks/);
    expect(prompts[0]).toContain('\n- Problem one.\n');
  });
});
