/** Weights of the scoring model; tuned on the labelled set, kept in one place. */
export interface ScoringWeights {
  /** Share of a partially matched phrase's weight that still counts. */
  partial: number;
  /** Weight of the 2nd and 3rd best phrase matches of a candidate. */
  second: number;
  third: number;
  /** Multiplier of the BM25 score (normalised by query length). */
  bm25: number;
  /** Weight of the best phrase match in the marketing evidence. */
  evidencePhrase: number;
  /** Lift for analytics skills when the request is mostly figures to read. */
  data: number;
  /** Evidence when the request carries pasted material to work on. */
  pasted: number;
  /** Evidence when the request is about the user's own business. */
  business: number;
  /** Share of other-domain weight that still counts in a business request. */
  businessOffDomain: number;
  /** Evidence per plain-words marketing goal ("get more customers"). */
  intent: number;
  /** Share of its score a playbook keeps when nothing asks for a whole campaign. */
  playbookWithoutScope: number;
  /** Evidence added when the request is essentially one of the triggers. */
  exactTrigger: number;
  /** Multiplier of other-domain words against the evidence. */
  offDomain: number;
  /** How much a matched "Not This" rule takes from its owner and gives to its target. */
  rulePenalty: number;
  ruleBoost: number;
  /** Penalty share for candidates whose phrases match what the request rules out. */
  excluded: number;
  /** How much a whole-campaign request lifts the playbooks. */
  campaign: number;
  /** The most marketing evidence a request for another department's work keeps. */
  offDomainTaskCap: number;
  /** Multiplier of the example classifier's probability in each candidate's score. */
  learned: number;
  /** Evidence per unit of the classifier's marketing log-odds, above and below zero, and their bound. */
  scopeFor: number;
  scopeAgainst: number;
  scopeClip: number;
  /** Distinct stems a request needs before looking like marketing adds evidence. */
  scopeMinTerms: number;
  /** Marketing log-odds below which looking like marketing adds nothing. */
  scopeMargin: number;
}

export const DEFAULT_WEIGHTS: ScoringWeights = {
  partial: 0.5,
  second: 0.35,
  third: 0.15,
  bm25: 6,
  evidencePhrase: 0.3,
  offDomain: 1.0,
  exactTrigger: 1.0,
  intent: 1.2,
  business: 0.5,
  data: 5,
  pasted: 0.3,
  businessOffDomain: 0.3,
  playbookWithoutScope: 0.5,
  rulePenalty: 1.0,
  ruleBoost: 0.6,
  excluded: 0.8,
  campaign: 5,
  offDomainTaskCap: 0,
  learned: 10,
  scopeFor: 0.45,
  scopeAgainst: 0.5,
  scopeClip: 3.5,
  scopeMinTerms: 4,
  scopeMargin: 1,
};
