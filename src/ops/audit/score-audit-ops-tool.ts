import { z } from 'zod';
import { defineOpsTool } from '../ops-tool.js';
import { bulletList, fixed, markdownTable, mermaidBlock } from '../shared/markdown.js';
import { AUDIT_AREAS, AUDIT_AREA_INFO, AUDIT_SCALE } from './audit-areas.js';
import { scoreAudit } from './score-audit.js';

const scale = Object.entries(AUDIT_SCALE)
  .map(([score, s]) => `${score} ${s.status.toLowerCase()}`)
  .join(', ');

const inputSchema = z.strictObject({
  scores: z
    .strictObject(
      Object.fromEntries(
        AUDIT_AREAS.map((a) => [a, z.number().int().min(1).max(5).optional().describe(`${AUDIT_AREA_INFO[a].label} (${AUDIT_AREA_INFO[a].assess}), 1-5.`)]),
      ) as Record<(typeof AUDIT_AREAS)[number], z.ZodOptional<z.ZodNumber>>,
    )
    .describe(`Score per audit area: ${scale}. Leave out areas not assessed yet.`),
  notes: z
    .strictObject(Object.fromEntries(AUDIT_AREAS.map((a) => [a, z.string().optional().describe(`Evidence or remarks for ${AUDIT_AREA_INFO[a].label}.`)])) as Record<(typeof AUDIT_AREAS)[number], z.ZodOptional<z.ZodString>>)
    .optional()
    .describe('Optional evidence per area, carried into the report.'),
});

const outputSchema = z.object({
  areas: z
    .array(
      z.object({
        area: z.enum(AUDIT_AREAS).describe('Area id.'),
        label: z.string().describe('Area name.'),
        score: z.number().int().describe('Score 1-5.'),
        status: z.string().describe('What the score means.'),
        action: z.string().describe('What to do next.'),
        assess: z.string().describe('What the area covers.'),
        keyQuestions: z.array(z.string()).describe('Questions to answer for this area.'),
        note: z.string().optional().describe('Evidence given.'),
      }),
    )
    .describe('Scored areas, weakest first.'),
  unscored: z
    .array(z.object({ area: z.enum(AUDIT_AREAS), label: z.string(), assess: z.string(), keyQuestions: z.array(z.string()) }))
    .describe('Areas not scored yet, with what to assess.'),
  average: z.number().describe('Mean score of the scored areas.'),
  overallStatus: z.string().describe('Status of the rounded average.'),
  fixFirst: z.array(z.enum(AUDIT_AREAS)).describe('Areas scored 1-2.'),
});

export const scoreAuditOpsTool = defineOpsTool({
  name: 'score_audit',
  title: 'Score a marketing audit',
  description:
    'Turns 1-5 scores for the eight marketing audit areas (strategy, content, SEO, paid, email, social, MarTech, data) into a status and next action per area (1 not present: build; 3 functional: optimise; 5 best-in-class: protect and document), the overall average, and a weakest-first plan with the key questions for each area. Use it to summarise a marketing audit or to plan where to invest next quarter. Returns the areas sorted weakest first, unscored areas, the average, and a Markdown report with a chart.',
  inputSchema,
  outputSchema,
  examples: [{ title: 'A partial audit', input: { scores: { strategy: 3, content: 4, seo: 2, paid: 3, email: 1, martech: 2 }, notes: { email: 'No nurture sequence exists.' } } }],
  execute: (input) => scoreAudit(input.scores, input.notes),
  toMarkdown(output) {
    const chartAreas = AUDIT_AREAS.filter((a) => output.areas.some((r) => r.area === a));
    const scoreOf = (a: string) => output.areas.find((r) => r.area === a)?.score ?? 0;
    const lines = [
      '## Marketing audit',
      '',
      `Average **${fixed(output.average)} / 5** (${output.overallStatus}) over ${output.areas.length} area(s).${output.fixFirst.length > 0 ? ` Fix first: ${output.fixFirst.map((a) => AUDIT_AREA_INFO[a].label).join(', ')}.` : ''}`,
      '',
      markdownTable(
        ['Area', 'Score', 'Status', 'Action', 'Key questions'],
        output.areas.map((a) => [a.label, a.score, a.status, a.action, [...a.keyQuestions, ...(a.note ? [`Note: ${a.note}`] : [])].join(' ')]),
        ['left', 'right', 'left', 'left', 'left'],
      ),
      '',
      mermaidBlock(
        [
          'xychart-beta',
          '  title "Audit scores by area"',
          `  x-axis [${chartAreas.map((a) => `"${AUDIT_AREA_INFO[a].label}"`).join(', ')}]`,
          '  y-axis "Score" 0 --> 5',
          `  bar [${chartAreas.map(scoreOf).join(', ')}]`,
        ].join('\n'),
      ),
    ];
    if (output.unscored.length > 0) {
      lines.push('', '### Not scored yet', bulletList(output.unscored.map((u) => `**${u.label}** (${u.assess}): ${u.keyQuestions.join(' ')}`)));
    }
    return lines.join('\n');
  },
});
