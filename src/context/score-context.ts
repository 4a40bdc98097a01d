import {
  CONTEXT_SECTIONS,
  type ContextReport,
  type MarketingContext,
  type Readiness,
  type SectionDefinition,
  type SectionReport,
  type SectionStatus,
} from './context-schema.js';
import { analyzeSectionText } from './analyze-section-text.js';

/**
 * Scores every section as missing, thin or complete against what `CONTEXT_SECTIONS`
 * says a complete section holds, and says why. Pure.
 */
export function scoreContext(context: MarketingContext): ContextReport {
  // Contexts are values: every run of a campaign engine plans against the same loaded one.
  const known = reports.get(context);
  if (known) return known;
  const report = computeReport(context);
  reports.set(context, report);
  return report;
}

const reports = new WeakMap<MarketingContext, ContextReport>();

function computeReport(context: MarketingContext): ContextReport {
  const sections = CONTEXT_SECTIONS.map((definition) => scoreSection(definition, context));
  const statusOf = new Map(sections.map((section) => [section.id, section.status]));
  const score = sections.reduce((sum, s) => sum + (s.status === 'complete' ? 1 : s.status === 'thin' ? 0.5 : 0), 0) / sections.length;
  return {
    name: context.name,
    file: context.file,
    readiness: readinessOf(statusOf),
    score: Math.round(score * 1000) / 1000,
    sections,
    missing: sections.filter((s) => s.status === 'missing').map((s) => s.id),
    thin: sections.filter((s) => s.status === 'thin').map((s) => s.id),
  };
}

/** Ready: all complete. Partial: product and audience written, and at least half the rest. */
function readinessOf(statusOf: Map<string, SectionStatus>): Readiness {
  if ([...statusOf.values()].every((status) => status === 'complete')) return 'ready';
  const core = ['product', 'audience'];
  const coreWritten = core.every((id) => statusOf.get(id) !== 'missing');
  const rest = [...statusOf.entries()].filter(([id]) => !core.includes(id));
  const restWritten = rest.filter(([, status]) => status !== 'missing').length;
  return coreWritten && restWritten * 2 >= rest.length ? 'partial' : 'not-ready';
}

function scoreSection(definition: SectionDefinition, context: MarketingContext): SectionReport {
  const section = context.sections[definition.id];
  const base = { id: definition.id, heading: section?.heading ?? definition.heading };
  if (!section) {
    return {
      ...base,
      status: 'missing',
      words: 0,
      problems: [`No "## ${definition.heading}" section. Add one with: ${lowerFirst(definition.purpose)}`],
    };
  }
  const stats = analyzeSectionText(section.text);
  if (stats.words === 0) {
    return {
      ...base,
      status: 'missing',
      words: 0,
      problems: [`The section is empty (comments and hints do not count). Write: ${lowerFirst(definition.purpose)}`],
    };
  }

  const need = definition.complete;
  const problems: string[] = [];
  if (stats.words < need.minWords) {
    problems.push(`Only ${countOf(stats.words, 'word')}; a complete section has at least ${need.minWords}.`);
  }
  if (need.minEntries && stats.entries.length < need.minEntries.count) {
    problems.push(
      `${countOf(stats.entries.length, need.minEntries.noun)}; needs at least ${need.minEntries.count} (as ### sub-headings, list items or table rows).`,
    );
  }
  if (need.minEntriesWithNumber) {
    const withNumber = stats.entries.filter((entry) => /\d/.test(entry)).length;
    if (withNumber < need.minEntriesWithNumber.count) {
      problems.push(
        `${countOf(withNumber, need.minEntriesWithNumber.noun)}; needs at least ${need.minEntriesWithNumber.count}, each its own list item with a number (e.g. "cut month-end reporting from 5 days to 1").`,
      );
    }
  }
  if (need.needsNumber && !stats.hasNumber) problems.push(`No figure anywhere; needs ${need.needsNumber}.`);
  if (need.minQuotes !== undefined && stats.quotes < need.minQuotes) {
    problems.push(
      `${countOf(stats.quotes, 'quoted phrase')}; needs at least ${need.minQuotes} verbatim customer phrases in quotation marks.`,
    );
  }
  for (const mention of need.mustMention ?? []) {
    if (!mention.pattern.test(section.text)) problems.push(`Does not say ${mention.label}.`);
  }
  return { ...base, status: problems.length > 0 ? 'thin' : 'complete', words: stats.words, problems };
}

function countOf(count: number, noun: string): string {
  if (count === 0) return `No ${noun}`;
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
