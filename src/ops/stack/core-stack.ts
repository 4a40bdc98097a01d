/**
 * Core MarTech stack categories with their integration priority. Critical categories are
 * the ones every marketing team needs connected; an audit flags any that are missing.
 */
export type CategoryPriority = 'critical' | 'high' | 'medium';

export interface CoreCategory {
  id: string;
  label: string;
  purpose: string;
  examples: readonly string[];
  priority: CategoryPriority;
  /** Other names people give the category in a stack inventory. */
  synonyms: readonly string[];
}

export const CORE_CATEGORIES: readonly CoreCategory[] = [
  { id: 'crm', label: 'CRM', purpose: 'customer and deal records', examples: ['Salesforce', 'HubSpot', 'Pipedrive'], priority: 'critical', synonyms: ['crm', 'customer relationship management'] },
  { id: 'marketing-automation', label: 'Marketing automation', purpose: 'workflows, nurture and lead scoring', examples: ['HubSpot', 'Marketo', 'ActiveCampaign'], priority: 'critical', synonyms: ['marketing automation', 'automation', 'map'] },
  { id: 'analytics', label: 'Analytics', purpose: 'traffic and behaviour tracking', examples: ['GA4', 'Mixpanel', 'Amplitude'], priority: 'critical', synonyms: ['analytics', 'web analytics', 'product analytics'] },
  { id: 'email', label: 'Email platform', purpose: 'sending and deliverability', examples: ['SendGrid', 'Mailchimp', 'Customer.io'], priority: 'critical', synonyms: ['email', 'email platform', 'esp', 'email service provider'] },
  { id: 'ads', label: 'Ad platforms', purpose: 'paid advertising', examples: ['Google Ads', 'Meta Ads', 'LinkedIn Ads'], priority: 'high', synonyms: ['ads', 'ad platform', 'ad platforms', 'advertising', 'paid ads', 'paid media'] },
  { id: 'seo', label: 'SEO tools', purpose: 'keyword research and rank tracking', examples: ['Ahrefs', 'Semrush', 'Moz'], priority: 'high', synonyms: ['seo', 'seo tool', 'seo tools'] },
  { id: 'cms', label: 'Content management', purpose: 'creating and hosting content', examples: ['WordPress', 'Webflow', 'Ghost'], priority: 'high', synonyms: ['cms', 'content management', 'website', 'content management system'] },
  { id: 'social', label: 'Social management', purpose: 'publishing and scheduling', examples: ['Buffer', 'Hootsuite', 'Sprout Social'], priority: 'medium', synonyms: ['social', 'social management', 'social media'] },
  { id: 'attribution', label: 'Attribution', purpose: 'multi-touch attribution', examples: ['Dreamdata', 'HockeyStack'], priority: 'medium', synonyms: ['attribution', 'multi touch attribution'] },
  { id: 'abm', label: 'ABM', purpose: 'account-based marketing (B2B)', examples: ['Demandbase', '6sense', 'Terminus'], priority: 'medium', synonyms: ['abm', 'account based marketing'] },
];

/** Categories where several tools side by side are normal, not an overlap. */
export const DEFAULT_MULTI_TOOL_CATEGORIES = ['ads'] as const;

const SYNONYMS = new Map(CORE_CATEGORIES.flatMap((c) => [[c.id, c.id] as const, ...c.synonyms.map((s) => [s, c.id] as const)]));

/** `Marketing Automation` → `marketing-automation`; unknown categories become a slug. */
export function normalizeCategory(category: string): string {
  const words = category.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return SYNONYMS.get(words) ?? SYNONYMS.get(words.replace(/ /g, '-')) ?? words.replace(/ /g, '-');
}
