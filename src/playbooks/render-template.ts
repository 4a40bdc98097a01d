import { MopsError } from '../errors/index.js';
import { CONTEXT_SECTIONS, type MarketingContext, type SectionId } from '../context/context-schema.js';
import { contextToMarkdown } from '../context/context-to-markdown.js';
import { parseTemplateRefs, type TemplateRef } from './template-refs.js';

/** What `${{ ... }}` references resolve against when a step's `with:` values are rendered. */
export interface TemplateScope {
  /** Input values after coercion; an optional input that was not given renders as empty text. */
  inputs?: Record<string, unknown>;
  /** Outputs of finished steps, by step id. */
  steps?: Record<string, string>;
  /** The marketing context of the run, if any. */
  context?: MarketingContext;
}

/**
 * Replaces every reference in `value` with its value from `scope`. Lint has already
 * rejected unknown references, so what is left to fail here is a step output that is not
 * there yet (the step is not finished): that throws INVALID_STATE naming the step.
 */
export function renderTemplate(value: string, scope: TemplateScope): string {
  const refs = parseTemplateRefs(value);
  if (refs.length === 0) return value;
  let result = '';
  let cursor = 0;
  for (const ref of refs) {
    result += value.slice(cursor, ref.offset) + resolveRef(ref, scope);
    cursor = ref.offset + ref.raw.length;
  }
  return result + value.slice(cursor);
}

/** Renders every value of a step's `with:` map. */
export function renderWith(values: Record<string, string>, scope: TemplateScope): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, renderTemplate(value, scope)]));
}

function resolveRef(ref: TemplateRef, scope: TemplateScope): string {
  switch (ref.kind) {
    case 'input':
      return formatInputValue(scope.inputs?.[ref.name]);
    case 'step': {
      const output = scope.steps?.[ref.stepId];
      if (output === undefined) {
        throw new MopsError(
          'INVALID_STATE',
          `${ref.raw} has no value: step "${ref.stepId}" has not finished. List it under this step's needs so it runs first.`,
          { details: { stepId: ref.stepId } },
        );
      }
      return output;
    }
    case 'context':
      return renderContextRef(ref.section, scope.context);
    case 'invalid':
      throw new MopsError('INVALID_INPUT', `Cannot render ${ref.raw}: ${ref.reason}.`);
  }
}

function renderContextRef(section: string | undefined, context: MarketingContext | undefined): string {
  if (!context) return '(no marketing context was given for this run)';
  if (section === undefined) return contextToMarkdown(context);
  const definition = CONTEXT_SECTIONS.find((candidate) => candidate.id === section);
  if (!definition) throw new MopsError('INVALID_INPUT', `Unknown context section "${section}".`);
  const text = context.sections[definition.id as SectionId]?.text.trim();
  return text ? text : `(the marketing context has no "${definition.heading}" section yet)`;
}

function formatInputValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}
