/**
 * The expression syntax of `with:` values. Four forms are valid:
 * `${{ inputs.<name> }}`, `${{ steps.<id>.output }}`, `${{ context }}` and
 * `${{ context.<section-id> }}`. Anything else inside `${{ }}` is an invalid ref,
 * which lint reports, so a typo never reaches a run.
 */

export type TemplateRef =
  | { kind: 'input'; name: string; raw: string; offset: number }
  | { kind: 'step'; stepId: string; raw: string; offset: number }
  | { kind: 'context'; section?: string; raw: string; offset: number }
  | { kind: 'invalid'; expression: string; reason: string; raw: string; offset: number };

const REF_PATTERN = /\$\{\{([\s\S]*?)\}\}/g;
const NAME = '[A-Za-z0-9_-]+';
const INPUT_EXPR = new RegExp(`^inputs\\.(${NAME})$`);
const STEP_EXPR = new RegExp(`^steps\\.(${NAME})\\.output$`);
const STEP_OTHER = new RegExp(`^steps\\.(${NAME})(?:\\.(.*))?$`);
const CONTEXT_EXPR = new RegExp(`^context(?:\\.(${NAME}))?$`);

/** Every `${{ ... }}` reference in a value, in order, with its character offset. */
export function parseTemplateRefs(value: string): TemplateRef[] {
  const refs: TemplateRef[] = [];
  for (const match of value.matchAll(REF_PATTERN)) {
    const raw = match[0];
    const offset = match.index;
    const expression = (match[1] ?? '').trim();
    refs.push(classify(expression, raw, offset));
  }
  return refs;
}

function classify(expression: string, raw: string, offset: number): TemplateRef {
  const input = INPUT_EXPR.exec(expression);
  if (input?.[1]) return { kind: 'input', name: input[1], raw, offset };
  const step = STEP_EXPR.exec(expression);
  if (step?.[1]) return { kind: 'step', stepId: step[1], raw, offset };
  const context = CONTEXT_EXPR.exec(expression);
  if (context) return context[1] ? { kind: 'context', section: context[1], raw, offset } : { kind: 'context', raw, offset };

  const stepOther = STEP_OTHER.exec(expression);
  const reason = stepOther
    ? `a step exposes only its output: write \${{ steps.${stepOther[1]}.output }}`
    : expression === ''
      ? 'the expression is empty'
      : 'expected inputs.<name>, steps.<id>.output, context or context.<section-id>';
  return { kind: 'invalid', expression, reason, raw, offset };
}
