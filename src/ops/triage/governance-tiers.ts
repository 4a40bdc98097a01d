/**
 * Tiered governance: the lighter the risk, the lighter the workflow. Low-risk work gets a
 * short path, revenue campaigns the full QA gate, regulated launches maximum control.
 */
export const GOVERNANCE_TIERS = ['low-risk', 'revenue', 'regulated'] as const;
export type GovernanceTier = (typeof GOVERNANCE_TIERS)[number];

/** QA gate checks before anything launches. */
export const QA_GATE_CHECKS = {
  trackingIntegrity: 'Tracking integrity: events fire, UTMs follow the standard, CRM routing confirmed',
  brandCompliance: 'Brand & compliance: claims validated, regulated wording approved, positioning aligned',
  operationalStability: 'Operational stability: links work, forms tested, rollback path defined',
} as const;

export const TIER_APPROVALS: Record<GovernanceTier, readonly string[]> = {
  'low-risk': ['Accountable owner signs off', 'Light QA: links work and UTMs follow the standard'],
  revenue: [
    'Campaign manager prepares the launch; marketing director approves it',
    'Marketing ops signs off tracking and CRM setup',
    QA_GATE_CHECKS.trackingIntegrity,
    QA_GATE_CHECKS.brandCompliance,
    QA_GATE_CHECKS.operationalStability,
  ],
  regulated: [
    'Campaign manager prepares the launch; marketing director approves it',
    'Marketing ops signs off tracking and CRM setup',
    'Legal/compliance approves every claim and all regulated wording',
    'Data-protection review of any personal data: consent, purpose, retention',
    QA_GATE_CHECKS.trackingIntegrity,
    QA_GATE_CHECKS.brandCompliance,
    QA_GATE_CHECKS.operationalStability,
  ],
};

export interface TierFlags {
  touchesPipeline?: boolean | undefined;
  regulatedClaims?: boolean | undefined;
  personalData?: boolean | undefined;
  changesBudget?: boolean | undefined;
  changesChannelStrategy?: boolean | undefined;
}

/** Picks the tier from the request's flags and says why. */
export function governanceTier(flags: TierFlags): { tier: GovernanceTier; because: string } {
  const regulated = [flags.regulatedClaims && 'makes regulated claims', flags.personalData && 'uses personal data'].filter(Boolean) as string[];
  if (regulated.length > 0) return { tier: 'regulated', because: regulated.join(' and ') };
  const revenue = [
    flags.touchesPipeline && 'touches pipeline',
    flags.changesBudget && 'moves budget',
    flags.changesChannelStrategy && 'changes channel strategy',
  ].filter(Boolean) as string[];
  if (revenue.length > 0) return { tier: 'revenue', because: revenue.join(' and ') };
  return { tier: 'low-risk', because: 'no pipeline, budget, regulated or personal-data flag' };
}
