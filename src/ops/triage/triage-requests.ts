import { readTable, type RejectedRow, type TabularInput } from '../shared/read-table.js';
import { round } from '../shared/stats.js';
import { decideBudgetChange, DEFAULT_BUDGET_VARIANCE_PCT, type BudgetDecision } from './decide-budget-change.js';
import { GOVERNANCE_TIERS, TIER_APPROVALS, governanceTier, type GovernanceTier } from './governance-tiers.js';
import { triageRequestRowSchema, type TriageRequestRow } from './triage-request-row.js';

export const TRIAGE_DIMENSIONS = ['impact', 'confidence', 'effort', 'risk'] as const;
export type TriageDimension = (typeof TRIAGE_DIMENSIONS)[number];

export const PRIORITY_FORMULA =
  'priority = impact × confidence ÷ effort × (1 − 0.1 × (risk − 1)); each dimension 1-5, so risk 1 costs nothing and risk 5 takes 40% off. Range 0.12-25. Blocked requests (no brief) rank last.';

export interface DimensionScore {
  value: number;
  source: 'given' | 'derived' | 'default';
  why: string;
}

export interface TriagedRequest {
  rank: number;
  id: string;
  title: string;
  line?: number;
  scores: Record<TriageDimension, DimensionScore>;
  priority: number;
  tier: GovernanceTier;
  approvals: string[];
  budgetDecision?: BudgetDecision;
  blocked: boolean;
  explanation: string;
}

export interface TriageResult {
  formula: string;
  ranked: TriagedRequest[];
  tiers: Record<GovernanceTier, number>;
  blocked: number;
  rejectedRows: RejectedRow[];
  notes: string[];
}

export interface TriageInput extends TabularInput {
  skipInvalidRows?: boolean | undefined;
  /** Budget shift a media buyer may make alone, in percent. @default 15 */
  budgetVariancePct?: number | undefined;
}

function scoreDimensions(r: TriageRequestRow): Record<TriageDimension, DimensionScore> {
  const impact: DimensionScore =
    r.impact !== undefined
      ? { value: r.impact, source: 'given', why: 'given' }
      : r.touches_pipeline !== undefined
        ? { value: r.touches_pipeline ? 4 : 2, source: 'derived', why: r.touches_pipeline ? 'touches pipeline' : 'does not touch pipeline' }
        : { value: 2, source: 'default', why: 'no pipeline link recorded' };

  const known = [r.has_brief, r.has_success_metric].filter((v) => v !== undefined).length;
  const confidence: DimensionScore =
    r.confidence !== undefined
      ? { value: r.confidence, source: 'given', why: 'given' }
      : known > 0
        ? {
            value: 2 + (r.has_brief ? 1 : 0) + (r.has_success_metric ? 1 : 0),
            source: 'derived',
            why: `${r.has_brief ? 'has' : 'no'} brief, ${r.has_success_metric ? 'has' : 'no'} success metric`,
          }
        : { value: 3, source: 'default', why: 'brief and metric not recorded' };

  const hours = r.estimated_hours;
  const effort: DimensionScore =
    r.effort !== undefined
      ? { value: r.effort, source: 'given', why: 'given' }
      : hours !== undefined
        ? { value: hours <= 4 ? 1 : hours <= 16 ? 2 : hours <= 40 ? 3 : hours <= 80 ? 4 : 5, source: 'derived', why: `about ${hours} hour(s)` }
        : { value: 3, source: 'default', why: 'no estimate' };

  const flagsKnown = [r.regulated_claims, r.personal_data, r.touches_pipeline].some((v) => v !== undefined);
  const risk: DimensionScore =
    r.risk !== undefined
      ? { value: r.risk, source: 'given', why: 'given' }
      : r.regulated_claims
        ? { value: 5, source: 'derived', why: 'regulated claims' }
        : r.personal_data
          ? { value: 4, source: 'derived', why: 'personal data' }
          : r.touches_pipeline
            ? { value: 3, source: 'derived', why: 'pipeline at stake' }
            : flagsKnown
              ? { value: 1, source: 'derived', why: 'no risk flags' }
              : { value: 2, source: 'default', why: 'risk not assessed' };
  return { impact, confidence, effort, risk };
}

/** impact × confidence ÷ effort, less 10% per risk point above 1. */
export function priorityScore(s: { impact: number; confidence: number; effort: number; risk: number }): number {
  return round(((s.impact * s.confidence) / s.effort) * (1 - 0.1 * (s.risk - 1)));
}

/**
 * Scores and ranks a backlog of requests on impact, confidence, effort and risk, assigns
 * each a governance tier with its approvals, and decides who may approve budget changes.
 */
export function triageRequests(input: TriageInput): TriageResult {
  const table = readTable({ rowSchema: triageRequestRowSchema }, input, { skipInvalidRows: input.skipInvalidRows ?? false });
  const threshold = input.budgetVariancePct ?? DEFAULT_BUDGET_VARIANCE_PCT;
  const items = table.rows.map(({ value: r, line, index }) => {
    const scores = scoreDimensions(r);
    const values = { impact: scores.impact.value, confidence: scores.confidence.value, effort: scores.effort.value, risk: scores.risk.value };
    const priority = priorityScore(values);
    const { tier, because } = governanceTier({
      touchesPipeline: r.touches_pipeline,
      regulatedClaims: r.regulated_claims,
      personalData: r.personal_data,
      changesBudget: r.budget_change_pct !== undefined && r.budget_change_pct !== 0,
      changesChannelStrategy: r.channel_strategy_change,
    });
    const budgetDecision = decideBudgetChange({ variancePct: r.budget_change_pct, changesChannelStrategy: r.channel_strategy_change }, threshold);
    const blocked = r.has_brief === false;
    const raw = (values.impact * values.confidence) / values.effort;
    const riskCut = values.risk > 1 ? `, −${(values.risk - 1) * 10}% for risk ${values.risk}` : '';
    const parts = [
      `${blocked ? 'Blocked until a brief exists (no brief, no work); ' : ''}priority ${priority} (impact ${values.impact} × confidence ${values.confidence} ÷ effort ${values.effort} = ${round(raw)}${riskCut})`,
      `${tier} tier because it ${because}`.replace('because it no ', 'because there is no '),
    ];
    if (budgetDecision) parts.push(`${budgetDecision.decider.replace('-', ' ')} decides because ${budgetDecision.reason}`);
    return {
      id: r.id,
      title: r.title,
      ...(line === undefined ? {} : { line }),
      scores,
      priority,
      tier,
      approvals: [...TIER_APPROVALS[tier]],
      ...(budgetDecision ? { budgetDecision } : {}),
      blocked,
      explanation: `${parts.join('; ')}.`,
      index,
    };
  });
  items.sort(
    (a, b) =>
      Number(a.blocked) - Number(b.blocked) ||
      b.priority - a.priority ||
      b.scores.impact.value - a.scores.impact.value ||
      a.scores.risk.value - b.scores.risk.value ||
      a.index - b.index,
  );
  const ranked: TriagedRequest[] = items.map(({ index: _index, ...item }, i) => ({ rank: i + 1, ...item }));
  const tiers = Object.fromEntries(GOVERNANCE_TIERS.map((t) => [t, 0])) as Record<GovernanceTier, number>;
  for (const item of ranked) tiers[item.tier] += 1;
  const notes: string[] = [];
  if (table.unknownColumns.length > 0) notes.push(`ignored column(s): ${table.unknownColumns.join(', ')}`);
  const defaults = ranked.filter((r) => TRIAGE_DIMENSIONS.some((d) => r.scores[d].source === 'default')).map((r) => r.id);
  if (defaults.length > 0) notes.push(`default scores were used for ${defaults.join(', ')}: give the scores or the fields they derive from`);
  if (table.rejected.length > 0) notes.push(`${table.rejected.length} invalid row(s) were left out; see rejectedRows`);
  return { formula: PRIORITY_FORMULA, ranked, tiers, blocked: ranked.filter((r) => r.blocked).length, rejectedRows: table.rejected, notes };
}
