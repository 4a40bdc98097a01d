import { planToMermaid } from './plan-to-mermaid.js';
import type { RunPlan } from './run-plan.js';

/** The plan as readable text for `mops plan`: inputs, context verdict, steps by level, Mermaid chart. */
export function formatPlan(plan: RunPlan): string {
  const lines = [`Plan: ${plan.playbook.name} (${plan.playbook.id})`, plan.playbook.description.trim(), ''];
  const inputs = Object.entries(plan.inputs);
  lines.push('Inputs:');
  if (inputs.length === 0) lines.push('  (none)');
  for (const [name, value] of inputs) lines.push(`  ${name} = ${Array.isArray(value) ? value.join(', ') : String(value)}`);
  lines.push('', `Context: ${plan.context.name ?? '(none)'}`);
  lines.push(...plan.context.report.split('\n').map((line) => `  ${line}`));
  lines.push('', `Status: ${describeStatus(plan)}`, `Executor for skill steps: ${plan.executor}`, '', 'Steps:');
  plan.levels.forEach((ids, level) => {
    const parallel = ids.length > 1 ? ' (in parallel)' : '';
    lines.push(`  Level ${level + 1}${parallel}`);
    for (const id of ids) {
      const step = plan.steps.find((candidate) => candidate.id === id);
      if (!step) continue;
      const work = step.kind === 'gate' ? `gate ${step.tool}` : step.kind === 'approval' ? `approval by ${step.approver}` : `skill ${step.skill}`;
      const owner = step.owner ? `, accountable: ${step.owner.accountable}` : '';
      const needs = step.needs.length ? `, after ${step.needs.join(', ')}` : '';
      const limits = [
        step.timeoutMs !== undefined ? `timeout ${formatMs(step.timeoutMs)}` : undefined,
        step.retry.attempts > 1 ? `${step.retry.attempts} attempts` : undefined,
      ].filter(Boolean);
      lines.push(`    - ${step.id}: ${step.name} [${work}${owner}${needs}]${limits.length ? ` (${limits.join(', ')})` : ''}`);
    }
  });
  lines.push('', '```mermaid', planToMermaid(plan), '```');
  return lines.join('\n') + '\n';
}

function describeStatus(plan: RunPlan): string {
  switch (plan.status) {
    case 'ready':
      return 'ready to run';
    case 'draft-context':
      return 'the context falls short; the run drafts it first (step _context)';
    case 'blocked':
      return 'blocked: the context falls short (see above); the run would stop before its first step';
  }
}

function formatMs(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
