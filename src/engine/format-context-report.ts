import type { ContextCheck } from '../context/index.js';
import type { Playbook } from '../playbooks/index.js';

/**
 * The readable verdict of "verify context first": whether the context is good enough
 * for the playbook and, when it is not, which sections fall short, why, and the two
 * ways forward (fill them in, or let the marketing-context skill draft them).
 */
export function formatContextReport(
  playbook: Pick<Playbook, 'id' | 'name' | 'context'>,
  contextName: string | null,
  check: ContextCheck | null,
): string {
  const requirement = playbook.context;
  if (!requirement) {
    return contextName
      ? `Playbook "${playbook.id}" sets no context requirement; context "${contextName}" is passed to every step.`
      : `Playbook "${playbook.id}" sets no context requirement and no context was given.`;
  }
  const needed = `${requirement.required_sections.join(', ')} at least ${requirement.min_status}`;
  if (!contextName || !check) {
    return [
      `No marketing context: playbook "${playbook.id}" needs ${needed}.`,
      'Create one from context/_template.md and pass it with --context <name>, or run with --draft-context to have the marketing-context skill draft it first.',
    ].join('\n');
  }
  if (check.ok) {
    return `Context "${contextName}" is ready for "${playbook.id}" (${needed}; readiness ${check.report.readiness}, score ${Math.round(check.report.score * 100)}%).`;
  }
  const lines = [
    `Context "${contextName}" is not ready for "${playbook.id}": it needs ${needed}, and ${check.blocking.length} section(s) fall short.`,
  ];
  for (const block of check.blocking) {
    const heading = check.report.sections.find((s) => s.id === block.section)?.heading ?? block.section;
    const why = block.problems.length ? `: ${block.problems.join('; ')}` : '';
    lines.push(`- ${heading} (${block.section}) is ${block.status}, needs ${block.needed}${why}`);
  }
  lines.push(
    `Fix: complete these sections in ${check.report.file}, or run with --draft-context to have the marketing-context skill draft them first.`,
  );
  return lines.join('\n');
}
