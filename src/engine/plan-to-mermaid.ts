import type { PlannedStep, RunPlan } from './run-plan.js';

/**
 * The plan as a Mermaid `flowchart TD`: one node per step (name, what runs it, the
 * accountable owner), an edge for every dependency. Gates are hexagons, approvals
 * diamonds, so the control points stand out.
 */
export function planToMermaid(plan: Pick<RunPlan, 'steps'>): string {
  const nodeId = (stepId: string) => `s_${stepId.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const lines = ['flowchart TD'];
  for (const step of plan.steps) {
    const label = escapeLabel([step.name, describeWork(step), step.owner ? `owner: ${step.owner.accountable}` : undefined]);
    const [open, close] = step.kind === 'gate' ? ['{{', '}}'] : step.kind === 'approval' ? ['{', '}'] : ['[', ']'];
    lines.push(`  ${nodeId(step.id)}${open}"${label}"${close}`);
  }
  for (const step of plan.steps) {
    for (const need of step.needs) lines.push(`  ${nodeId(need)} --> ${nodeId(step.id)}`);
  }
  return lines.join('\n');
}

function describeWork(step: PlannedStep): string {
  if (step.kind === 'gate') return `gate: ${step.tool}`;
  if (step.kind === 'approval') return `approval: ${step.approver}`;
  return `skill: ${step.skill}`;
}

/** Mermaid labels break on quotes and angle brackets; use its entity codes and <br/> between lines. */
function escapeLabel(parts: (string | undefined)[]): string {
  return parts
    .filter((part): part is string => Boolean(part))
    .map((part) => part.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;'))
    .join('<br/>');
}
