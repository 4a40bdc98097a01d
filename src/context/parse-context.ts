import { basename, extname } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { MopsError } from '../errors/index.js';
import type { ContextSection, MarketingContext, SectionId } from './context-schema.js';
import { matchSectionHeading } from './match-section-heading.js';

const FrontMatterSchema = z.looseObject({
  name: z.string().min(1).optional(),
  company: z.string().min(1).optional(),
  updated: z.union([z.string(), z.date()]).optional(),
});

const HINT_START = /^>\s*(hint|guidance|tip)\s*:/i;
const FENCE = /^\s{0,3}(```|~~~)/;
const TITLE_SUFFIX = /\s*[—–:-]+\s*marketing context\s*$/i;

/**
 * Parses a marketing context document (pure). Sections are `##` headings matched to the
 * known section ids (case-insensitive, `&` = `and`, aliases allowed). HTML comments and
 * blockquotes that start with `Hint:`, `Guidance:` or `Tip:` are template guidance and
 * are dropped from the section text. Throws INVALID_FILE only for broken front matter.
 */
export function parseContext(text: string, { file, name }: { file: string; name?: string }): MarketingContext {
  const normalized = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const { frontMatter, bodyStartLine } = readFrontMatter(normalized, file);
  // Blank out comments but keep their newlines, so line numbers stay true.
  const lines = normalized
    .replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ''))
    .split('\n');

  let title: string | undefined;
  const raw: { heading: string; line: number; body: string[] }[] = [];
  let inFence = false;
  for (let index = bodyStartLine - 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (FENCE.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,2})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading?.[1] === '#') {
      title ??= heading[2];
      continue;
    }
    if (heading?.[1] === '##' && heading[2]) {
      raw.push({ heading: heading[2], line: index + 1, body: [] });
      continue;
    }
    raw.at(-1)?.body.push(line);
  }

  const sections: Partial<Record<SectionId, ContextSection>> = {};
  const unknownSections: ContextSection[] = [];
  for (const section of raw) {
    const text = cleanBody(section.body);
    const id = matchSectionHeading(section.heading);
    if (!id) {
      unknownSections.push({ heading: section.heading, text, line: section.line });
      continue;
    }
    const existing = sections[id];
    // A repeated section adds to the first rather than hiding it.
    sections[id] = existing
      ? { ...existing, text: [existing.text, text].filter(Boolean).join('\n\n') }
      : { heading: section.heading, text, line: section.line };
  }

  const company = frontMatter.company ?? (title ? title.replace(TITLE_SUFFIX, '').trim() || undefined : undefined);
  const updated = frontMatter.updated instanceof Date ? frontMatter.updated.toISOString().slice(0, 10) : frontMatter.updated;
  return {
    name: name ?? frontMatter.name ?? basename(file, extname(file)),
    file,
    ...(company ? { company } : {}),
    ...(updated ? { updated } : {}),
    sections,
    unknownSections,
  };
}

function readFrontMatter(text: string, file: string): { frontMatter: z.infer<typeof FrontMatterSchema>; bodyStartLine: number } {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') return { frontMatter: {}, bodyStartLine: 1 };
  const closing = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  if (closing === -1) {
    throw new MopsError('INVALID_FILE', 'The front matter opened with --- on line 1 is never closed. Add a line with --- after it.', {
      location: { file, line: 1, column: 1 },
    });
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(lines.slice(1, closing).join('\n'), { lineCounter, prettyErrors: false });
  const [error] = document.errors;
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    // The YAML starts on the file's line 2.
    throw new MopsError('INVALID_FILE', `Front matter is not valid YAML: ${error.message.split('\n')[0]}`, {
      location: { file, line: line + 1, column: col },
    });
  }
  const result = FrontMatterSchema.safeParse(document.toJS() ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.length ? ` field "${issue.path.join('.')}"` : '';
    throw new MopsError(
      'INVALID_FILE',
      `Front matter${field} is invalid: ${issue?.message ?? 'expected a mapping'}. Expected a mapping with name, company and updated (YYYY-MM-DD).`,
      { location: { file, line: 2, column: 1 } },
    );
  }
  return { frontMatter: result.data, bodyStartLine: closing + 2 };
}

/** Drops hint blockquotes and surrounding blank lines; keeps everything else as written. */
function cleanBody(lines: readonly string[]): string {
  const kept: string[] = [];
  let inHint = false;
  for (const line of lines) {
    const isQuote = /^\s{0,3}>/.test(line);
    if (!isQuote) inHint = false;
    else if (!inHint && HINT_START.test(line.trim())) inHint = true;
    if (!inHint) kept.push(line);
  }
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
