import { z } from 'zod';

/**
 * The marketing context format: one Markdown document per company or client, with a
 * fixed set of `##` sections. This file is the single source of truth for the section
 * ids, their headings and aliases, what a complete section needs, and the shapes that
 * parsing, scoring and checking return.
 */

export const SECTION_IDS = [
  'product',
  'audience',
  'personas',
  'pains',
  'competitors',
  'differentiation',
  'objections',
  'customer-language',
  'brand-voice',
  'proof-points',
  'goals',
] as const;

export const SectionIdSchema = z.enum(SECTION_IDS);
export type SectionId = z.infer<typeof SectionIdSchema>;

/** What a section must contain to count as complete. Anything short of it is thin. */
export interface SectionRequirement {
  /** Minimum words of real content (comments and hint lines do not count). */
  minWords: number;
  /** Minimum entries: `###` sub-headings, or top-level list items when there are none. */
  minEntries?: { count: number; noun: string };
  /** Minimum entries that contain a figure (a digit), e.g. proof points with a result. */
  minEntriesWithNumber?: { count: number; noun: string };
  /** At least one figure anywhere in the section (e.g. a target for goals). */
  needsNumber?: string;
  /** Minimum phrases in quotation marks (customer language is quoted, not paraphrased). */
  minQuotes?: number;
  /** Things the text must say, each as a pattern and a label for the report. */
  mustMention?: { pattern: RegExp; label: string }[];
}

export interface SectionDefinition {
  id: SectionId;
  /** The canonical heading used by the template. */
  heading: string;
  /** Other headings accepted for the section (matched after normalising). */
  aliases: string[];
  /** One line on what the section holds; shown in reports and the template. */
  purpose: string;
  complete: SectionRequirement;
}

export const CONTEXT_SECTIONS: readonly SectionDefinition[] = [
  {
    id: 'product',
    heading: 'Product',
    aliases: ['product overview', 'the product', 'what we sell', 'offering', 'product and offer', 'product and pricing'],
    purpose: 'What the product is, who buys it, the problem it solves, pricing model and key capabilities.',
    complete: { minWords: 60 },
  },
  {
    id: 'audience',
    heading: 'Audience & ICP',
    aliases: ['audience', 'icp', 'ideal customer profile', 'target audience', 'target market', 'ideal customer', 'audience and ideal customer profile'],
    purpose: 'The ideal customer profile: industry, company size, region, tech stack, buying triggers.',
    complete: { minWords: 50, minEntries: { count: 3, noun: 'firmographic or qualifying trait' } },
  },
  {
    id: 'personas',
    heading: 'Personas',
    aliases: ['buyer personas', 'persona', 'buyers', 'buying committee'],
    purpose: 'Named personas with role, goals, pains and objections.',
    complete: { minWords: 80, minEntries: { count: 2, noun: 'named persona' } },
  },
  {
    id: 'pains',
    heading: 'Pains',
    aliases: ['pain points', 'pain', 'problems', 'customer pains', 'problems we solve', 'jobs to be done'],
    purpose: 'The problems the audience feels, in order of intensity, with their cost.',
    complete: { minWords: 40, minEntries: { count: 3, noun: 'pain' } },
  },
  {
    id: 'competitors',
    heading: 'Competitors',
    aliases: ['competition', 'competitive landscape', 'alternatives', 'competitors and alternatives'],
    purpose: 'Named competitors and alternatives (including doing nothing), and how we differ from each.',
    complete: { minWords: 50, minEntries: { count: 2, noun: 'named competitor' } },
  },
  {
    id: 'differentiation',
    heading: 'Differentiation',
    aliases: ['positioning', 'why us', 'how we differ', 'unique value', 'value proposition', 'differentiators'],
    purpose: 'The positioning statement and the few differentiators that are true, provable and matter.',
    complete: { minWords: 40, minEntries: { count: 2, noun: 'differentiator' } },
  },
  {
    id: 'objections',
    heading: 'Objections',
    aliases: ['common objections', 'objection handling', 'objections and responses', 'sales objections'],
    purpose: 'What stops people from buying, and the honest answer to each.',
    complete: { minWords: 40, minEntries: { count: 2, noun: 'objection' } },
  },
  {
    id: 'customer-language',
    heading: 'Customer language',
    aliases: ['voice of customer', 'voice of the customer', 'voc', 'customer quotes', 'words customers use', 'customer vocabulary'],
    purpose: 'Verbatim phrases customers use for their problem and our product, in quotation marks.',
    complete: { minWords: 30, minQuotes: 2 },
  },
  {
    id: 'brand-voice',
    heading: 'Brand voice',
    aliases: ['voice and tone', 'tone of voice', 'brand voice and tone', 'tone', 'voice', 'writing style'],
    purpose: 'How we sound: voice traits, what to do and what to avoid, words we use and words we never use.',
    complete: {
      minWords: 40,
      mustMention: [
        { pattern: /\b(do|always|we are|we sound|sound like|use)\b/i, label: 'how we sound or what to do' },
        { pattern: /\b(don['’]t|do not|avoid|never)\b/i, label: "what to avoid (a don't list)" },
      ],
    },
  },
  {
    id: 'proof-points',
    heading: 'Proof points',
    aliases: ['proof', 'social proof', 'evidence', 'case studies', 'results', 'customer results'],
    purpose: 'Results, customers, awards and numbers we can cite, each with a figure and a source.',
    complete: { minWords: 30, minEntriesWithNumber: { count: 2, noun: 'figure-backed proof point' } },
  },
  {
    id: 'goals',
    heading: 'Goals',
    aliases: ['objectives', 'marketing goals', 'quarterly goals', 'okrs', 'targets', 'goals and kpis', 'kpis'],
    purpose: 'Measurable goals for the period: targets with numbers and dates.',
    complete: { minWords: 20, needsNumber: 'a target with a number (e.g. "120 SQLs in Q3")' },
  },
];

export const SectionStatusSchema = z.enum(['missing', 'thin', 'complete']);
export type SectionStatus = z.infer<typeof SectionStatusSchema>;

export const ReadinessSchema = z.enum(['not-ready', 'partial', 'ready']);
export type Readiness = z.infer<typeof ReadinessSchema>;

export const ContextSectionSchema = z.object({
  /** The heading as written in the file. */
  heading: z.string(),
  /** The section body without HTML comments and hint blockquotes. */
  text: z.string(),
  /** 1-based line of the heading. */
  line: z.number().int().positive(),
});
export type ContextSection = z.infer<typeof ContextSectionSchema>;

export const MarketingContextSchema = z.object({
  /** The context's name: its file name without `.md` unless the front matter says otherwise. */
  name: z.string().min(1),
  file: z.string(),
  company: z.string().optional(),
  /** The `updated` date from the front matter, as written (YYYY-MM-DD). */
  updated: z.string().optional(),
  /** Recognised sections; a section that is not in the file is absent. */
  sections: z.partialRecord(SectionIdSchema, ContextSectionSchema),
  /** `##` sections whose heading matches no known section; kept, never scored. */
  unknownSections: z.array(ContextSectionSchema),
});
export type MarketingContext = z.infer<typeof MarketingContextSchema>;

export const SectionReportSchema = z.object({
  id: SectionIdSchema,
  heading: z.string(),
  status: SectionStatusSchema,
  words: z.number().int().nonnegative(),
  /** Why the section is missing or thin, and what would complete it. Empty when complete. */
  problems: z.array(z.string()),
});
export type SectionReport = z.infer<typeof SectionReportSchema>;

export const ContextReportSchema = z.object({
  name: z.string(),
  file: z.string(),
  readiness: ReadinessSchema,
  /** Share of the way to complete: complete sections count 1, thin ones 0.5. */
  score: z.number().min(0).max(1),
  sections: z.array(SectionReportSchema),
  missing: z.array(SectionIdSchema),
  thin: z.array(SectionIdSchema),
});
export type ContextReport = z.infer<typeof ContextReportSchema>;

/** What a playbook asks of the context before it runs. */
export const ContextRequirementSchema = z.strictObject({
  required_sections: z.array(SectionIdSchema).min(1),
  min_status: z.enum(['thin', 'complete']).default('thin'),
});
export type ContextRequirement = z.infer<typeof ContextRequirementSchema>;
export type ContextRequirementInput = z.input<typeof ContextRequirementSchema>;

export const ContextCheckSchema = z.object({
  ok: z.boolean(),
  report: ContextReportSchema,
  /** Required sections below the needed status; empty when `ok`. */
  blocking: z.array(
    z.object({
      section: SectionIdSchema,
      status: SectionStatusSchema,
      needed: z.enum(['thin', 'complete']),
      problems: z.array(z.string()),
    }),
  ),
});
export type ContextCheck = z.infer<typeof ContextCheckSchema>;
