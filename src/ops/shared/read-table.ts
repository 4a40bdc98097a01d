import { z } from 'zod';
import { MopsError } from '../../errors/index.js';
import { describeValue, describeZodIssue, formatPath } from './describe-zod-issue.js';
import { parseCsvTable, type LineProblem } from './parse-csv-table.js';

/** Tabular data as a tool receives it: JSON rows, or CSV text with its file name. */
export interface TabularInput {
  rows?: readonly unknown[] | undefined;
  csv?: string | undefined;
  /** File name used in messages (`leads.csv:7: ...`). @default "input.csv" */
  source?: string | undefined;
}

export interface TableSpec<S extends z.ZodObject> {
  /** The row shape; its field types drive CSV cell conversion (boolean, number, enum, string). */
  rowSchema: S;
  /** Other column names accepted for a field, e.g. `{ conversion_id: 'journey_id' }`. */
  aliases?: Readonly<Record<string, string>>;
}

export interface TableRow<T> {
  value: T;
  /** 0-based position among the data rows. */
  index: number;
  /** 1-based file line, for CSV input. */
  line?: number;
}

export interface RejectedRow {
  index: number;
  line?: number;
  problems: string[];
}

export interface ReadTableResult<T> {
  rows: TableRow<T>[];
  /** Rows left out because of problems (only when `skipInvalidRows` is set). */
  rejected: RejectedRow[];
  /** Columns of the CSV header (normalised), or every key seen in the JSON rows. */
  columns: string[];
  /** Columns (or JSON keys) the row shape does not know; they were ignored. */
  unknownColumns: string[];
  source: string;
}

export interface ReadTableOptions {
  /** Leave bad rows out and list them in `rejected` instead of failing the call. @default false */
  skipInvalidRows?: boolean;
}

export const DEFAULT_CSV_SOURCE = 'input.csv';

type CellKind = { kind: 'boolean' } | { kind: 'number' } | { kind: 'enum'; values: string[] } | { kind: 'string' };

/**
 * Reads rows from JSON or CSV into validated records. Every row problem is collected;
 * unless `skipInvalidRows` is set, any problem fails the call with one error listing all
 * of them (`leads.csv:7: column "visited_pricing": expected true/false, got "maybe"`).
 * Nothing is dropped silently: skipped rows come back in `rejected`.
 */
export function readTable<S extends z.ZodObject>(
  spec: TableSpec<S>,
  input: TabularInput,
  options: ReadTableOptions = {},
): ReadTableResult<z.output<S>> {
  const hasRows = input.rows !== undefined;
  const hasCsv = input.csv !== undefined;
  if (hasRows === hasCsv) {
    throw new MopsError(
      'INVALID_INPUT',
      hasRows ? 'got both `rows` and `csv`; pass only one of them' : 'no data: pass `rows` (a JSON array) or `csv` (CSV text with a header row)',
    );
  }
  return hasCsv ? readCsv(spec, input.csv ?? '', input.source ?? DEFAULT_CSV_SOURCE, options) : readRows(spec, input.rows ?? [], options);
}

function readRows<S extends z.ZodObject>(
  spec: TableSpec<S>,
  rows: readonly unknown[],
  options: ReadTableOptions,
): ReadTableResult<z.output<S>> {
  const shape = spec.rowSchema.shape;
  const unknown = new Set<string>();
  const seen = new Set<string>();
  const result: TableRow<z.output<S>>[] = [];
  const rejected: RejectedRow[] = [];
  rows.forEach((raw, index) => {
    const record = isPlainObject(raw) ? applyAliases(raw, spec.aliases) : raw;
    if (isPlainObject(record)) {
      for (const key of Object.keys(record)) {
        seen.add(key);
        if (!(key in shape)) unknown.add(key);
      }
    }
    const parsed = spec.rowSchema.safeParse(record, { reportInput: true });
    if (parsed.success) result.push({ value: parsed.data, index });
    else rejected.push({ index, problems: parsed.error.issues.map((issue) => `${formatPath(['rows', index, ...issue.path])}: ${describeZodIssue(issue)}`) });
  });
  if (rejected.length > 0 && !options.skipInvalidRows) {
    const problems = rejected.flatMap((row) => row.problems);
    throw new MopsError(
      'INVALID_INPUT',
      `${rejected.length} of ${rows.length} row(s) are invalid:\n${problems.map((p) => `  ${p}`).join('\n')}\nFix them, or pass skipInvalidRows: true to use the valid rows and list the rejected ones.`,
      { details: { problems } },
    );
  }
  return { rows: result, rejected, columns: [...seen], unknownColumns: [...unknown].sort(), source: 'rows' };
}

function readCsv<S extends z.ZodObject>(
  spec: TableSpec<S>,
  text: string,
  file: string,
  options: ReadTableOptions,
): ReadTableResult<z.output<S>> {
  const table = parseCsvTable(text, file);
  const shape = spec.rowSchema.shape as Record<string, z.ZodType>;
  const columnField = (column: string): string => spec.aliases?.[column] ?? column;
  const fields = new Set(table.columns.map(columnField));
  const missing = Object.keys(shape).filter((field) => !fields.has(field) && !isOptional(shape[field]));
  if (missing.length > 0) {
    throw new MopsError(
      'INVALID_FILE',
      `missing required column(s) ${missing.map((m) => `"${m}"`).join(', ')}; the header has ${table.columns.map((c) => `"${c}"`).join(', ')}`,
      { location: { file, line: 1 }, details: { missing } },
    );
  }
  const unknownColumns = table.columns.filter((column) => !(columnField(column) in shape));
  const kinds = new Map<string, CellKind>();
  for (const [field, schema] of Object.entries(shape)) kinds.set(field, cellKind(schema));

  const rows: TableRow<z.output<S>>[] = [];
  const rejected: RejectedRow[] = [];
  table.records.forEach((record, index) => {
    const value: Record<string, unknown> = {};
    const problems: string[] = record.problem ? [record.problem] : [];
    for (const [column, cell] of Object.entries(record.cells)) {
      const field = columnField(column);
      const kind = kinds.get(field);
      if (!kind || cell === '') continue;
      const converted = convertCell(cell, kind);
      if (converted.ok) value[field] = converted.value;
      else problems.push(`column "${column}": ${converted.message}`);
    }
    if (problems.length === 0 && !record.problem) {
      const parsed = spec.rowSchema.safeParse(value, { reportInput: true });
      if (parsed.success) {
        rows.push({ value: parsed.data, index, line: record.line });
        return;
      }
      for (const issue of parsed.error.issues) {
        const column = issue.path.length > 0 ? `column "${String(issue.path[0])}"` : 'row';
        const message = issue.code === 'invalid_type' && issue.input === undefined ? 'required, but the cell is empty' : describeZodIssue(issue);
        problems.push(`${column}: ${message}`);
      }
    }
    rejected.push({ index, line: record.line, problems });
  });

  if (rejected.length > 0 && !options.skipInvalidRows) {
    const lines: LineProblem[] = rejected.flatMap((row) => row.problems.map((message) => ({ line: row.line ?? 0, message })));
    const [first, ...rest] = lines;
    const total = table.records.length;
    throw new MopsError(
      'INVALID_FILE',
      `${first?.message}${rest.map((p) => `\n${file}:${p.line}: ${p.message}`).join('')}\n${rejected.length} of ${total} row(s) in ${file} are invalid. Fix them, or pass skipInvalidRows: true to use the valid rows and list the rejected ones.`,
      { location: { file, line: first?.line }, details: { problems: lines.map((p) => ({ file, ...p })) } },
    );
  }
  return { rows, rejected, columns: table.columns, unknownColumns, source: file };
}

function applyAliases(record: Record<string, unknown>, aliases: Readonly<Record<string, string>> | undefined): Record<string, unknown> {
  if (!aliases) return record;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    const field = aliases[key] ?? key;
    if (!(field in out)) out[field] = value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOptional(schema: z.ZodType | undefined): boolean {
  return schema === undefined || schema.safeParse(undefined).success;
}

/** Looks through optional/default/nullable wrappers to the base type of a field. */
function cellKind(schema: z.ZodType): CellKind {
  let current: z.ZodType = schema;
  for (;;) {
    const def = current.def as { type: string; innerType?: z.ZodType; entries?: Record<string, string> };
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) {
      current = def.innerType;
      continue;
    }
    if (def.type === 'boolean') return { kind: 'boolean' };
    if (def.type === 'number') return { kind: 'number' };
    if (def.type === 'enum' && def.entries) return { kind: 'enum', values: Object.values(def.entries) };
    return { kind: 'string' };
  }
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

function convertCell(cell: string, kind: CellKind): { ok: true; value: unknown } | { ok: false; message: string } {
  switch (kind.kind) {
    case 'boolean': {
      const word = cell.toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, message: `expected true/false, got ${describeValue(cell)}` };
    }
    case 'number': {
      const value = Number(cell);
      if (Number.isFinite(value)) return { ok: true, value };
      return { ok: false, message: `expected a number, got ${describeValue(cell)}` };
    }
    case 'enum': {
      const match = kind.values.find((v) => v === cell) ?? kind.values.find((v) => v.toLowerCase() === cell.toLowerCase());
      if (match !== undefined) return { ok: true, value: match };
      return { ok: false, message: `expected one of ${kind.values.join(', ')}, got ${describeValue(cell)}` };
    }
    default:
      return { ok: true, value: cell };
  }
}
