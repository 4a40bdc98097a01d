import { z } from 'zod';
import { round } from '../shared/stats.js';
import {
  EVALUATION_CRITERIA,
  EVALUATION_CRITERION_IDS,
  costScore,
  criterionLabels,
  criterionScore,
  timeToValueScore,
  type CriterionScore,
  type EvaluationCriterion,
} from './tool-evaluation-criteria.js';

const scoreField = (criterion: EvaluationCriterion) => {
  const labels = criterionLabels(criterion);
  return z
    .union([z.enum(labels), z.number().int().min(1).max(3)])
    .describe(`${EVALUATION_CRITERIA[criterion].question} ${labels[0]} (3), ${labels[1]} (2), ${labels[2]} (1), or the score 1-3.`);
};

export const toolCandidateSchema = z
  .strictObject({
    name: z.string().min(1).describe('Tool name.'),
    problem: scoreField('problem'),
    integration: scoreField('integration'),
    cost: scoreField('cost').optional(),
    monthlyCost: z.number().min(0).optional().describe('Monthly cost, with monthlyBudget, instead of `cost`.'),
    monthlyBudget: z.number().positive().optional().describe('Monthly budget for this tool, with monthlyCost.'),
    timeToValue: scoreField('timeToValue').optional(),
    timeToValueDays: z.number().min(0).optional().describe('Days until the team gets value, instead of `timeToValue`.'),
    capability: scoreField('capability'),
    connectsToCrm: z.boolean().optional().describe('Whether it connects to the CRM. false is a hard fail whatever the other scores.'),
    notes: z.string().optional().describe('Anything else worth keeping with the evaluation.'),
  })
  .superRefine((c, ctx) => {
    if (c.cost === undefined && (c.monthlyCost === undefined || c.monthlyBudget === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['cost'], message: 'give `cost` (under-budget, at-budget, over-budget) or both monthlyCost and monthlyBudget' });
    }
    if (c.timeToValue === undefined && c.timeToValueDays === undefined) {
      ctx.addIssue({ code: 'custom', path: ['timeToValue'], message: 'give `timeToValue` (under-1-week, 1-4-weeks, 4-plus-weeks) or timeToValueDays' });
    }
  });

export type ToolCandidate = z.output<typeof toolCandidateSchema>;

export type Recommendation = 'adopt' | 'trial' | 'reject';

export interface EvaluationThresholds {
  /** Lowest weighted score (out of 3) to adopt. @default 2.5 */
  adopt: number;
  /** Lowest weighted score to trial. @default 2 */
  trial: number;
}

export const DEFAULT_EVALUATION_THRESHOLDS: EvaluationThresholds = { adopt: 2.5, trial: 2 };

export const CRM_RULE = 'Never add a tool that does not integrate with the CRM: disconnected data is worse than no data.';

export interface ToolEvaluation {
  rank: number;
  name: string;
  criteria: { criterion: EvaluationCriterion; score: CriterionScore; label: string; weight: number; weighted: number }[];
  /** Weighted score out of 3. */
  score: number;
  percent: number;
  recommendation: Recommendation;
  hardFail: boolean;
  reason: string;
}

export interface ToolComparison {
  candidates: ToolEvaluation[];
  /** The best candidate that is not rejected, if any. */
  best: string | null;
  thresholds: EvaluationThresholds;
  rule: string;
}

const ORDER: Record<Recommendation, number> = { adopt: 0, trial: 1, reject: 2 };

function scoreOf(c: ToolCandidate, criterion: EvaluationCriterion): CriterionScore {
  if (criterion === 'cost' && c.cost === undefined) return costScore(c.monthlyCost ?? 0, c.monthlyBudget ?? 1);
  if (criterion === 'timeToValue' && c.timeToValue === undefined) return timeToValueScore(c.timeToValueDays ?? 0);
  return criterionScore(criterion, c[criterion] as string | number) ?? 1;
}

/** Scores each candidate on the five weighted criteria and recommends adopt, trial or reject. */
export function evaluateTools(candidates: readonly ToolCandidate[], thresholds: EvaluationThresholds = DEFAULT_EVALUATION_THRESHOLDS): ToolComparison {
  const evaluated = candidates.map((c, index) => {
    const criteria = EVALUATION_CRITERION_IDS.map((criterion) => {
      const score = scoreOf(c, criterion);
      const weight = EVALUATION_CRITERIA[criterion].weight;
      return { criterion, score, label: EVALUATION_CRITERIA[criterion].labels[score], weight, weighted: round(score * weight, 4) };
    });
    const score = round(criteria.reduce((sum, k) => sum + k.score * k.weight, 0), 4);
    const percent = round((score / 3) * 100, 1);
    const integration = criteria.find((k) => k.criterion === 'integration')?.score;
    const hardFail = integration === 1 || c.connectsToCrm === false;
    let recommendation: Recommendation;
    let reason: string;
    if (hardFail) {
      recommendation = 'reject';
      reason = `${c.connectsToCrm === false ? 'It does not connect to the CRM' : 'It only integrates by manual export'}. ${CRM_RULE}`;
    } else {
      recommendation = score >= thresholds.adopt ? 'adopt' : score >= thresholds.trial ? 'trial' : 'reject';
      const sorted = [...criteria].sort((a, b) => b.score - a.score || b.weight - a.weight);
      const strongest = sorted.filter((k) => k.score === 3).map((k) => `${k.criterion} (${k.label})`);
      const weakest = sorted.filter((k) => k.score === 1).map((k) => `${k.criterion} (${k.label})`);
      const limit = recommendation === 'adopt' ? `at least ${thresholds.adopt}` : recommendation === 'trial' ? `between ${thresholds.trial} and ${thresholds.adopt}` : `below ${thresholds.trial}`;
      reason = `Weighted score ${score} of 3 (${percent}%) is ${limit}.${strongest.length > 0 ? ` Strong on ${strongest.join(', ')}.` : ''}${weakest.length > 0 ? ` Weak on ${weakest.join(', ')}.` : ''}`;
    }
    return { name: c.name, criteria, score, percent, recommendation, hardFail, reason, index };
  });
  evaluated.sort((a, b) => ORDER[a.recommendation] - ORDER[b.recommendation] || b.score - a.score || a.index - b.index);
  const ranked = evaluated.map(({ index: _index, ...e }, i) => ({ rank: i + 1, ...e }));
  const best = ranked.find((e) => e.recommendation !== 'reject')?.name ?? null;
  return { candidates: ranked, best, thresholds, rule: CRM_RULE };
}
