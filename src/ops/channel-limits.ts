/**
 * The one table of channel copy limits used across the project (ops tools, skills, QA).
 *
 * These are the practical ceilings we check against: hard platform limits where the
 * platform enforces one (Google Ads, X, LinkedIn), and the common truncation points where
 * the platform only cuts text off on display (search snippets, inbox previews).
 * Characters are counted as user-perceived characters (grapheme clusters) after trimming,
 * so an emoji or an accented letter counts once. Google Ads counts some wide characters
 * (e.g. CJK) double; this table does not, so leave headroom for those scripts.
 *
 * ## Output contract limits
 *
 * A skill's `metadata.contract.limits` ties a `##` section of its output to one of these
 * ids; `checkOutputContract` (src/engine) enforces them on every step output, whether a
 * model wrote it or it was submitted in handoff mode. Channel limits apply to each list
 * item of the section (`- item` or `1. item`; surrounding quotes, emphasis and a trailing
 * "(28 chars)" note are ignored). An item at the limit passes; one character more fails.
 *
 * | Limit id           | Applies to                     | Passes when                                   |
 * |--------------------|--------------------------------|-----------------------------------------------|
 * | `rsa-headline`     | Google Ads RSA headlines       | each ≤ 30 characters, at most 15 items        |
 * | `rsa-description`  | Google Ads RSA descriptions    | each ≤ 90 characters, at most 4 items         |
 * | `meta-title`       | HTML page titles               | each ≤ 60 characters                          |
 * | `meta-description` | HTML meta descriptions         | each ≤ 155 characters                         |
 * | `x-post`           | X (Twitter) posts              | each ≤ 280 characters                         |
 * | `linkedin-post`    | LinkedIn posts                 | each ≤ 3000 characters                        |
 * | `email-subject`    | Email subject lines            | each ≤ 60 characters                          |
 * | `email-preheader`  | Email preheaders               | each ≤ 90 characters                          |
 * | `utm-links`        | every http(s) link in section  | each has utm_source, utm_medium, utm_campaign, all non-empty and lowercase |
 * | `brief-fields`     | a brief section                | it names objective (or goal), audience, key message (or message), call to action (or CTA), success metric (or metric, KPI), deadline (or due) and format |
 *
 * The last two are structural checks rather than lengths; `CONTRACT_LIMIT_IDS`
 * (src/skills/skill-capabilities.ts) lists every id a contract may use, and the skill
 * linter rejects others. A violation names the section, the limit and the offending
 * items with their counts, so a model can be asked to repair exactly that.
 */
export interface ChannelLimit {
  id: string;
  label: string;
  /** Maximum characters per text. */
  maxChars: number;
  /** Maximum number of texts of this kind in one unit (e.g. headlines per ad). */
  maxCount?: number;
  /** Where the number comes from and how firm it is. */
  source: string;
}

export const CHANNEL_LIMITS = {
  'rsa-headline': {
    id: 'rsa-headline',
    label: 'Google Ads responsive search ad headline',
    maxChars: 30,
    maxCount: 15,
    source: 'Google Ads RSA specs: up to 15 headlines of at most 30 characters each; enforced by the platform.',
  },
  'rsa-description': {
    id: 'rsa-description',
    label: 'Google Ads responsive search ad description',
    maxChars: 90,
    maxCount: 4,
    source: 'Google Ads RSA specs: up to 4 descriptions of at most 90 characters each; enforced by the platform.',
  },
  'meta-title': {
    id: 'meta-title',
    label: 'HTML page title (search result title)',
    maxChars: 60,
    source: 'Search engines cut titles by pixel width (about 600 px); 60 characters is the usual safe ceiling.',
  },
  'meta-description': {
    id: 'meta-description',
    label: 'HTML meta description (search result snippet)',
    maxChars: 155,
    source: 'Search snippets are cut around 920 px on desktop; 155 characters is the usual safe ceiling.',
  },
  'x-post': {
    id: 'x-post',
    label: 'X (Twitter) post',
    maxChars: 280,
    source: 'X limit for standard accounts (280); X weights some characters and links differently, so keep headroom.',
  },
  'linkedin-post': {
    id: 'linkedin-post',
    label: 'LinkedIn post',
    maxChars: 3000,
    source: 'LinkedIn member post limit (3,000); the feed shows roughly the first 200 characters before "see more".',
  },
  'email-subject': {
    id: 'email-subject',
    label: 'Email subject line',
    maxChars: 60,
    source: 'No protocol limit; desktop inboxes show about 60 characters and mobile fewer, so 60 is the working ceiling.',
  },
  'email-preheader': {
    id: 'email-preheader',
    label: 'Email preheader (preview text)',
    maxChars: 90,
    source: 'No protocol limit; inboxes show roughly 40-100 preview characters depending on client, so 90 is the ceiling.',
  },
} as const satisfies Record<string, ChannelLimit>;

export type ChannelLimitId = keyof typeof CHANNEL_LIMITS;

export const CHANNEL_LIMIT_IDS = Object.keys(CHANNEL_LIMITS) as [ChannelLimitId, ...ChannelLimitId[]];

/** The limit for an id, or undefined for an unknown id. */
export function getChannelLimit(id: string): ChannelLimit | undefined {
  return Object.hasOwn(CHANNEL_LIMITS, id) ? CHANNEL_LIMITS[id as ChannelLimitId] : undefined;
}

// Made on first use: building a segmenter loads ICU's break rules (tens of ms), which a
// server start that only lists tools should not pay.
let segmenter: Intl.Segmenter | undefined;

/** User-perceived characters (grapheme clusters) in the trimmed text. */
export function countCharacters(text: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let count = 0;
  for (const _ of segmenter.segment(text.trim())) count += 1;
  return count;
}
