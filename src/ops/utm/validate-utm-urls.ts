import { z } from 'zod';
import { MopsError } from '../../errors/index.js';
import { normalizeColumnName } from '../shared/parse-csv-table.js';
import { readTable, type TabularInput } from '../shared/read-table.js';
import type { UtmPolicy } from './utm-policy.js';
import { validateUtmUrl, type UtmUrlValidation } from './validate-utm-url.js';

export interface UtmLineResult extends UtmUrlValidation {
  index: number;
  /** 1-based CSV line, when read from CSV. */
  line?: number;
}

export interface UtmBulkResult {
  results: UtmLineResult[];
  summary: { total: number; ok: number; withErrors: number; withWarnings: number; fixable: number };
  ignoredColumns: string[];
}

export interface UtmBulkInput {
  urls?: readonly string[] | undefined;
  csv?: string | undefined;
  source?: string | undefined;
  /** The CSV column holding the URLs. @default "url" */
  column?: string | undefined;
}

/**
 * Validates many URLs (a list, or a CSV column) and reports one result per line, in order.
 * A blank URL cell is reported as an error for its line, never skipped.
 */
export function validateUtmUrls(input: UtmBulkInput, policy: UtmPolicy): UtmBulkResult {
  let entries: { url: string; index: number; line?: number }[];
  let ignoredColumns: string[] = [];
  if (input.csv !== undefined && input.urls === undefined) {
    const column = normalizeColumnName(input.column ?? 'url');
    const rowSchema = z.object({ [column]: z.string().optional() });
    const table = readTable({ rowSchema }, { csv: input.csv, source: input.source });
    if (!table.columns.includes(column)) {
      throw new MopsError('INVALID_FILE', `no "${column}" column in the header; name the URL column "${column}" or pass \`column\``, {
        location: { file: table.source, line: 1 },
      });
    }
    ignoredColumns = table.unknownColumns;
    entries = table.rows.map((row) => ({ url: String((row.value as Record<string, unknown>)[column] ?? ''), index: row.index, ...(row.line ? { line: row.line } : {}) }));
  } else if (input.urls !== undefined && input.csv === undefined) {
    entries = input.urls.map((url, index) => ({ url, index }));
  } else {
    throw new MopsError('INVALID_INPUT', 'pass exactly one of `urls` (a list) or `csv` (CSV text with a url column)');
  }

  const results = entries.map(({ url, index, line }): UtmLineResult => {
    const base = line === undefined ? { index } : { index, line };
    if (url.trim() === '') {
      return { ...base, url, ok: false, params: {}, issues: [{ severity: 'error', code: 'invalid-url', message: 'no URL on this line', fixable: false }] };
    }
    return { ...base, ...validateUtmUrl(url, policy) };
  });
  const summary = { total: results.length, ok: 0, withErrors: 0, withWarnings: 0, fixable: 0 };
  for (const result of results) {
    if (result.ok) summary.ok += 1;
    else summary.withErrors += 1;
    if (result.issues.some((i) => i.severity === 'warning')) summary.withWarnings += 1;
    if (result.suggestedUrl !== undefined) summary.fixable += 1;
  }
  return { results, summary, ignoredColumns };
}
