import { describe, expect, it } from 'vitest';
import { MopsError } from '../../../src/errors/index.js';
import { parseCsvTable } from '../../../src/ops/shared/parse-csv-table.js';

describe('parseCsvTable', () => {
  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ] as const) {
    it(`gives each record the line it starts on (${name}, quoted line breaks, blank lines)`, () => {
      const text = ['Name,Note', 'a,1', '"b","two', 'lines"', '', 'c,3', 'd,4'].join(eol) + eol;
      const table = parseCsvTable(text, 't.csv');
      expect(table.columns).toEqual(['name', 'note']);
      expect(table.records.map((r) => [r.line, r.cells.name])).toEqual([
        [2, 'a'],
        [3, 'b'],
        [6, 'c'],
        [7, 'd'],
      ]);
    });
  }

  it('keeps line numbers right with a byte-order mark, escaped quotes and whitespace-only lines', () => {
    const text = '\uFEFFid,quote\n1,"She said ""hi,\nthere"""\n   \n2,"a,b"\n';
    const table = parseCsvTable(text, 't.csv');
    expect(table.columns).toEqual(['id', 'quote']);
    expect(table.records.map((r) => [r.line, r.cells.id, r.cells.quote])).toEqual([
      [2, '1', 'She said "hi,\nthere"'],
      [5, '2', 'a,b'],
    ]);
  });

  it('flags rows with the wrong number of cells instead of guessing', () => {
    const table = parseCsvTable('a,b\n1,2\n1,2,3\n4\n', 't.csv');
    expect(table.records.map((r) => [r.line, r.problem ?? 'ok'])).toEqual([
      [2, 'ok'],
      [3, 'expected 2 cells (one per header column), got 3; check for an unquoted comma or a missing cell'],
      [4, 'expected 2 cells (one per header column), got 1; check for an unquoted comma or a missing cell'],
    ]);
  });

  it('throws INVALID_FILE with the line for an unclosed quote, an empty file and a bad header', () => {
    const unclosed = (() => {
      try {
        parseCsvTable('a,b\n1,"2\n3,4\n', 'q.csv');
      } catch (error) {
        return error;
      }
    })();
    expect(unclosed).toBeInstanceOf(MopsError);
    expect((unclosed as MopsError).code).toBe('INVALID_FILE');
    expect((unclosed as MopsError).message).toMatch(/^q\.csv:\d+: not valid CSV/);
    expect(() => parseCsvTable('', 'e.csv')).toThrow('e.csv:1: the CSV is empty');
    expect(() => parseCsvTable('a,A\n1,2', 'h.csv')).toThrow('h.csv:1: header names column "a" twice');
  });
});
