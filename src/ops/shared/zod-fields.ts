import { z } from 'zod';
import { describeValue } from './describe-zod-issue.js';
import { parseIsoDate, parseIsoTimestamp } from './dates.js';

/** A `YYYY-MM-DD` calendar date. */
export function isoDate(description: string) {
  return z
    .string()
    .refine((text) => parseIsoDate(text) !== undefined, {
      error: (issue) => `expected a date as YYYY-MM-DD, got ${describeValue(issue.input)}`,
    })
    .describe(description);
}

/** An ISO 8601 date or date-time (`2025-03-01` or `2025-03-01T09:30:00Z`; no zone means UTC). */
export function isoTimestamp(description: string) {
  return z
    .string()
    .refine((text) => parseIsoTimestamp(text) !== undefined, {
      error: (issue) => `expected an ISO date-time such as 2025-03-01T09:30:00Z, got ${describeValue(issue.input)}`,
    })
    .describe(description);
}

/** The shared fields of every tool that reads a table from `rows` or `csv`. */
export function tabularInputFields<R extends z.ZodType>(row: R, what: string) {
  return {
    rows: z.array(row).optional().describe(`The ${what} as a JSON array of objects (use this or \`csv\`).`),
    csv: z
      .string()
      .optional()
      .describe(`The ${what} as CSV text with a header row; column names as in \`rows\` (use this or \`rows\`).`),
    source: z.string().optional().describe('File name of the CSV, used in messages such as `leads.csv:7: ...`.'),
    skipInvalidRows: z
      .boolean()
      .default(false)
      .describe('CSV only: leave invalid rows out and list them under `rejectedRows` instead of failing the whole call.'),
  };
}

/** A row that was left out, as reported in tool outputs. */
export const rejectedRowSchema = z.object({
  line: z.number().int().optional().describe('1-based line in the CSV file.'),
  index: z.number().int().describe('0-based position among the data rows.'),
  problems: z.array(z.string()).describe('Every problem found in the row.'),
});
