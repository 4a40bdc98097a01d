import { ContextRequirementSchema, type ContextCheck, type ContextRequirementInput, type MarketingContext, type SectionStatus } from './context-schema.js';
import { scoreContext } from './score-context.js';

const RANK: Record<SectionStatus, number> = { missing: 0, thin: 1, complete: 2 };

/**
 * Whether a context is good enough for a playbook: every required section at least at
 * `min_status` (default thin). `blocking` lists the sections that fall short and why,
 * which is what a run reports when it stops before its first content step. Pure.
 */
export function checkContext(context: MarketingContext, requirement: ContextRequirementInput): ContextCheck {
  const { required_sections, min_status } = ContextRequirementSchema.parse(requirement);
  const report = scoreContext(context);
  const blocking = required_sections.flatMap((id) => {
    const section = report.sections.find((candidate) => candidate.id === id);
    if (!section || RANK[section.status] >= RANK[min_status]) return [];
    return [{ section: id, status: section.status, needed: min_status, problems: section.problems }];
  });
  return { ok: blocking.length === 0, report, blocking };
}
