import { z } from 'zod';
import { defineOpsTool } from '../ops-tool.js';
import { markdownTable, mermaidBlock, mermaidLabel } from '../shared/markdown.js';
import { DEFAULT_EVALUATION_THRESHOLDS, evaluateTools, toolCandidateSchema } from './evaluate-tools.js';
import { EVALUATION_CRITERIA, EVALUATION_CRITERION_IDS } from './tool-evaluation-criteria.js';

const inputSchema = z.strictObject({
  candidates: z.array(toolCandidateSchema).min(1).describe('One or more tools to evaluate and compare.'),
  thresholds: z
    .strictObject({
      adopt: z.number().min(1).max(3).default(DEFAULT_EVALUATION_THRESHOLDS.adopt).describe('Lowest weighted score (of 3) to adopt.'),
      trial: z.number().min(1).max(3).default(DEFAULT_EVALUATION_THRESHOLDS.trial).describe('Lowest weighted score (of 3) to trial.'),
    })
    .optional()
    .describe('Recommendation thresholds.'),
});

const outputSchema = z.object({
  candidates: z
    .array(
      z.object({
        rank: z.number().int().describe('1 = best recommendation.'),
        name: z.string().describe('Tool name.'),
        criteria: z
          .array(
            z.object({
              criterion: z.enum(EVALUATION_CRITERION_IDS).describe('Criterion.'),
              score: z.number().int().describe('Score 1-3.'),
              label: z.string().describe('What the score means.'),
              weight: z.number().describe('Weight of the criterion.'),
              weighted: z.number().describe('Score × weight.'),
            }),
          )
          .describe('Per-criterion scores.'),
        score: z.number().describe('Weighted score out of 3.'),
        percent: z.number().describe('Weighted score as a percentage of 3.'),
        recommendation: z.enum(['adopt', 'trial', 'reject']).describe('What to do.'),
        hardFail: z.boolean().describe('True when the CRM rule rejects the tool whatever its score.'),
        reason: z.string().describe('Why.'),
      }),
    )
    .describe('Candidates, best recommendation first.'),
  best: z.string().nullable().describe('The best candidate that is not rejected.'),
  thresholds: z.object({ adopt: z.number(), trial: z.number() }).describe('Thresholds used.'),
  rule: z.string().describe('The CRM integration rule.'),
});

export const evaluateToolOpsTool = defineOpsTool({
  name: 'evaluate_tool',
  title: 'Evaluate MarTech tools',
  description:
    'Scores one or more candidate marketing tools with the stack evaluation framework: validated problem 30%, integration 25%, cost 20%, time to value 15%, team capability 10%, each 1-3. Use it before buying or renewing a tool, or to compare shortlisted vendors. Returns the weighted score out of 3 and as a percentage, and adopt / trial / reject with the reason; a tool that cannot connect to the CRM (manual export only) is always rejected.',
  inputSchema,
  outputSchema,
  examples: [
    {
      title: 'Two analytics tools',
      input: {
        candidates: [
          { name: 'Mixpanel', problem: 'clear-need', integration: 'native', monthlyCost: 800, monthlyBudget: 1000, timeToValueDays: 10, capability: 'training-needed' },
          { name: 'Spreadsheet BI', problem: 'nice-to-have', integration: 'manual-export', cost: 'under-budget', timeToValue: 'under-1-week', capability: 'self-serve' },
        ],
      },
    },
  ],
  execute: (input) => evaluateTools(input.candidates, input.thresholds ?? DEFAULT_EVALUATION_THRESHOLDS),
  toMarkdown(output) {
    const header = ['#', 'Tool', ...EVALUATION_CRITERION_IDS.map((c) => `${c} (${EVALUATION_CRITERIA[c].weight * 100}%)`), 'Score', 'Recommendation'];
    const rows = output.candidates.map((c) => [
      c.rank,
      c.name,
      ...c.criteria.map((k) => `${k.score} ${k.label}`),
      `${c.score} / 3 (${c.percent}%)`,
      `**${c.recommendation}**`,
    ]);
    return [
      '## Tool evaluation',
      '',
      output.best ? `Best option: **${output.best}**.` : 'No candidate is worth adopting or trialling.',
      '',
      markdownTable(header, rows),
      '',
      ...output.candidates.map((c) => `- **${c.name}**: ${c.reason}`),
      '',
      mermaidBlock(
        [
          'xychart-beta',
          '  title "Weighted score (of 3)"',
          `  x-axis [${output.candidates.map((c) => `"${mermaidLabel(c.name)}"`).join(', ')}]`,
          '  y-axis "Score" 0 --> 3',
          `  bar [${output.candidates.map((c) => c.score).join(', ')}]`,
        ].join('\n'),
      ),
      '',
      `_${output.rule}_`,
    ].join('\n');
  },
});
