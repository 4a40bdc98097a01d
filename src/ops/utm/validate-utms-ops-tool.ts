import { z } from 'zod';
import { defineOpsTool } from '../ops-tool.js';
import { markdownTable } from '../shared/markdown.js';
import { resolveUtmPolicy, utmPolicySchema } from './utm-policy.js';
import { utmIssueSchema, utmParamsSchema } from './utm-schemas.js';
import { validateUtmUrls } from './validate-utm-urls.js';

const inputSchema = z
  .strictObject({
    urls: z.array(z.string()).optional().describe('The URLs to check (use this or `csv`).'),
    csv: z.string().optional().describe('CSV text with a header row and a column of URLs (use this or `urls`); other columns are ignored.'),
    source: z.string().optional().describe('File name of the CSV, used in messages and results.'),
    column: z.string().default('url').describe('Name of the CSV column that holds the URLs.'),
    policy: utmPolicySchema.optional(),
  })
  .refine((input) => (input.urls === undefined) !== (input.csv === undefined), { error: 'pass exactly one of `urls` or `csv`' });

const outputSchema = z.object({
  results: z
    .array(
      z.object({
        index: z.number().int().describe('0-based position in the list or among the CSV data rows.'),
        line: z.number().int().optional().describe('1-based CSV line.'),
        url: z.string().describe('The URL as given.'),
        ok: z.boolean().describe('True when there is no error.'),
        params: utmParamsSchema,
        issues: z.array(utmIssueSchema).describe('Errors and warnings for this URL.'),
        suggestedUrl: z.string().optional().describe('The URL with every fixable issue fixed.'),
      }),
    )
    .describe('One result per URL, in input order.'),
  summary: z
    .object({
      total: z.number().int().describe('URLs checked.'),
      ok: z.number().int().describe('URLs without errors.'),
      withErrors: z.number().int().describe('URLs with at least one error.'),
      withWarnings: z.number().int().describe('URLs with at least one warning.'),
      fixable: z.number().int().describe('URLs with a suggested fix.'),
    })
    .describe('Counts over all URLs.'),
  ignoredColumns: z.array(z.string()).describe('CSV columns other than the URL column.'),
});

export const validateUtmsOpsTool = defineOpsTool({
  name: 'validate_utms',
  title: 'Validate UTM-tagged URLs',
  description:
    'Checks campaign links against the UTM standard before launch: required utm_source/utm_medium/utm_campaign, lowercase hyphenated values, medium from the allowed list, utm_term only for paid search, campaign names in the registry, http(s) only. Use it on a single link, a list, or a CSV export of every link in a campaign. Returns per-line results with errors, warnings and a corrected URL where the fix is mechanical.',
  inputSchema,
  outputSchema,
  fileInput: { field: 'csv', sourceField: 'source', formats: ['csv'] },
  examples: [
    {
      title: 'Two links, one broken',
      input: {
        urls: ['https://example.com/?utm_source=google&utm_medium=cpc&utm_campaign=spring-launch&utm_term=crm-software', 'https://example.com/?utm_source=LinkedIn&utm_medium=social&utm_campaign=Spring_Launch&utm_term=crm'],
        policy: { campaigns: ['spring-launch'] },
      },
    },
  ],
  execute: (input) => validateUtmUrls(input, resolveUtmPolicy(input.policy)),
  toMarkdown(output) {
    const { summary } = output;
    const lines = [
      '## UTM validation',
      '',
      `${summary.total} URL(s): **${summary.ok} ok**, ${summary.withErrors} with errors, ${summary.withWarnings} with warnings, ${summary.fixable} with a suggested fix.`,
      '',
      markdownTable(
        ['#', 'Line', 'Result', 'URL'],
        output.results.map((r) => [r.index + 1, r.line ?? '-', r.ok ? (r.issues.length > 0 ? 'ok (warnings)' : 'ok') : 'ERROR', `\`${r.url}\``]),
        ['right', 'right', 'left', 'left'],
      ),
    ];
    const flagged = output.results.filter((r) => r.issues.length > 0);
    if (flagged.length > 0) {
      lines.push('', '### Issues');
      for (const r of flagged) {
        lines.push('', `**#${r.index + 1}${r.line ? ` (line ${r.line})` : ''}** \`${r.url}\``);
        lines.push(...r.issues.map((i) => `- ${i.severity}: ${i.message}`));
        if (r.suggestedUrl) lines.push(`- suggested: \`${r.suggestedUrl}\``);
      }
    }
    return lines.join('\n');
  },
});
