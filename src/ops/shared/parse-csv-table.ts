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

/**
 * Parses CSV text with a header row. Fatal syntax errors (an unclosed quote, a bad header)
 * throw INVALID_FILE with the line; rows with the wrong number of cells come back with a
 * `problem` so a caller can report all of them at once. Blank lines are skipped.
 */
export function parseCsvTable(text: string, file: string): CsvTable {
  // One line-ending style keeps line numbers exact for CRLF files too.
  const normalized = text.replace(/\r\n?/g, '\n');
  let rows: string[][];
  try {
    rows = parse(normalized, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : undefined;
    throw new MopsError('INVALID_FILE', `not valid CSV: ${(error as Error).message}`, {
      location: { file, line },
      cause: error,
    });
  }
  const starts = recordStartLines(normalized);
  // The scan and the parser agree for every file the parser accepts; if they ever do not,
  // line numbers would be wrong, so fail loudly rather than point at the wrong line.
  if (starts.length !== rows.length) {
    throw new MopsError('INVALID_FILE', `could not map CSV records to lines (${rows.length} records, ${starts.length} lines); check the quoting`, {
      location: { file },
    });
  }
  const parsed = rows.map((record, i) => ({ record, line: starts[i] ?? 0 }));
  const first = parsed[0];
  if (!first) {
    throw new MopsError('INVALID_FILE', 'the CSV is empty; expected a header row naming the columns, then one row per record', {
      location: { file, line: 1 },
    });
  }
  const headerLine = first.line;
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
    const { line } = entry;
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
 * The 1-based line each record starts on: a record ends at a line break outside quotes,
 * and empty lines are not records (as csv-parse's skip_empty_lines treats them).
 * Scanning is cheap next to asking the parser for per-record info on big files.
 */
function recordStartLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let start = 1;
  let length = 0;
  let quoted = false;
  // A byte-order mark is not content.
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = from; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    if (c === 10) {
      if (!quoted) {
        if (length > 0) starts.push(start);
        length = 0;
        line += 1;
        start = line;
        continue;
      }
      line += 1;
    }
    length += 1;
  }
  if (length > 0) starts.push(start);
  return starts;
}
