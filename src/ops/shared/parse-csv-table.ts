import { parse } from 'csv-parse/sync';
import { MopsError } from '../../errors/index.js';

/** One data record of a CSV file, with the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  cells: Record<string, string>;
  /** Set when the record cannot be read as a row (wrong number of cells); `cells` is then empty. */
  problem?: string;
}

/** A problem tied to one line of a file. */
export interface LineProblem {
  line: number;
  message: string;
}

export interface CsvTable {
  /** Normalised column names (`Visited Pricing` → `visited_pricing`), in file order. */
  columns: string[];
  /** Data records in file order, including malformed ones (with `problem` set). */
  records: CsvRecord[];
}

/** `Visited Pricing` / `visited-pricing` / ` VISITED_PRICING ` → `visited_pricing`. */
export function normalizeColumnName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

interface CsvParseInfo {
  lines: number;
  error?: { code: string };
}

/**
 * Parses CSV text with a header row. Fatal syntax errors (an unclosed quote, a bad header)
 * throw INVALID_FILE with the line; rows with the wrong number of cells come back with a
 * `problem` so a caller can report all of them at once. Blank lines are skipped.
 */
export function parseCsvTable(text: string, file: string): CsvTable {
  let parsed: { record: string[]; raw: string; info: CsvParseInfo }[];
  try {
    // One line-ending style keeps csv-parse's line counting exact for CRLF files too.
    parsed = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : undefined;
    throw new MopsError('INVALID_FILE', `not valid CSV: ${(error as Error).message}`, {
      location: { file, line },
      cause: error,
    });
  }
  const first = parsed[0];
  if (!first) {
    throw new MopsError('INVALID_FILE', 'the CSV is empty; expected a header row naming the columns, then one row per record', {
      location: { file, line: 1 },
    });
  }
  const headerLine = startLine(first.raw, first.info.lines);
  const columns = first.record.map(normalizeColumnName);
  columns.forEach((name, index) => {
    if (name === '') {
      throw new MopsError('INVALID_FILE', `header column ${index + 1} has no name; every column needs a name`, {
        location: { file, line: headerLine },
      });
    }
    if (columns.indexOf(name) !== index) {
      throw new MopsError('INVALID_FILE', `header names column "${name}" twice; rename or remove one of them`, {
        location: { file, line: headerLine },
      });
    }
  });

  const records: CsvRecord[] = [];
  for (const entry of parsed.slice(1)) {
    const line = startLine(entry.raw, entry.info.lines);
    if (entry.record.every((cell) => cell.trim() === '')) continue;
    if (entry.record.length !== columns.length) {
      records.push({
        line,
        cells: {},
        problem: `expected ${columns.length} cells (one per header column), got ${entry.record.length}; check for an unquoted comma or a missing cell`,
      });
      continue;
    }
    const cells: Record<string, string> = {};
    columns.forEach((name, index) => {
      cells[name] = (entry.record[index] ?? '').trim();
    });
    records.push({ line, cells });
  }
  return { columns, records };
}

/**
 * csv-parse reports the line a record ends on, and its raw text carries skipped blank lines
 * before it and the line break after it; a quoted cell may span lines in between.
 */
function startLine(raw: string, endLine: number): number {
  const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
  let newlines = 0;
  for (let i = 0; i < body.length; i += 1) if (body.charCodeAt(i) === 10) newlines += 1;
  return endLine - newlines;
}
