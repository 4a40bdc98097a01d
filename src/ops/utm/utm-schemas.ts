import { z } from 'zod';

export const utmIssueSchema = z.object({
  param: z.string().optional().describe('The parameter concerned; absent for whole-URL problems.'),
  severity: z.enum(['error', 'warning']).describe('Errors break the standard; warnings are worth a look.'),
  code: z.string().describe('Machine-readable issue code, e.g. uppercase, medium-not-allowed, term-not-paid-search.'),
  message: z.string().describe('What is wrong and how to fix it.'),
  fixable: z.boolean().describe('True when the suggested URL fixes it.'),
});

export const utmParamsSchema = z
  .object({
    utm_source: z.string().optional().describe('Platform, e.g. google, linkedin, newsletter.'),
    utm_medium: z.string().optional().describe('Channel type, e.g. cpc, email, social.'),
    utm_campaign: z.string().optional().describe('Campaign name from the registry.'),
    utm_content: z.string().optional().describe('Variant, e.g. headline-a.'),
    utm_term: z.string().optional().describe('Paid-search keyword.'),
  })
  .describe('UTM values.');

export function severityCounts(issues: readonly { severity: 'error' | 'warning' }[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const issue of issues) {
    if (issue.severity === 'error') errors += 1;
    else warnings += 1;
  }
  return { errors, warnings };
}
