import { describe, expect, it } from 'vitest';
import { MopsError } from '../../../src/errors/index.js';
import { validateUtmsOpsTool } from '../../../src/ops/utm/validate-utms-ops-tool.js';

describe('validate_utms in bulk', () => {
  it('reports one result per CSV line, including blank URL cells', async () => {
    const csv = [
      'name,url',
      'ad,https://example.com/?utm_source=google&utm_medium=cpc&utm_campaign=spring-launch',
      'mail,https://example.com/?utm_source=Newsletter&utm_medium=email&utm_campaign=spring-launch',
      'blank,',
      'ftp,ftp://example.com/file',
    ].join('\n');
    const output = await validateUtmsOpsTool.run({ csv, source: 'links.csv' });
    expect(output.results.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, false],
      [4, false],
      [5, false],
    ]);
    expect(output.summary).toEqual({ total: 4, ok: 1, withErrors: 3, withWarnings: 0, fixable: 1 });
    expect(output.ignoredColumns).toEqual(['name']);
    expect(validateUtmsOpsTool.toMarkdown(output)).toContain('line 3');
  });

  it('names the missing URL column', () => {
    expect(() => validateUtmsOpsTool.run({ csv: 'link\nhttps://example.com', source: 'links.csv' })).toThrow(
      /links\.csv:1: no "url" column/,
    );
    const output = validateUtmsOpsTool.run({ csv: 'Link\nhttps://example.com/?utm_source=a&utm_medium=cpc&utm_campaign=b', column: 'link' });
    expect(output).toMatchObject({ summary: { total: 1, ok: 1 } });
  });

  it('rejects input with neither urls nor csv', () => {
    expect(() => validateUtmsOpsTool.run({})).toThrow(MopsError);
  });
});
