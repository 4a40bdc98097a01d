import { z } from 'zod';
import { defineOpsTool } from '../ops-tool.js';
import { parseIsoDate } from '../shared/dates.js';
import { bulletList, markdownTable } from '../shared/markdown.js';
import { isoDate } from '../shared/zod-fields.js';
import { SEVERITIES, STACK_CHECKLIST, auditStack } from './audit-stack.js';
import { DEFAULT_MULTI_TOOL_CATEGORIES } from './core-stack.js';
import { parseStackText } from './parse-stack-text.js';
import { stackSchema } from './stack-schema.js';

const inputSchema = z
  .strictObject({
    stack: stackSchema.optional().describe('The stack as JSON (use this or `text`).'),
    text: z.string().optional().describe('The stack as YAML or JSON text: a `tools:` list (use this or `stack`).'),
    source: z.string().optional().describe('File name of the text, used in messages such as `stack.yaml:12:5: ...`.'),
    today: isoDate('The date contract reviews are judged against (YYYY-MM-DD). Default: today.').optional(),
    multiToolCategories: z
      .array(z.string())
      .default([...DEFAULT_MULTI_TOOL_CATEGORIES])
      .describe('Categories where several tools are normal and not an overlap (default: ads).'),
  })
  .refine((input) => (input.stack === undefined) !== (input.text === undefined), { error: 'pass exactly one of `stack` or `text`' });

const finding = z.object({
  check: z.string().describe('Checklist item (owner, connected, noOverlap, contractReviewed, dataFlowsDocumented, integrationMonitored, adoption) or coreCategories/names.'),
  severity: z.enum(SEVERITIES).describe('critical, high, medium or low.'),
  message: z.string().describe('What is wrong and what to do.'),
});

const outputSchema = z.object({
  today: z.string().describe('Date used for contract review ages.'),
  tools: z
    .array(
      z.object({
        name: z.string().describe('Tool name.'),
        categories: z.array(z.string()).describe('Normalised categories.'),
        status: z.enum(['ok', 'review', 'act']).describe('act: high findings; review: medium findings; ok otherwise.'),
        findings: z.array(finding).describe('Findings for this tool.'),
      }),
    )
    .describe('Per-tool results in input order.'),
  stackFindings: z.array(finding).describe('Findings about the stack as a whole (missing critical categories, duplicates).'),
  checklist: z
    .array(z.object({ check: z.string(), item: z.string(), passing: z.number().int(), failing: z.array(z.string()) }))
    .describe('Each checklist item with the tools that fail it.'),
  coreCategories: z
    .array(z.object({ id: z.string(), label: z.string(), priority: z.enum(['critical', 'high', 'medium']), tools: z.array(z.string()) }))
    .describe('Core stack categories and the tools covering them.'),
  summary: z
    .object({
      tools: z.number().int(),
      findings: z.object(Object.fromEntries(SEVERITIES.map((s) => [s, z.number().int()])) as Record<(typeof SEVERITIES)[number], z.ZodNumber>),
      monthlySpend: z.number(),
      unusedSpend: z.number(),
    })
    .describe('Counts and spend.'),
});

export const auditStackOpsTool = defineOpsTool({
  name: 'audit_stack',
  title: 'Audit the MarTech stack',
  description:
    'Audits a MarTech stack inventory (YAML or JSON: each tool with category, owner, CRM/warehouse connection, cost, seats and active users, last contract review, integrations) against the stack checklist: a clear owner, connected to the CRM or warehouse, no overlapping tools, contracts reviewed within 12 months, documented data flows, monitored integrations, adoption. Use it for an annual stack review or before budget planning. Returns findings per tool with severity, the checklist status, missing critical categories (CRM, marketing automation, analytics, email) and spend on unused tools.',
  inputSchema,
  outputSchema,
  fileInput: { field: 'text', sourceField: 'source', formats: ['yaml', 'json'] },
  examples: [
    {
      title: 'Small stack',
      input: {
        text: [
          'tools:',
          '  - name: HubSpot',
          '    category: [crm, marketing automation]',
          '    owner: Dana',
          '    monthly_cost: 1200',
          '    seats: 10',
          '    active_users: 9',
          '    last_contract_review: 2025-01-15',
          '    data_flows_documented: true',
          '  - name: Hotjar',
          '    category: analytics',
          '    connects_to_crm: false',
          '    monthly_cost: 99',
          '    active_users: 0',
        ].join('\n'),
        source: 'stack.yaml',
        today: '2025-06-01',
      },
    },
  ],
  execute(input, deps) {
    const stack = input.text !== undefined ? parseStackText(input.text, input.source ?? 'stack.yaml') : (input.stack ?? { tools: [] });
    const today = input.today ? (parseIsoDate(input.today) ?? new Date()) : (deps.now?.() ?? new Date());
    return auditStack(stack, { today, multiToolCategories: input.multiToolCategories });
  },
  toMarkdown(output) {
    const s = output.summary;
    const lines = [
      '## Stack audit',
      '',
      `${s.tools} tool(s), ${s.monthlySpend}/month. Findings: ${SEVERITIES.map((v) => `${s.findings[v]} ${v}`).join(', ')}.${s.unusedSpend > 0 ? ` Unused tools cost ${s.unusedSpend}/month.` : ''}`,
    ];
    if (output.stackFindings.length > 0) lines.push('', '### Stack', bulletList(output.stackFindings.map((f) => `**${f.severity}**: ${f.message}`)));
    lines.push(
      '',
      '### Checklist',
      markdownTable(
        ['Check', 'Passing', 'Failing tools'],
        output.checklist.map((c) => [STACK_CHECKLIST[c.check as keyof typeof STACK_CHECKLIST] ?? c.item, `${c.passing}/${s.tools}`, c.failing.join(', ') || '-']),
        ['left', 'right', 'left'],
      ),
      '',
      '### Tools',
      markdownTable(
        ['Tool', 'Categories', 'Status', 'Findings'],
        output.tools.map((t) => [t.name, t.categories.join(', '), t.status, t.findings.map((f) => `${f.severity}: ${f.message}`).join('; ') || '-']),
      ),
      '',
      '### Core categories',
      markdownTable(
        ['Category', 'Priority', 'Tools'],
        output.coreCategories.map((c) => [c.label, c.priority, c.tools.join(', ') || (c.priority === 'critical' ? '**missing**' : '-')]),
      ),
    );
    return lines.join('\n');
  },
});
