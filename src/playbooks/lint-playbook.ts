import { SECTION_IDS } from '../context/context-schema.js';
import type { Diagnostic } from '../context/diagnostic.js';
import { closestMatch } from '../text/closest-match.js';
import { findDependencyCycle, resolveNeeds } from './compute-step-graph.js';
import type { Playbook, PlaybookStep } from './playbook-schema.js';
import { parseTemplateRefs } from './template-refs.js';
import type { YamlPath, YamlSourceMap } from './yaml-source-map.js';

export interface LintPlaybookOptions {
  /** Known skill ids; when given, every skill step must name one. */
  skillIds?: Iterable<string>;
  /** Known ops toolkit tool names; when given, every gate step must name one. */
  opsToolNames?: Iterable<string>;
  /** Locates findings in the YAML file; without it they point at the top of `file`. */
  sourceMap?: YamlSourceMap;
  /** The file name to report when there is no source map. */
  file?: string;
}

/**
 * Checks what the schema cannot: references between steps, skills, tools, inputs and
 * context sections, plus ownership and hygiene warnings. Pure; never throws.
 */
export function lintPlaybook(playbook: Playbook, options: LintPlaybookOptions = {}): Diagnostic[] {
  const file = options.sourceMap?.file ?? options.file ?? `playbooks/${playbook.id}.yaml`;
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Diagnostic['severity'], path: YamlPath, message: string, key = false): void => {
    const { line, column } = options.sourceMap?.locate(path, { key }) ?? { line: 1, column: 1 };
    diagnostics.push({ severity, file, line, column, message });
  };

  const indexById = new Map<string, number>();
  playbook.steps.forEach((step, index) => {
    if (indexById.has(step.id)) {
      report('error', ['steps', index, 'id'], `Duplicate step id "${step.id}" (first used by steps[${indexById.get(step.id)}]). Step ids must be unique.`);
    } else {
      indexById.set(step.id, index);
    }
  });

  lintNeeds(playbook, indexById, report);
  lintTargets(playbook, options, report);
  lintReferences(playbook, indexById, report);
  lintInputs(playbook, report);
  lintHygiene(playbook, report);
  return diagnostics;
}

type Report = (severity: Diagnostic['severity'], path: YamlPath, message: string, key?: boolean) => void;

function lintNeeds(playbook: Playbook, indexById: Map<string, number>, report: Report): void {
  const ids = [...indexById.keys()];
  playbook.steps.forEach((step, index) => {
    step.needs?.forEach((need, needIndex) => {
      const path = ['steps', index, 'needs', needIndex];
      const target = indexById.get(need);
      if (target === undefined) {
        const suggestion = closestMatch(need, ids);
        report('error', path, `Step "${step.id}" needs "${need}", which is not a step.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Steps: ${ids.join(', ')}.`);
      } else if (target === index) {
        report('error', path, `Step "${step.id}" needs itself. Remove "${need}" from its needs.`);
      } else if (target > index) {
        report('error', path, `Step "${step.id}" needs "${need}", which comes later in the file (forward reference). Move "${need}" above "${step.id}" or drop the dependency.`);
      }
    });
  });

  const cycle = findDependencyCycle(resolveNeeds(playbook));
  if (cycle) {
    const [start] = cycle;
    const index = start === undefined ? 0 : (indexById.get(start) ?? 0);
    report('error', ['steps', index, 'needs'], `Dependency cycle: ${cycle.join(' → ')}. A step cannot wait on itself, even indirectly; remove one of these needs.`);
  }
}

function lintTargets(playbook: Playbook, options: LintPlaybookOptions, report: Report): void {
  const skillIds = options.skillIds ? [...options.skillIds] : undefined;
  const toolNames = options.opsToolNames ? [...options.opsToolNames] : undefined;
  playbook.steps.forEach((step, index) => {
    if (step.type === 'skill' && skillIds && !skillIds.includes(step.skill)) {
      const suggestion = closestMatch(step.skill, skillIds);
      report('error', ['steps', index, 'skill'], `Unknown skill "${step.skill}" in step "${step.id}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Run \`mops skills\` for the list.`);
    }
    if (step.type === 'gate' && toolNames && !toolNames.includes(step.tool)) {
      const suggestion = closestMatch(step.tool, toolNames);
      report('error', ['steps', index, 'tool'], `Unknown ops tool "${step.tool}" in gate step "${step.id}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Known tools: ${toolNames.join(', ')}.`);
    }
  });
}

function lintReferences(playbook: Playbook, indexById: Map<string, number>, report: Report): void {
  const needs = resolveNeeds(playbook);
  const ancestorsOf = (id: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [...(needs[id] ?? [])];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(needs[next] ?? []));
    }
    return seen;
  };
  const inputNames = Object.keys(playbook.inputs);
  const stepIds = [...indexById.keys()];
  const requiredSections = new Set<string>(playbook.context?.required_sections ?? []);

  playbook.steps.forEach((step, index) => {
    const ancestors = ancestorsOf(step.id);
    for (const [key, value] of Object.entries(step.with)) {
      const path = ['steps', index, 'with', key];
      for (const ref of parseTemplateRefs(value)) {
        switch (ref.kind) {
          case 'invalid':
            report('error', path, `Invalid reference ${ref.raw} in step "${step.id}": ${ref.reason}.`);
            break;
          case 'input':
            if (!inputNames.includes(ref.name)) {
              const suggestion = closestMatch(ref.name, inputNames);
              report('error', path, `${ref.raw} in step "${step.id}" names no declared input.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Declare it under inputs:${inputNames.length ? ` (declared: ${inputNames.join(', ')})` : ''}.`);
            }
            break;
          case 'step':
            if (!indexById.has(ref.stepId)) {
              const suggestion = closestMatch(ref.stepId, stepIds);
              report('error', path, `${ref.raw} in step "${step.id}" names no step.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`);
            } else if (ref.stepId === step.id) {
              report('error', path, `Step "${step.id}" cannot use its own output.`);
            } else if (!ancestors.has(ref.stepId)) {
              report('error', path, `${ref.raw} in step "${step.id}" would not be ready: "${ref.stepId}" is not among the steps "${step.id}" waits on. Add "${ref.stepId}" to its needs.`);
            }
            break;
          case 'context':
            if (ref.section !== undefined && !(SECTION_IDS as readonly string[]).includes(ref.section)) {
              const suggestion = closestMatch(ref.section, SECTION_IDS);
              report('error', path, `${ref.raw} in step "${step.id}" names no context section.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Sections: ${SECTION_IDS.join(', ')}.`);
            } else if (ref.section !== undefined && !requiredSections.has(ref.section)) {
              report('warning', path, `${ref.raw} in step "${step.id}" uses a section the playbook does not require, so the run does not check it is written. Add "${ref.section}" to context.required_sections.`);
            }
            break;
        }
      }
    }
  });
}

function lintInputs(playbook: Playbook, report: Report): void {
  const used = new Set<string>();
  for (const step of playbook.steps) {
    for (const value of Object.values(step.with)) {
      for (const ref of parseTemplateRefs(value)) if (ref.kind === 'input') used.add(ref.name);
    }
  }
  for (const [name, input] of Object.entries(playbook.inputs)) {
    if (!used.has(name)) {
      report('warning', ['inputs', name], `Input "${name}" is declared but no step uses it. Reference it as \${{ inputs.${name} }} or remove it.`, true);
    }
    if (input.required && input.default !== undefined) {
      report('warning', ['inputs', name, 'default'], `Input "${name}" is required and also has a default, so the default is never used. Drop one of them.`);
    }
  }
}

function lintHygiene(playbook: Playbook, report: Report): void {
  playbook.steps.forEach((step: PlaybookStep, index) => {
    if (!step.owner) {
      report('warning', ['steps', index], `Step "${step.id}" has no owner. Add owner: { accountable: <role> } so someone answers for it.`);
    }
    if (step.type === 'approval' && step.owner && step.owner.accountable !== step.approver) {
      report(
        'warning',
        ['steps', index, 'approver'],
        `Approval step "${step.id}" waits for "${step.approver}" but its accountable owner is "${step.owner.accountable}". The approver is the one accountable for the decision; make them the same role.`,
      );
    }
    if (step.type === 'skill' && !step.with.request?.trim()) {
      report('warning', ['steps', index], `Skill step "${step.id}" has no with.request telling ${step.skill} what to produce for this campaign.`);
    }
  });
  const seen = new Map<string, number>();
  playbook.triggers.forEach((trigger, index) => {
    const key = trigger.trim().toLowerCase();
    if (seen.has(key)) report('warning', ['triggers', index], `Trigger "${trigger}" is listed twice.`);
    else seen.set(key, index);
  });
}
