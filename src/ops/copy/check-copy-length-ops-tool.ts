import { z } from 'zod';
import { CHANNEL_LIMIT_IDS } from '../channel-limits.js';
import { defineOpsTool } from '../ops-tool.js';
import { markdownTable } from '../shared/markdown.js';
import { checkCopyLength } from './check-copy-length.js';

const inputSchema = z
  .strictObject({
    limit: z.enum(CHANNEL_LIMIT_IDS).describe(`Which channel limit to check against: ${CHANNEL_LIMIT_IDS.join(', ')}.`),
    text: z.string().optional().describe('One text to check (use this or `texts`).'),
    texts: z
      .array(z.string())
      .min(1)
      .optional()
      .describe('Several texts of the same kind, e.g. all headlines of one responsive search ad (use this or `text`).'),
  })
  .refine((input) => (input.text === undefined) !== (input.texts === undefined), {
    error: 'pass exactly one of `text` or `texts`',
  });

const outputSchema = z.object({
  limit: z
    .object({
      id: z.string().describe('Limit id.'),
      label: z.string().describe('What the limit applies to.'),
      maxChars: z.number().int().describe('Maximum characters per text.'),
      maxCount: z.number().int().optional().describe('Maximum number of texts per unit, when the channel has one.'),
      source: z.string().describe('Where the number comes from.'),
    })
    .describe('The limit that was applied.'),
  items: z
    .array(
      z.object({
        text: z.string().describe('The text as given.'),
        characters: z.number().int().describe('User-perceived characters after trimming.'),
        remaining: z.number().int().describe('Characters left; negative when over the limit.'),
        passed: z.boolean().describe('True when the text is non-empty and within the limit.'),
        problem: z.string().optional().describe('Why the text fails.'),
      }),
    )
    .describe('One result per text, in input order.'),
  countOk: z.boolean().describe('False when there are more texts than the channel allows.'),
  passed: z.boolean().describe('True when every text passes and the count is within the maximum.'),
  summary: z.string().describe('One-line verdict.'),
});

export const checkCopyLengthOpsTool = defineOpsTool({
  name: 'check_copy_length',
  title: 'Check copy length against a channel limit',
  description:
    'Counts the characters of ad headlines, descriptions, meta tags, social posts or email subject lines and checks them against the channel limit (e.g. 30 for a Google Ads RSA headline, 155 for a meta description). Use it before handing copy over or launching. Returns pass/fail per text with character counts and how many characters are left or over, plus whether the number of texts fits the channel.',
  inputSchema,
  outputSchema,
  examples: [
    { title: 'RSA headlines', input: { limit: 'rsa-headline', texts: ['Plan campaigns in minutes', 'Free 14-day trial, no card needed'] } },
    { title: 'Email subject', input: { limit: 'email-subject', text: 'Your Q3 pipeline report is ready' } },
  ],
  execute: (input) => checkCopyLength(input.limit, input.texts ?? [input.text ?? '']),
  toMarkdown(output) {
    const rows = output.items.map((item, i) => [i + 1, item.text, item.characters, item.remaining, item.passed ? 'pass' : `FAIL: ${item.problem}`]);
    return [
      `## Copy length: ${output.limit.label}`,
      '',
      `**${output.passed ? 'PASS' : 'FAIL'}** - ${output.summary}.`,
      '',
      markdownTable(['#', 'Text', 'Characters', 'Left', 'Result'], rows, ['right', 'left', 'right', 'right', 'left']),
      '',
      `_Limit: ${output.limit.maxChars} characters${output.limit.maxCount ? `, at most ${output.limit.maxCount} per unit` : ''}. ${output.limit.source}_`,
    ].join('\n');
  },
});
