import { describe, expect, it } from 'vitest';
import { lintPlaybook, parsePlaybook, type Diagnostic } from '../../src/playbooks/index.js';

const SKILLS = ['marketing-context', 'content-strategy', 'copywriting', 'social-content', 'campaign-analytics'];
const TOOLS = ['validate_utms', 'build_utm'];
const file = 'playbooks/lint.yaml';

/** Builds a playbook from step YAML (each step indented as a list item under steps:). */
function playbookText(steps: string, inputs = '  topic: { type: string, description: Topic, required: true }'): string {
  return `id: lint\nname: Lint\ndescription: Lint fixture.\ninputs:\n${inputs}\nsteps:\n${steps}`;
}

function lint(text: string): Diagnostic[] {
  const { playbook, sourceMap } = parsePlaybook(text, { file });
  return lintPlaybook(playbook, { skillIds: SKILLS, opsToolNames: TOOLS, sourceMap });
}

const errors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');
const warnings = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 'warning');

const owner = '    owner: { accountable: content-lead }\n';
const step = (id: string, extra = '', skill = 'copywriting') =>
  `  - id: ${id}\n    skill: ${skill}\n${owner}${extra}    with:\n      request: Use \${{ inputs.topic }}\n`;

describe('lintPlaybook', () => {
  it('passes a clean playbook', () => {
    expect(lint(playbookText(step('a') + step('b')))).toEqual([]);
  });

  it('reports an unknown skill at its line and suggests the closest id', () => {
    const text = playbookText(step('a', '', 'copywritting'));
    const [first] = errors(lint(text));
    expect(first).toMatchObject({ file, line: 8, column: 12 });
    expect(first?.message).toBe('Unknown skill "copywritting" in step "a". Did you mean "copywriting"? Run `mops skills` for the list.');
  });

  it('reports an unknown ops tool in a gate step', () => {
    const gate = `  - id: qa\n    type: gate\n    tool: validate_utm\n${owner}`;
    const [first] = errors(lint(playbookText(step('a') + gate)));
    expect(first?.message).toContain('Unknown ops tool "validate_utm" in gate step "qa". Did you mean "validate_utms"?');
    expect(first?.line).toBe(14);
  });

  it('reports duplicate step ids at the second one', () => {
    const [first] = errors(lint(playbookText(step('a') + step('a'))));
    expect(first?.message).toBe('Duplicate step id "a" (first used by steps[0]). Step ids must be unique.');
    expect(first).toMatchObject({ line: 12, column: 9 });
  });

  it('reports a need that names no step, with a suggestion', () => {
    const [first] = errors(lint(playbookText(step('plan') + step('write', '    needs: [plna]\n'))));
    expect(first?.message).toContain('Step "write" needs "plna", which is not a step. Did you mean "plan"?');
    expect(first).toMatchObject({ line: 15, column: 13 });
  });

  it('reports a forward reference in needs', () => {
    const text = playbookText(step('a', '    needs: [b]\n') + step('b', '    needs: []\n'));
    const diagnostics = errors(lint(text));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toBe(
      'Step "a" needs "b", which comes later in the file (forward reference). Move "b" above "a" or drop the dependency.',
    );
    expect(diagnostics[0]?.line).toBe(10);
  });

  it('names the cycle path', () => {
    const text = playbookText(step('a', '    needs: [c]\n') + step('b', '    needs: [a]\n') + step('c', '    needs: [b]\n'));
    const cycle = errors(lint(text)).find((d) => d.message.startsWith('Dependency cycle'));
    expect(cycle?.message).toContain('a → c → b → a');
    expect(cycle?.line).toBe(10);
  });

  it('reports a step that needs itself', () => {
    const messages = errors(lint(playbookText(step('a', '    needs: [a]\n')))).map((d) => d.message);
    expect(messages).toContain('Step "a" needs itself. Remove "a" from its needs.');
  });

  it('rejects a step output that would not be ready', () => {
    const uses = `  - id: c\n    skill: social-content\n${owner}    needs: [a]\n    with:\n      request: Post about \${{ inputs.topic }}\n      draft: \${{ steps.b.output }}\n`;
    const text = playbookText(step('a') + step('b', '    needs: []\n') + uses);
    const [first] = errors(lint(text));
    expect(first?.message).toBe(
      '${{ steps.b.output }} in step "c" would not be ready: "b" is not among the steps "c" waits on. Add "b" to its needs.',
    );
    expect(first?.line).toBe(24);
  });

  it('accepts outputs of indirect ancestors', () => {
    const uses = `  - id: c\n    skill: social-content\n${owner}    with:\n      request: \${{ inputs.topic }}\n      plan: \${{ steps.a.output }}\n`;
    expect(errors(lint(playbookText(step('a') + step('b') + uses)))).toEqual([]);
  });

  it('reports references to unknown inputs, steps and context sections', () => {
    const uses = `  - id: b\n    skill: social-content\n${owner}    with:\n      request: \${{ inputs.topc }} \${{ steps.zzz.output }}\n      background: \${{ context.competitor }}\n`;
    const messages = errors(lint(playbookText(step('a') + uses))).map((d) => d.message);
    expect(messages).toContain('${{ inputs.topc }} in step "b" names no declared input. Did you mean "topic"? Declare it under inputs: (declared: topic).');
    expect(messages).toContain('${{ steps.zzz.output }} in step "b" names no step.');
    expect(messages.some((m) => m.includes('${{ context.competitor }}') && m.includes('Did you mean "competitors"?'))).toBe(true);
  });

  it('reports malformed expressions', () => {
    const uses = `  - id: b\n    skill: social-content\n${owner}    with:\n      request: \${{ inputs.topic }} \${{ steps.a.result }} \${{ topic }}\n`;
    const messages = errors(lint(playbookText(step('a') + uses))).map((d) => d.message);
    expect(messages).toContain('Invalid reference ${{ steps.a.result }} in step "b": a step exposes only its output: write ${{ steps.a.output }}.');
    expect(messages.some((m) => m.startsWith('Invalid reference ${{ topic }}'))).toBe(true);
  });

  it('warns about unused inputs, required inputs with defaults, missing owners and missing requests', () => {
    const inputs = [
      '  topic: { type: string, description: Topic, required: true }',
      '  region: { type: string, description: Region }',
      '  tone: { type: string, description: Tone, required: true, default: calm }',
    ].join('\n');
    const bare = `  - id: b\n    skill: social-content\n    with:\n      note: \${{ inputs.tone }}\n`;
    const found = warnings(lint(playbookText(step('a') + bare, inputs)));
    expect(found.map((d) => d.message).sort()).toEqual([
      'Input "region" is declared but no step uses it. Reference it as ${{ inputs.region }} or remove it.',
      'Input "tone" is required and also has a default, so the default is never used. Drop one of them.',
      'Skill step "b" has no with.request telling social-content what to produce for this campaign.',
      'Step "b" has no owner. Add owner: { accountable: <role> } so someone answers for it.',
    ]);
    expect(found.find((d) => d.message.startsWith('Input "region"'))).toMatchObject({ line: 6, column: 3 });
  });

  it('warns when a step reads a context section the playbook does not require', () => {
    const text = playbookText(step('a').replace('Use ${{ inputs.topic }}', 'Use ${{ inputs.topic }} and ${{ context.goals }}')).replace(
      'inputs:',
      'context: { required_sections: [product] }\ninputs:',
    );
    const [first] = warnings(lint(text));
    expect(first?.message).toContain('Add "goals" to context.required_sections');
  });

  it('warns when an approval waits for someone other than its accountable owner', () => {
    const approval = '  - id: sign-off\n    type: approval\n    approver: marketing-director\n    owner: { accountable: campaign-manager }\n';
    const [first] = warnings(lint(playbookText(step('a') + approval)));
    expect(first?.message).toContain('Approval step "sign-off" waits for "marketing-director" but its accountable owner is "campaign-manager"');
    expect(first?.line).toBe(14);
  });

  it('never throws, even without options', () => {
    const { playbook } = parsePlaybook(playbookText(step('a', '    needs: [a]\n')), { file });
    const diagnostics = lintPlaybook(playbook);
    expect(diagnostics[0]).toMatchObject({ file: 'playbooks/lint.yaml', line: 1, column: 1 });
  });
});
