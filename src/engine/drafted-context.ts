import { checkContext, type MarketingContext } from '../context/index.js';
import type { NamedContext } from './engine-options.js';
import { formatContextReport } from './format-context-report.js';
import { DRAFT_CONTEXT_STEP_ID, type RunPlan } from './run-plan.js';

/**
 * The context later steps use once the `_context` step has drafted one: the drafted
 * document's sections laid over the original's, so a draft that only fills the gaps
 * keeps everything that was already there.
 */
export function deriveDraftedContext(
  parse: (text: string, where: { file: string; name: string }) => MarketingContext,
  runId: string,
  base: NamedContext | undefined,
  output: string,
): NamedContext {
  const name = base?.name ?? 'drafted';
  const drafted = parse(output, { file: `run ${runId} step ${DRAFT_CONTEXT_STEP_ID}`, name });
  if (!base) return { name, context: drafted };
  const sections = { ...base.context.sections };
  for (const [id, section] of Object.entries(drafted.sections)) {
    if (section && section.text.trim() !== '') sections[id as keyof typeof sections] = section;
  }
  return { name, context: { ...base.context, sections } };
}

/** Whether a drafted context now meets the playbook's requirement, with the readable report. */
export function checkDraftedContext(plan: RunPlan, context: NamedContext): { ok: boolean; report: string } {
  const requirement = plan.context.requirement;
  if (!requirement) return { ok: true, report: '' };
  const check = checkContext(context.context, requirement);
  return {
    ok: check.ok,
    report: formatContextReport({ id: plan.playbook.id, name: plan.playbook.name, context: requirement }, context.name, check),
  };
}
