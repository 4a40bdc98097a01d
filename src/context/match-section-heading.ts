import { CONTEXT_SECTIONS, type SectionId } from './context-schema.js';

/** Lowercase, `&` as `and`, no numbering, punctuation or emoji, single spaces. */
export function normalizeHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/^\s*\d+[.)]\s*/, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const BY_HEADING = new Map<string, SectionId>();
for (const section of CONTEXT_SECTIONS) {
  for (const text of [section.id.replace(/-/g, ' '), section.heading, ...section.aliases]) {
    BY_HEADING.set(normalizeHeading(text), section.id);
  }
}

/** The section id a `##` heading stands for, or undefined for a heading we do not know. */
export function matchSectionHeading(heading: string): SectionId | undefined {
  return BY_HEADING.get(normalizeHeading(heading));
}
