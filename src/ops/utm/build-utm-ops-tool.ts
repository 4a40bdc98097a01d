import { z } from 'zod';
import { defineOpsTool } from '../ops-tool.js';
import { bulletList, markdownTable } from '../shared/markdown.js';
import { buildUtmUrl } from './build-utm-url.js';
import { resolveUtmPolicy, utmPolicySchema } from './utm-policy.js';
import { utmIssueSchema, utmParamsSchema } from './utm-schemas.js';

const inputSchema = z.strictObject({
  url: z.string().min(1).describe('The landing page URL (http or https). Existing query parameters and #fragment are kept.'),
  source: z.string().describe('utm_source: the platform, e.g. google, linkedin, newsletter, partner-name.'),
  medium: z.string().describe('utm_medium: the channel type from the allowed list, e.g. cpc, email, social, paid-social.'),
  campaign: z.string().describe('utm_campaign: the campaign name as written in the registry, e.g. product-launch-q1.'),
  content: z.string().optional().describe('utm_content: the variant, e.g. headline-a, cta-blue, audience-cmo.'),
  term: z.string().optional().describe('utm_term: the paid-search keyword; only allowed with a paid-search medium (cpc, ppc, paid-search).'),
  policy: utmPolicySchema.optional(),
});

const outputSchema = z.object({
  ok: z.boolean().describe('True when the tagged URL meets the standard (warnings allowed).'),
  url: z.string().nullable().describe('The tagged URL, or null when an error remains.'),
  params: utmParamsSchema,
  changes: z.array(z.string()).describe('Normalisations applied to the given values.'),
  replaced: z.array(z.string()).describe('UTM parameters the URL already had that were replaced.'),
  issues: z.array(utmIssueSchema).describe('Errors and warnings.'),
});

export const buildUtmOpsTool = defineOpsTool({
  name: 'build_utm',
  title: 'Build a UTM-tagged URL',
  description:
    'Builds a campaign link with utm_source, utm_medium, utm_campaign and optional utm_content/utm_term, applying the team standard: lowercase, hyphens instead of spaces or underscores, medium from the allowed list, utm_term only for paid search, campaign checked against the registry. Use it whenever a link for an ad, email or post needs tracking. Returns the tagged URL (existing parameters and #fragment kept), the normalisations it applied, and any errors or warnings.',
  inputSchema,
  outputSchema,
  examples: [
    {
      title: 'Email link',
      input: { url: 'https://example.com/pricing?ref=nav#plans', source: 'Newsletter', medium: 'email', campaign: 'Spring Launch', content: 'cta_button' },
    },
  ],
  execute: (input) => buildUtmUrl(input, resolveUtmPolicy(input.policy)),
  toMarkdown(output) {
    const lines = ['## UTM link', ''];
    lines.push(output.url ? `**${output.ok ? 'OK' : 'Check'}**: \`${output.url}\`` : '**Not built**: fix the errors below.');
    const params = Object.entries(output.params).map(([k, v]) => [k, v]);
    if (params.length > 0) lines.push('', markdownTable(['Parameter', 'Value'], params));
    if (output.changes.length > 0) lines.push('', '### Normalised', bulletList(output.changes));
    if (output.replaced.length > 0) lines.push('', '### Replaced existing parameters', bulletList(output.replaced.map((r) => `\`${r}\``)));
    if (output.issues.length > 0) {
      lines.push('', '### Issues', markdownTable(['Severity', 'Parameter', 'Issue'], output.issues.map((i) => [i.severity, i.param ?? '-', i.message])));
    }
    return lines.join('\n');
  },
});
