import { describe, expect, it } from 'vitest';
import { MopsError } from '../../src/errors/index.js';
import { analyzePlaybookText, parsePlaybook } from '../../src/playbooks/index.js';

const file = 'playbooks/demo.yaml';

const valid = `id: demo
name: Demo
description: A small playbook.
inputs:
  topic: { type: string, description: What to write about, required: true }
steps:
  - id: plan
    skill: content-strategy
    owner: { accountable: content-lead }
    with:
      request: Plan posts about \${{ inputs.topic }}
  - id: write
    skill: copywriting
    owner: { accountable: content-lead }
    with:
      request: Write them
      plan: \${{ steps.plan.output }}
`;

function errorsOf(text: string) {
  return analyzePlaybookText(text, { file }).diagnostics;
}

describe('parsePlaybook', () => {
  it('parses a valid playbook and applies defaults', () => {
    const { playbook } = parsePlaybook(valid, { file });
    expect(playbook.id).toBe('demo');
    expect(playbook.triggers).toEqual([]);
    expect(playbook.inputs.topic).toMatchObject({ type: 'string', required: true });
    const [plan, write] = playbook.steps;
    expect(plan).toMatchObject({ type: 'skill', skill: 'content-strategy', on_contract_violation: 'fail' });
    expect(plan?.needs).toBeUndefined();
    expect(write?.with.plan).toBe('${{ steps.plan.output }}');
  });

  it('reports malformed YAML at the line and column of the syntax error', () => {
    const text = 'id: demo\nname: Demo\nsteps:\n  - id: a\n    skill: [unclosed\n';
    const [first] = errorsOf(text);
    expect(first?.severity).toBe('error');
    expect(first?.file).toBe(file);
    expect(first?.message).toMatch(/^YAML: /);
    expect(first?.line).toBeGreaterThanOrEqual(5);
    expect(() => parsePlaybook(text, { file })).toThrow(new RegExp(`^${file}:\\d+:\\d+: YAML: `));
  });

  it('reports a duplicate key as a YAML error on its line', () => {
    const text = 'id: demo\nname: Demo\nname: Again\ndescription: d\nsteps:\n  - { id: a, skill: copywriting }\n';
    const [first] = errorsOf(text);
    expect(first).toMatchObject({ line: 3, column: 1 });
    expect(first?.message).toMatch(/unique|duplicate/i);
  });

  it('names a missing required field by path and points at the step that lacks it', () => {
    const text = valid.replace('    skill: copywriting\n', '');
    const diagnostics = errorsOf(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toBe('steps[1] "write".skill: missing required field "skill" (expected a string).');
    expect(diagnostics[0]).toMatchObject({ line: 12, column: 5 });
  });

  it('reports a wrong type at the offending value', () => {
    const text = valid.replace('required: true', 'required: yes please');
    const [first] = errorsOf(text);
    expect(first?.message).toBe('inputs.topic.required: expected a boolean, found "yes please".');
    expect(first).toMatchObject({ line: 5, column: 70 });
  });

  it('points at an unknown field and suggests the right one', () => {
    const text = valid.replace('    skill: copywriting\n', '    skill: copywriting\n    need: [plan]\n');
    const [first] = errorsOf(text);
    expect(first?.message).toContain('unknown field "need" (did you mean "needs"?)');
    expect(first).toMatchObject({ line: 14, column: 5 });
  });

  it('rejects an unknown step type, listing the types', () => {
    const text = valid.replace('  - id: write\n', '  - id: write\n    type: review\n');
    const [first] = errorsOf(text);
    expect(first?.message).toContain('steps[1] "write".type: expected one of "skill", "gate", "approval"');
    expect(first?.line).toBe(13);
  });

  it('checks a default against the input type', () => {
    const text = valid.replace(
      '  topic: { type: string, description: What to write about, required: true }',
      '  topic: { type: string, description: What to write about, required: true }\n  budget: { type: number, description: USD, default: lots }',
    );
    const [first] = errorsOf(text);
    expect(first?.message).toBe('inputs.budget.default: Expected the default to be a number, got "lots"');
    expect(first?.line).toBe(6);
  });

  it('rejects an input name that is not snake_case, pointing at the key', () => {
    const text = valid.replace('  topic:', '  Topic-Name:');
    const [first] = errorsOf(text);
    expect(first?.message).toContain('the name "Topic-Name" is not valid');
    expect(first).toMatchObject({ line: 5, column: 3 });
  });

  it('rejects an empty document and a top-level list', () => {
    expect(errorsOf('')[0]?.message).toMatch(/found an empty document/);
    expect(errorsOf('- a\n- b\n')[0]?.message).toMatch(/found a list/);
  });

  it('throws INVALID_FILE with every diagnostic attached', () => {
    const text = valid.replace('id: demo', 'id: Demo Playbook').replace('    skill: copywriting\n', '');
    try {
      parsePlaybook(text, { file });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MopsError);
      const mops = error as MopsError;
      expect(mops.code).toBe('INVALID_FILE');
      expect(mops.location).toMatchObject({ file, line: 1, column: 5 });
      expect((mops.details?.diagnostics as unknown[]).length).toBe(2);
      expect(mops.message).toMatch(/^playbooks\/demo\.yaml:1:5: id: Expected lowercase letters/);
    }
  });

  it('accepts gate and approval steps and durations', () => {
    const text = `${valid}  - id: qa
    type: gate
    tool: validate_utms
    owner: { accountable: marketing-ops }
    timeout: 30s
    with: { text: "\${{ steps.write.output }}" }
  - id: sign-off
    type: approval
    approver: marketing-director
    owner: { accountable: marketing-director }
    retry: { attempts: 2 }
`;
    const { playbook } = parsePlaybook(text, { file });
    expect(playbook.steps[2]).toMatchObject({ type: 'gate', tool: 'validate_utms', timeout: '30s' });
    expect(playbook.steps[3]).toMatchObject({ type: 'approval', approver: 'marketing-director', with: {}, retry: { attempts: 2, backoff: '1s' } });
  });
});
