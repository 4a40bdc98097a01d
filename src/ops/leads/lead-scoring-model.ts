import { z } from 'zod';

/**
 * The lead scoring model: five signal categories, each with a score range, and the
 * signals that feed them. A category only counts when at least one of its signals fires;
 * its total is then clamped to the category range (so three demographic matches give +25,
 * not +30). Points and ranges are configurable; these are the defaults.
 */
export const LEAD_CATEGORIES = ['demographic', 'highIntent', 'engagement', 'product', 'negative'] as const;
export type LeadCategory = (typeof LEAD_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<LeadCategory, string> = {
  demographic: 'Demographic fit',
  highIntent: 'High intent',
  engagement: 'Engagement',
  product: 'Product usage',
  negative: 'Negative signals',
};

export interface ScoreRange {
  min: number;
  max: number;
}

export const DEFAULT_CATEGORY_RANGES: Record<LeadCategory, ScoreRange> = {
  demographic: { min: 10, max: 25 },
  highIntent: { min: 15, max: 25 },
  engagement: { min: 5, max: 15 },
  product: { min: 20, max: 30 },
  negative: { min: -50, max: -10 },
};

export interface LeadSignalDefinition {
  category: LeadCategory;
  points: number;
  /** How the signal is read from a lead row. */
  meaning: string;
}

export const LEAD_SIGNALS = {
  title_match: { category: 'demographic', points: 10, meaning: 'job title matches an ICP title (column title_match, or `title` against icp.titles)' },
  company_size_match: { category: 'demographic', points: 10, meaning: 'company size inside the ICP range (column company_size_match, or `company_size` against icp.companySize)' },
  industry_match: { category: 'demographic', points: 10, meaning: 'industry is an ICP industry (column industry_match, or `industry` against icp.industries)' },
  visited_pricing: { category: 'highIntent', points: 15, meaning: 'visited the pricing page' },
  requested_demo: { category: 'highIntent', points: 25, meaning: 'requested a demo' },
  viewed_case_study: { category: 'highIntent', points: 15, meaning: 'viewed a case study' },
  opened_3plus_emails: { category: 'engagement', points: 5, meaning: 'opened three or more emails (column opened_3plus_emails, or emails_opened >= 3)' },
  downloaded_content: { category: 'engagement', points: 5, meaning: 'downloaded gated content' },
  attended_webinar: { category: 'engagement', points: 10, meaning: 'attended a webinar' },
  used_trial: { category: 'product', points: 20, meaning: 'used the free trial' },
  reached_activation: { category: 'product', points: 30, meaning: 'reached the activation milestone' },
  competitor: { category: 'negative', points: -50, meaning: 'works for a competitor (column competitor, or email domain in icp.competitorDomains)' },
  student_email: { category: 'negative', points: -25, meaning: 'student email address (column student_email, or an academic email domain)' },
  unsubscribed: { category: 'negative', points: -10, meaning: 'unsubscribed from marketing email' },
} as const satisfies Record<string, LeadSignalDefinition>;

export type LeadSignal = keyof typeof LEAD_SIGNALS;
export const LEAD_SIGNAL_IDS = Object.keys(LEAD_SIGNALS) as [LeadSignal, ...LeadSignal[]];

export const LEAD_BANDS = ['nurture', 'mql', 'sql', 'hot'] as const;
export type LeadBand = (typeof LEAD_BANDS)[number];

export const BAND_INFO: Record<LeadBand, { label: string; action: string }> = {
  nurture: { label: 'Nurture', action: 'keep in automated nurture sequences' },
  mql: { label: 'Marketing qualified (MQL)', action: 'deepen engagement with targeted marketing' },
  sql: { label: 'Sales qualified (SQL)', action: 'route to sales' },
  hot: { label: 'Hot', action: 'immediate sales outreach' },
};

/** Lowest score of each band above nurture; everything below `mql` (negatives too) is nurture. */
export interface LeadThresholds {
  mql: number;
  sql: number;
  hot: number;
}

export const DEFAULT_THRESHOLDS: LeadThresholds = { mql: 26, sql: 51, hot: 76 };

/** The band of a score: 0-25 nurture, 26-50 MQL, 51-75 SQL, 76+ hot (with default thresholds). */
export function leadBand(score: number, thresholds: LeadThresholds = DEFAULT_THRESHOLDS): LeadBand {
  if (score >= thresholds.hot) return 'hot';
  if (score >= thresholds.sql) return 'sql';
  if (score >= thresholds.mql) return 'mql';
  return 'nurture';
}

export interface LeadScoringModel {
  points: Record<LeadSignal, number>;
  ranges: Record<LeadCategory, ScoreRange>;
  thresholds: LeadThresholds;
}

const rangeSchema = z.strictObject({
  min: z.number().describe('Lowest total the category can contribute when any of its signals fires.'),
  max: z.number().describe('Highest total the category can contribute.'),
});

export const leadModelInputSchema = {
  weights: z
    .strictObject(
      Object.fromEntries(
        LEAD_SIGNAL_IDS.map((id) => [id, z.number().optional().describe(`Points for ${LEAD_SIGNALS[id].meaning}. Default ${LEAD_SIGNALS[id].points}.`)]),
      ) as Record<LeadSignal, z.ZodOptional<z.ZodNumber>>,
    )
    .optional()
    .describe('Points per signal; omitted signals keep their defaults.'),
  ranges: z
    .strictObject(
      Object.fromEntries(
        LEAD_CATEGORIES.map((c) => [
          c,
          rangeSchema.optional().describe(`${CATEGORY_LABELS[c]} range. Default ${DEFAULT_CATEGORY_RANGES[c].min}..${DEFAULT_CATEGORY_RANGES[c].max}.`),
        ]),
      ) as Record<LeadCategory, z.ZodOptional<typeof rangeSchema>>,
    )
    .optional()
    .describe('Score range per category; a category total is clamped into its range.'),
  thresholds: z
    .strictObject({
      mql: z.number().optional().describe('Lowest MQL score. Default 26.'),
      sql: z.number().optional().describe('Lowest SQL score. Default 51.'),
      hot: z.number().optional().describe('Lowest hot-lead score. Default 76.'),
    })
    .optional()
    .describe('Band thresholds; scores below mql are nurture.'),
};

export interface LeadModelInput {
  weights?: Partial<Record<LeadSignal, number | undefined>> | undefined;
  ranges?: Partial<Record<LeadCategory, ScoreRange | undefined>> | undefined;
  thresholds?: Partial<Record<keyof LeadThresholds, number | undefined>> | undefined;
}

/** Merges overrides into the defaults and checks that ranges and thresholds are ordered. */
export function resolveLeadModel(input: LeadModelInput = {}): { model: LeadScoringModel; problems: string[] } {
  const points = Object.fromEntries(LEAD_SIGNAL_IDS.map((id) => [id, input.weights?.[id] ?? LEAD_SIGNALS[id].points])) as Record<LeadSignal, number>;
  const ranges = Object.fromEntries(LEAD_CATEGORIES.map((c) => [c, input.ranges?.[c] ?? DEFAULT_CATEGORY_RANGES[c]])) as Record<LeadCategory, ScoreRange>;
  const thresholds: LeadThresholds = {
    mql: input.thresholds?.mql ?? DEFAULT_THRESHOLDS.mql,
    sql: input.thresholds?.sql ?? DEFAULT_THRESHOLDS.sql,
    hot: input.thresholds?.hot ?? DEFAULT_THRESHOLDS.hot,
  };
  const problems: string[] = [];
  for (const c of LEAD_CATEGORIES) {
    if (ranges[c].min > ranges[c].max) problems.push(`ranges.${c}: min ${ranges[c].min} is above max ${ranges[c].max}`);
  }
  if (!(thresholds.mql < thresholds.sql && thresholds.sql < thresholds.hot)) {
    problems.push(`thresholds: expected mql < sql < hot, got ${thresholds.mql}, ${thresholds.sql}, ${thresholds.hot}`);
  }
  return { model: { points, ranges, thresholds }, problems };
}
