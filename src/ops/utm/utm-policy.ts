import { z } from 'zod';

/** Mediums allowed by default (the seed's channel types plus common paid variants). */
export const DEFAULT_ALLOWED_MEDIUMS = ['cpc', 'organic', 'email', 'social', 'referral', 'paid-social', 'display', 'affiliate'] as const;

/** Mediums that mean paid search, the only place `utm_term` (the keyword) belongs. */
export const DEFAULT_PAID_SEARCH_MEDIUMS = ['cpc', 'ppc', 'paid-search'] as const;

/** The UTM parameters with rules, in the order they are written into a URL. */
export const UTM_PARAMS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'] as const;
export type UtmParam = (typeof UTM_PARAMS)[number];

/** Further UTM parameters GA4 understands; kept as they are, never flagged. */
export const EXTRA_UTM_PARAMS = ['utm_id', 'utm_source_platform', 'utm_creative_format', 'utm_marketing_tactic'] as const;

export const REQUIRED_UTM_PARAMS: readonly UtmParam[] = ['utm_source', 'utm_medium', 'utm_campaign'];

export interface UtmPolicy {
  allowedMediums: readonly string[];
  paidSearchMediums: readonly string[];
  /** Known campaign names (the shared registry); when absent, campaigns are not checked. */
  campaigns?: readonly string[];
}

export const utmPolicySchema = z
  .strictObject({
    allowedMediums: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe(`Allowed utm_medium values. Default: ${DEFAULT_ALLOWED_MEDIUMS.join(', ')}.`),
    paidSearchMediums: z
      .array(z.string().min(1))
      .optional()
      .describe(`Mediums that count as paid search, where utm_term is allowed. Default: ${DEFAULT_PAID_SEARCH_MEDIUMS.join(', ')}.`),
    campaigns: z
      .array(z.string().min(1))
      .optional()
      .describe('The campaign-name registry. A utm_campaign not listed here is a warning. Omit to skip the check.'),
  })
  .describe('Team UTM rules; every field is optional and falls back to the defaults.');

export type UtmPolicyInput = z.input<typeof utmPolicySchema>;

/** Fills in defaults. Values are compared in normalised form (lowercase, hyphens). */
export function resolveUtmPolicy(input: UtmPolicyInput = {}): UtmPolicy {
  const lower = (values: readonly string[]) => values.map((v) => v.trim().toLowerCase());
  return {
    allowedMediums: lower(input.allowedMediums ?? DEFAULT_ALLOWED_MEDIUMS),
    paidSearchMediums: lower(input.paidSearchMediums ?? DEFAULT_PAID_SEARCH_MEDIUMS),
    ...(input.campaigns ? { campaigns: lower(input.campaigns) } : {}),
  };
}
