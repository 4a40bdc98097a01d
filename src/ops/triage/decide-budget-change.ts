/**
 * Decision tiers for budget changes: a media buyer may move budget within the variance
 * threshold (15% by default) alone; a bigger shift needs the account director; a change
 * of channel strategy needs the client.
 */
export type BudgetDecider = 'media-buyer' | 'account-director' | 'client';

export const DEFAULT_BUDGET_VARIANCE_PCT = 15;

export interface BudgetDecision {
  decider: BudgetDecider;
  reason: string;
}

export function decideBudgetChange(
  change: { variancePct?: number | undefined; changesChannelStrategy?: boolean | undefined },
  thresholdPct = DEFAULT_BUDGET_VARIANCE_PCT,
): BudgetDecision | undefined {
  if (change.changesChannelStrategy) {
    return { decider: 'client', reason: 'it changes the channel strategy, which needs a client conversation' };
  }
  if (change.variancePct === undefined) return undefined;
  const size = Math.abs(change.variancePct);
  if (size <= thresholdPct) {
    return { decider: 'media-buyer', reason: `a ${size}% budget shift is within the ${thresholdPct}% the media buyer may move alone` };
  }
  return { decider: 'account-director', reason: `a ${size}% budget shift is above ${thresholdPct}% and needs account director sign-off` };
}
