/**
 * Adds sections to a marketing context document, each as a `## Heading` followed by the
 * text, at the end of the file. Only used for sections the file does not have yet, so
 * nothing the user wrote is moved or rewritten. Pure.
 */
export function appendContextSections(text: string, sections: ReadonlyArray<{ heading: string; body: string }>): string {
  const additions = sections
    .map(({ heading, body }) => ({ heading: heading.trim(), body: body.trim() }))
    .filter((section) => section.heading !== '' && section.body !== '')
    .map((section) => `## ${section.heading}\n\n${section.body}\n`);
  if (additions.length === 0) return text;
  const base = text.replace(/\s*$/, '');
  return `${base}${base === '' ? '' : '\n\n'}${additions.join('\n')}`;
}
