/**
 * The stack evaluation framework: five criteria, each scored 1-3, weighted into a score
 * out of 3. Labels are the words a buyer would use for each score.
 */
export const EVALUATION_CRITERIA = {
  problem: {
    question: 'Does it solve a validated problem?',
    weight: 0.3,
    labels: { 3: 'clear-need', 2: 'nice-to-have', 1: 'speculative' },
  },
  integration: {
    question: 'Does it integrate with the existing stack?',
    weight: 0.25,
    labels: { 3: 'native', 2: 'api', 1: 'manual-export' },
  },
  cost: {
    question: 'Total cost of ownership against budget',
    weight: 0.2,
    labels: { 3: 'under-budget', 2: 'at-budget', 1: 'over-budget' },
  },
  timeToValue: {
    question: 'Time to value',
    weight: 0.15,
    labels: { 3: 'under-1-week', 2: '1-4-weeks', 1: '4-plus-weeks' },
  },
  capability: {
    question: 'Can the team use it?',
    weight: 0.1,
    labels: { 3: 'self-serve', 2: 'training-needed', 1: 'expert-required' },
  },
} as const;

export type EvaluationCriterion = keyof typeof EVALUATION_CRITERIA;
export const EVALUATION_CRITERION_IDS = Object.keys(EVALUATION_CRITERIA) as [EvaluationCriterion, ...EvaluationCriterion[]];
export type CriterionScore = 1 | 2 | 3;

/** Label values per criterion, best first, for schemas and messages. */
export function criterionLabels(criterion: EvaluationCriterion): [string, string, string] {
  const labels = EVALUATION_CRITERIA[criterion].labels;
  return [labels[3], labels[2], labels[1]];
}

/** The score of a label or number; undefined when neither. */
export function criterionScore(criterion: EvaluationCriterion, value: string | number): CriterionScore | undefined {
  if (typeof value === 'number') return value === 1 || value === 2 || value === 3 ? value : undefined;
  const labels = EVALUATION_CRITERIA[criterion].labels;
  for (const score of [3, 2, 1] as const) if (labels[score] === value) return score;
  return undefined;
}

/** Cost against budget: up to 90% of budget is under, up to 100% at, above is over. */
export function costScore(monthlyCost: number, monthlyBudget: number): CriterionScore {
  if (monthlyCost <= monthlyBudget * 0.9) return 3;
  if (monthlyCost <= monthlyBudget) return 2;
  return 1;
}

/** Days to first value: up to 7 is under a week, up to 28 is 1-4 weeks, more is 4+ weeks. */
export function timeToValueScore(days: number): CriterionScore {
  if (days <= 7) return 3;
  if (days <= 28) return 2;
  return 1;
}
