import { CONTEXT_SECTIONS, type MarketingContext, type SectionId } from './context-schema.js';

/**
 * The context as Markdown for a prompt: the known sections in canonical order (or only
 * the ones asked for), each under its canonical heading. Hints and comments are already
 * stripped by the parser, so the model sees content only.
 */
export function contextToMarkdown(context: MarketingContext, only?: readonly SectionId[]): string {
  const title = context.company ? `# ${context.company} — marketing context` : `# Marketing context: ${context.name}`;
  const parts = [title];
  for (const definition of CONTEXT_SECTIONS) {
    if (only && !only.includes(definition.id)) continue;
    const section = context.sections[definition.id];
    const body = section?.text.trim();
    parts.push(`## ${definition.heading}\n\n${body ? body : '(not written yet)'}`);
  }
  return parts.join('\n\n') + '\n';
}
